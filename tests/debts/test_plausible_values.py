"""Absurd values are refused at their field in Thai, on screen and in imports alike:
999% on a bank contract, a start in BE 2400, a balance before its contract began,
500 attendees of a committee of 9, a meeting in BE 2650."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cdfmc.thaitime import plausible_date_range
from centres.forms import MeetingForm
from centres.models import Meeting
from debts import imports
from debts.models import Contract, CreditorKind
from debts.services import balance_record
from tests.centres.factories import make_committee_member
from tests.debts.factories import make_contract, make_creditor, make_household
from tests.debts.test_imports import register_row, workbook
from tests.factories import make_centre, make_member_fund

pytestmark = pytest.mark.django_db


def test_the_plausible_range_runs_from_be_2475_to_the_end_of_next_fiscal_year():
    earliest, latest = plausible_date_range(datetime.date(2025, 11, 3))  # FY2569
    assert earliest == datetime.date(1932, 1, 1)
    assert latest == datetime.date(2027, 9, 30)  # end of FY2570


@pytest.fixture
def officer(client, persona):
    client.force_login(persona("faiwrai"))
    return client


def post_contract(client, household, creditor, **fields):
    data = {
        "creditor": creditor.pk,
        "principal": "10000",
        "rate": "6",
        "outstanding": "10000",
        "overdue_amount": "0",
        "overdue_days": "0",
        **fields,
    }
    return client.post(reverse("debts:contract_create", args=[household.pk]), data)


@pytest.mark.parametrize(
    ("kind", "rate", "refused"),
    [
        (CreditorKind.BANK, "999", True),
        (CreditorKind.BANK, "28.5", True),
        (CreditorKind.BANK, "25", False),
        (CreditorKind.INFORMAL, "700", True),
        (CreditorKind.INFORMAL, "240", False),  # 20% a month: recorded as it is
        (CreditorKind.COOPERATIVE, "16", True),  # the legal 15%
    ],
)
def test_a_rate_above_the_ceiling_of_its_creditor_kind_is_refused_at_the_field(
    officer, kind, rate, refused
):
    centre = make_centre()
    household = make_household(centre=centre)
    response = post_contract(officer, household, make_creditor(centre=centre, kind=kind), rate=rate)
    if refused:
        assert response.status_code == 200
        assert "อัตราดอกเบี้ย" in " ".join(response.context["form"].errors["rate"])
        assert not Contract.objects.exists()
    else:
        assert response.status_code == 302 and Contract.objects.get().rate == Decimal(rate)


def test_a_bank_rate_of_999_says_what_is_possible(officer):
    centre = make_centre()
    bank = make_creditor(centre=centre, kind=CreditorKind.BANK)
    response = post_contract(officer, make_household(centre=centre), bank, rate="999")
    assert (
        "อัตราดอกเบี้ย 999% ต่อปี สูงเกินกว่าที่เป็นไปได้สำหรับธนาคาร (ไม่เกิน 28% ต่อปี)"
        in response.context["form"].errors["rate"][0]
    )


@pytest.mark.parametrize("typed", ["01/01/2400", "01/01/2474", "01/01/2650"])
def test_a_contract_start_outside_the_plausible_range_is_refused(officer, typed):
    centre = make_centre()
    household = make_household(centre=centre)
    response = post_contract(officer, household, make_creditor(centre=centre), start_date=typed)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["start_date"])
    assert "อยู่นอกช่วงที่เป็นไปได้" in errors or "อนาคต" in errors
    assert not Contract.objects.exists()


def test_the_model_refuses_an_implausible_date_too():
    centre = make_centre()
    household = make_household(centre=centre)
    contract = make_contract(household=household, creditor=make_creditor(centre=centre))
    contract.start_date = datetime.date(1857, 1, 1)  # BE 2400
    with pytest.raises(ValidationError) as caught:
        contract.full_clean()
    assert "อยู่นอกช่วงที่เป็นไปได้" in caught.value.message_dict["start_date"][0]


def test_a_balance_before_its_contract_began_is_refused_at_the_date(officer):
    centre = make_centre()
    household = make_household(centre=centre)
    contract = make_contract(
        household=household,
        creditor=make_creditor(centre=centre),
        start_date=datetime.date(2024, 5, 1),
    )
    url = reverse("debts:balance_add", args=[contract.pk])
    response = officer.post(url, {"as_of": "30/04/2567", "outstanding": "4000"})
    assert response.status_code == 200
    errors = response.context["balance_form"].errors["as_of"]
    assert "อยู่ก่อนวันที่เริ่มสัญญา (1 พ.ค. 2567)" in errors[0]
    assert not contract.balances.exists()


def test_a_balance_import_before_the_contract_began_is_a_row_error():
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านทดสอบ")
    make_member_fund(centre=centre, name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ")
    rows = [register_row(0, **{"วันที่เริ่มสัญญา (วว/ดด/ปปปป พ.ศ.)": "13/08/2566"})]
    assert imports.import_debtors(centre=centre, data=workbook(rows), filename="r.xlsx").ok
    template = imports.balance_template_rows(centre)
    template[0][4], template[0][5] = "01/01/2566", 9000
    data = imports.template_xlsx(imports.BALANCE_COLUMNS, template)
    result = imports.import_balances(centre=centre, data=data, filename="b.xlsx")
    assert not result.ok
    assert "อยู่ก่อนวันที่เริ่มสัญญา" in str(result.errors[0])
    assert not Contract.objects.get().balances.exists()


def test_an_implausible_rate_in_a_register_is_a_row_error():
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านทดสอบ")
    make_member_fund(centre=centre, name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ")
    # Row 0 is at the bank (every fourth row): 999% a year.
    rows = [register_row(0, **{"อัตราดอกเบี้ย (% ต่อปี)": 999})]
    result = imports.import_debtors(centre=centre, data=workbook(rows), filename="r.xlsx")
    assert not result.ok and "สูงเกินกว่าที่เป็นไปได้สำหรับธนาคาร" in str(result.errors[0])


def test_the_service_refuses_a_balance_before_the_contract_too():
    centre = make_centre()
    household = make_household(centre=centre)
    contract = make_contract(household=household, creditor=make_creditor(centre=centre))
    with pytest.raises(ValidationError) as caught:
        balance_record(contract=contract, as_of=datetime.date(2022, 12, 31), outstanding=Decimal(1))
    assert "as_of" in caught.value.message_dict


def meeting_form(centre, **fields):
    data = {
        "meeting-kind": "committee",
        "meeting-held_on": "05/03/2568",
        "meeting-attendees": "9",
        **{f"meeting-{k}": v for k, v in fields.items()},
    }
    return MeetingForm(data, instance=Meeting(centre=centre), prefix="meeting")


def test_more_attendees_than_committee_members_are_refused_at_the_field():
    centre = make_centre()
    for n in range(9):
        make_committee_member(centre=centre, name=f"กรรมการ {n}")
    assert meeting_form(centre, attendees="9").is_valid()
    form = meeting_form(centre, attendees="500")
    assert not form.is_valid()
    assert "เกินจำนวนกรรมการของศูนย์ (9 คน)" in form.errors["attendees"][0]


def test_a_members_meeting_of_more_members_than_the_funds_hold_is_refused():
    centre = make_centre()
    make_member_fund(centre=centre, members=40)
    form = meeting_form(centre, kind="members", attendees="30", members_total="500")
    assert not form.is_valid()
    assert "เกินจำนวนสมาชิกรวมของกลุ่ม/กองทุนสมาชิกของศูนย์ (40 คน)" in form.errors["members_total"][0]
    assert meeting_form(centre, kind="members", attendees="30", members_total="40").is_valid()


def test_a_meeting_in_be_2650_is_refused_at_the_date():
    form = meeting_form(make_centre(), **{"held_on": "05/03/2650"})
    assert not form.is_valid()
    assert "อยู่นอกช่วงที่เป็นไปได้" in form.errors["held_on"][0]
