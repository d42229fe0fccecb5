"""The demo data set `make run` loads: logins per role, the Nong Khai register, Loei.

For local use only: the `load_demo` command refuses to run when DEBUG is off.
Each app may add its own part in `<app>/demo.py` with a `load(stdout)` function.
"""

import importlib

from django.db import transaction

from cdfmc.accounts.models import Role, User
from cdfmc.geo.models import Subdistrict, Village

DEMO_PASSWORD = "cdfmc-demo"  # noqa: S105 - demo logins for a local DEBUG run only

DEMO_USERS = [
    # username, role, province, district, first name, last name
    ("faiwrai", Role.DISTRICT, "43", "4315", "สมชาย", "ใจดี"),
    ("phonphisai", Role.DISTRICT, "43", "4305", "สมหญิง", "รักถิ่น"),
    ("nongkhai", Role.PROVINCE, "43", None, "วิไล", "ศรีหนองคาย"),
    ("loei", Role.PROVINCE, "42", None, "ประเสริฐ", "เมืองเลย"),
    ("mueangloei", Role.DISTRICT, "42", "4201", "บุญมี", "ภูหลวง"),
    ("headoffice", Role.HEAD_OFFICE, None, None, "อำนวย", "ส่วนกลาง"),
    ("admin", Role.ADMIN, None, None, "ผู้ดูแล", "ระบบ"),
]

# Villages of Loei that districts may screen for new centres (subdistrict code, หมู่ที่, name).
LOEI_VILLAGES = [
    ("420101", 3, "บ้านนาดินดำ"),
    ("420101", 5, "บ้านหนองผือ"),
    ("420103", 2, "บ้านโนนสว่าง"),
    ("420104", 4, "บ้านห้วยไผ่"),
    ("420102", 7, "บ้านนาโคก"),
    ("420103", 1, "บ้านศรีสองรัก"),
    ("420301", 2, "บ้านท่านา"),
]

APP_PARTS = ["centres", "debts", "newcentres", "scoring"]


def load_users() -> list[User]:
    users = []
    for username, role, province, district, first, last in DEMO_USERS:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "role": role,
                "province_id": province,
                "district_id": district,
                "first_name": first,
                "last_name": last,
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        users.append(user)
    return users


def load_loei_villages() -> int:
    known = set(
        Subdistrict.objects.filter(code__in=[c for c, _, _ in LOEI_VILLAGES]).values_list(
            "code", flat=True
        )
    )
    for code, number, name in LOEI_VILLAGES:
        if code in known:
            Village.objects.get_or_create(
                subdistrict_id=code, number=number, defaults={"name": name}
            )
    return len(known)


@transaction.atomic
def load_demo(stdout=None) -> None:
    load_users()
    load_loei_villages()
    for app in APP_PARTS:
        try:
            part = importlib.import_module(f"{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.demo":
                raise
            continue
        part.load(stdout)
