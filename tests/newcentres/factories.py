"""Factories for the new-centres round. Defaults: FY2569, a village that passes every criterion."""

import datetime

from cdfmc.accounts.models import Role, User
from newcentres.models import (
    CoreKind,
    Nomination,
    NominationStatus,
    Quota,
    Round,
    Screening,
    WillingGroup,
)
from tests.factories import make_village

GROUP_PROVINCES = ["42", "43", "39", "41", "38"]  # เลย หนองคาย หนองบัวลำภู อุดรธานี บึงกาฬ
MUEANG_LOEI = "4201"
LOEI_SUBDISTRICTS = ["420101", "420102", "420103", "420104"]  # in อ.เมืองเลย


def make_round(*, fiscal_year=2569, quotas=None, district_deadline=None, **fields) -> Round:
    """A round whose district deadline is far ahead unless given; quotas {code: n}."""
    round_, _ = Round.objects.get_or_create(
        fiscal_year=fiscal_year,
        defaults={
            "national_total": 300,
            "district_deadline": district_deadline or datetime.date(2099, 8, 20),
            "province_deadline": datetime.date(2099, 8, 31),
            **fields,
        },
    )
    for code, amount in (quotas if quotas is not None else {"43": 4}).items():
        Quota.objects.update_or_create(round=round_, province_id=code, defaults={"quota": amount})
    return round_


def make_screening(
    *,
    round_=None,
    village=None,
    subdistrict="431501",
    core_kind=CoreKind.SAVINGS,
    groups=3,
    target_households=35,
    **fields,
) -> Screening:
    round_ = round_ or make_round()
    village = village or make_village(subdistrict=subdistrict)
    values = {
        "debt_households": 20,
        "low_income_households": 5,
        "welfare_card_households": 40,
        "core_kind": core_kind,
        "core_name": f"กลุ่มแกน {village.name}",
        "core_strong": True,
        "sufficiency_village": True,
        "office_place": "ศาลาประชาคม (ใช้ร่วม)",
        "leaders": "นายสมศักดิ์ ผู้ใหญ่บ้าน",
        "leaders_qualified": True,
        "target_households": target_households,
        "coordinator": "นางสาวพัฒนา ชุมชน",
        "coordinator_phone": "081 234 5678",
        **fields,
    }
    screening = Screening.objects.create(round=round_, village=village, **values)
    kinds = ["savings", "village_fund", "kkkj", "other_financial", "other_nonfinancial"]
    for index in range(groups):
        WillingGroup.objects.create(
            screening=screening,
            kind=kinds[index % len(kinds)],
            name=f"กลุ่มที่ {index + 1} {village.name}",
        )
    return screening


def make_nomination(*, screening=None, status=NominationStatus.NOMINATED, **kwargs) -> Nomination:
    screening = screening or make_screening(**kwargs)
    return Nomination.objects.create(screening=screening, status=status)


def make_loei_officer(username="mueangloei") -> User:
    user, _ = User.objects.get_or_create(
        username=username, defaults={"role": Role.DISTRICT, "district_id": MUEANG_LOEI}
    )
    return user
