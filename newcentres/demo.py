"""Demo round: FY2569 "จัดตั้งศูนย์จัดการกองทุนชุมชน" with the seed group's quotas (seed 000)
and a few villages of อ.เมืองเลย screened by its officer, two of them nominated."""

import datetime

from cdfmc.accounts.models import User
from cdfmc.geo.models import Province, Village
from newcentres.models import Nomination, Quota, Round, Screening, WillingGroup

SEED_QUOTAS = {"เลย": 4, "หนองคาย": 4, "หนองบัวลำภู": 4, "อุดรธานี": 4, "บึงกาฬ": 4}
LOEI_DEADLINE = datetime.date(2025, 8, 20)  # the Loei letter of 13 Aug 2568

# (subdistrict, หมู่ที่, core kind, core name, willing groups, target households, nominate)
SCREENINGS = [
    (
        "420101",
        3,
        "savings",
        "กลุ่มออมทรัพย์เพื่อการผลิตบ้านนาดินดำ",
        [
            ("savings", "กลุ่มออมทรัพย์เพื่อการผลิตบ้านนาดินดำ"),
            ("village_fund", "กองทุนหมู่บ้านนาดินดำ"),
            ("kkkj", "กองทุน กข.คจ. บ้านนาดินดำ"),
            ("other_nonfinancial", "กลุ่มเลี้ยงโคบ้านนาดินดำ"),
        ],
        42,
        True,
    ),
    (
        "420101",
        5,
        "village_fund",
        "กองทุนหมู่บ้านหนองผือ",
        [
            ("village_fund", "กองทุนหมู่บ้านหนองผือ"),
            ("savings", "กลุ่มสัจจะออมทรัพย์บ้านหนองผือ"),
            ("other_financial", "กลุ่มกองทุนแม่ของแผ่นดินบ้านหนองผือ"),
        ],
        35,
        True,
    ),
    (
        "420103",
        2,
        "savings",
        "กลุ่มออมทรัพย์เพื่อการผลิตบ้านโนนสว่าง",
        [("savings", "กลุ่มออมทรัพย์เพื่อการผลิตบ้านโนนสว่าง"), ("village_fund", "กองทุนหมู่บ้านโนนสว่าง")],
        31,
        False,
    ),
]


def load(stdout=None):
    round_, _ = Round.objects.get_or_create(
        fiscal_year=2569,
        defaults={
            "national_total": 300,
            "district_deadline": LOEI_DEADLINE,
            "province_deadline": datetime.date(2025, 8, 29),
        },
    )
    for province in Province.objects.filter(name_th__in=SEED_QUOTAS):
        Quota.objects.get_or_create(
            round=round_,
            province=province,
            defaults={
                "quota": SEED_QUOTAS[province.name_th],
                "district_deadline": LOEI_DEADLINE if province.code == "42" else None,
            },
        )
    officer = User.objects.filter(username="mueangloei").first()
    for subdistrict, number, kind, core, groups, households, nominate in SCREENINGS:
        village = Village.objects.filter(subdistrict_id=subdistrict, number=number).first()
        if village is None:
            continue
        screening, created = Screening.objects.get_or_create(
            round=round_,
            village=village,
            defaults={
                "debt_households": households + 8,
                "low_income_households": 6,
                "welfare_card_households": households + 20,
                "core_kind": kind,
                "core_name": core,
                "core_strong": True,
                "sufficiency_village": number != 5,
                "office_place": "ศาลาประชาคมหมู่บ้าน (ใช้ร่วมกับกองทุนหมู่บ้าน)",
                "leaders": "ผู้ใหญ่บ้าน ประธานกลุ่มออมทรัพย์ และประธานกองทุนหมู่บ้าน",
                "leaders_qualified": True,
                "target_households": households,
                "coordinator": "นายบุญมี ภูหลวง",
                "coordinator_phone": "0 4281 1773",
                "screened_by": officer,
            },
        )
        if created:
            WillingGroup.objects.bulk_create(
                WillingGroup(screening=screening, kind=k, name=n) for k, n in groups
            )
        if nominate:
            # Sent before the deadline in the story; the demo skips the date check.
            Nomination.objects.get_or_create(
                screening=screening, defaults={"nominated_by": officer}
            )
    if stdout:
        stdout.write(f"newcentres: round {round_.fiscal_year}, {len(SCREENINGS)} screenings")
