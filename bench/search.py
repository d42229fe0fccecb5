"""Household search on a national-sized data set: timings and the PostgreSQL plans.

Fills the current database (use a scratch PostgreSQL database, never production) with
100,000 households, 300,000 people and 300,000 contracts spread over 77 provinces'
villages, then times the searches a user makes and shows whether PostgreSQL uses the
indexes of debts migrations 0003/0004:

  DATABASE_URL=postgres://…/scratch DEBUG=1 .venv/bin/python manage.py migrate
  DATABASE_URL=… DEBUG=1 .venv/bin/python manage.py load_reference
  DATABASE_URL=… DEBUG=1 .venv/bin/python manage.py shell -v0 < bench/search.py
"""

import time
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cdfmc.accounts.models import Role, User
from cdfmc.geo.models import Subdistrict, Village
from centres.models import Centre
from debts.models import Contract, Creditor, CreditorKind, Household, Person
from debts.rules import citizen_id_check_digit, house_number_sort_key
from debts.search import households_matching

HOUSEHOLDS = 100_000
FIRST = ["สมชาย", "สมศรี", "บุญมี", "ประภาส", "คำปุน", "ทองดี", "มาลัย", "สุดใจ", "วิไล", "อำนาจ"]
LAST = ["ใจดี", "ศรีสุข", "มีสุข", "แก้วมณี", "พรมมา", "บุญเรือง", "สายทอง", "ทองคำ"]


def fill():
    if Household.objects.count() >= HOUSEHOLDS:
        return
    subdistricts = list(Subdistrict.objects.values_list("code", flat=True)[::10])[:2000]
    villages = Village.objects.bulk_create(
        [Village(subdistrict_id=code, number=1, name=f"บ้านทดสอบ {code}") for code in subdistricts],
        ignore_conflicts=True,
    )
    villages = list(Village.objects.filter(subdistrict_id__in=subdistricts))
    centres = Centre.objects.bulk_create(
        [Centre(village=v, name=f"ศูนย์จัดการกองทุนชุมชน{v.name}") for v in villages],
        ignore_conflicts=True,
    )
    centres = list(Centre.objects.filter(village__in=villages).select_related("village"))
    creditors = Creditor.objects.bulk_create(
        [Creditor(centre=c, kind=CreditorKind.BANK, name="ธ.ก.ส.") for c in centres]
    )
    per_centre = HOUSEHOLDS // len(centres) + 1
    serial = 0
    for centre, creditor in zip(centres, creditors, strict=True):
        households = Household.objects.bulk_create(
            [
                Household(
                    centre=centre,
                    village=centre.village,
                    house_number=str(n),
                    house_number_sort=house_number_sort_key(str(n)),
                )
                for n in range(1, per_centre + 1)
            ]
        )
        people, contracts = [], []
        for household in households:
            for role in range(3):
                serial += 1
                first12 = f"3{serial:011d}"
                cid = first12 + str(citizen_id_check_digit(first12))
                people.append(
                    Person(
                        household=household,
                        citizen_id=cid,
                        citizen_id_reversed=cid[::-1],
                        is_head=role == 0,
                        first_name=FIRST[serial * 7 % len(FIRST)] + ("" if role else "ชัย"),
                        last_name=LAST[serial * 3 % len(LAST)],
                    )
                )
                contracts.append(
                    Contract(
                        household=household,
                        creditor=creditor,
                        principal=Decimal(10000),
                        rate=Decimal(6),
                        outstanding=Decimal(10000),
                    )
                )
        Person.objects.bulk_create(people, batch_size=5000)
        Contract.objects.bulk_create(contracts, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def user(role, **area):
    found, _ = User.objects.get_or_create(username=f"bench-{role}", defaults={"role": role, **area})
    return found


fill()
some = Person.objects.filter(is_head=True).order_by("pk")[HOUSEHOLDS // 2]
province = user(Role.PROVINCE, province_id=some.household.centre.village.subdistrict_id[:2])
national = user(Role.HEAD_OFFICE)
print(
    f"{Household.objects.count()} households, {Person.objects.count()} people, "
    f"{Contract.objects.count()} contracts"
)
searches = [some.citizen_id[-4:], some.citizen_id, some.first_name, "ศรีสุข ชัย", "17"]
for who in (province, national):
    for text in searches:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(who)
        for url in ("/search/", "/debts/households/"):
            client.get(url, {"q": text})
            times = []
            for _ in range(3):
                with CaptureQueriesContext(connection) as ctx:
                    start = time.perf_counter()
                    response = client.get(url, {"q": text})
                    times.append(time.perf_counter() - start)
            print(
                f"| {who.role} | `{url}?q={text}` | {response.status_code} | {len(ctx)} "
                f"| {sorted(times)[1] * 1000:.0f} ms |"
            )
    if connection.vendor == "postgresql":
        for text in (some.citizen_id[-4:], "ศรีสุข ชัย"):
            qs = households_matching(Household.objects.visible_to(who), text)[:50]
            plan = qs.explain(analyze=True)
            used = sorted({w for w in plan.split() if w.endswith(("_trgm", "_tail", "_sort"))})
            print(f"plan for {text!r} as {who.role}: indexes {used}")
