"""Small factories for test data. Defaults place things in อ.เฝ้าไร่ จ.หนองคาย."""

from itertools import count

from cdfmc.geo.models import Village
from centres.models import Centre, CentreStatus, FundKind, MemberFund

FAI_RAI = "431501"  # ต.เฝ้าไร่ อ.เฝ้าไร่ จ.หนองคาย
WAT_LUANG = "430502"  # ต.วัดหลวง อ.โพนพิสัย จ.หนองคาย
LOEI_KUT_PONG = "420101"  # ต.กุดป่อง อ.เมืองเลย จ.เลย

_numbers = count(1)


def make_village(*, subdistrict=FAI_RAI, number=None, name=None) -> Village:
    number = number or (next(_numbers) % 99) + 1
    while Village.objects.filter(subdistrict_id=subdistrict, number=number).exists():
        number = (number % 99) + 1
    return Village.objects.create(
        subdistrict_id=subdistrict, number=number, name=name or f"บ้านทดสอบ {number}"
    )


def make_centre(*, village=None, subdistrict=FAI_RAI, name=None, **fields) -> Centre:
    village = village or make_village(subdistrict=subdistrict)
    fields.setdefault("status", CentreStatus.ESTABLISHED)
    return Centre.objects.create(
        village=village, name=name or f"ศูนย์จัดการกองทุนชุมชน{village.name}", **fields
    )


def make_member_fund(*, centre, kind=FundKind.SAVINGS, name=None, members=50, capital=100000):
    return MemberFund.objects.create(
        centre=centre,
        kind=kind,
        name=name or f"{FundKind(kind).label} {centre.village.name}",
        members=members,
        capital=capital,
    )
