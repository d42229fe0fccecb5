"""The named people of the test suite, as healthchecks has alice, bob and charlie.

faiwrai     district officer, อ.เฝ้าไร่ จ.หนองคาย (4315)
phonphisai  district officer, อ.โพนพิสัย จ.หนองคาย (4305)
nongkhai    provincial staff, จ.หนองคาย (43)
loei        provincial staff, จ.เลย (42)
headoffice  head office (reads everything)
admin       administrator
"""

from cdfmc.accounts.models import Role, User

PERSONAS = {
    "faiwrai": {"role": Role.DISTRICT, "district_id": "4315"},
    "phonphisai": {"role": Role.DISTRICT, "district_id": "4305"},
    "nongkhai": {"role": Role.PROVINCE, "province_id": "43"},
    "loei": {"role": Role.PROVINCE, "province_id": "42"},
    "headoffice": {"role": Role.HEAD_OFFICE},
    "admin": {"role": Role.ADMIN, "is_superuser": True, "is_staff": True},
}
PASSWORD = "correct horse battery"


def make_persona(name: str) -> User:
    user, created = User.objects.get_or_create(username=name, defaults=PERSONAS[name])
    if created:
        user.set_password(PASSWORD)
        user.save()
    return user
