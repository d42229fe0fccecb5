"""Recording a household with its head, members and contracts on one page, saved at once."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from debts import services
from debts.models import BalanceUpdate, Contract, Creditor, CreditorKind, Household, Person
from tests.debts.factories import citizen_id, make_creditor, make_household
from tests.factories import WAT_LUANG, make_centre, make_village

pytestmark = pytest.mark.django_db


def post_data(centre, *, contracts=(), members=(), **extra):
    data = {
        "village": centre.village_id,
        "house_number": "๔๕/๒",
        "as_of": "01/06/2568",
        "debtor_class": "",
        "savings_balance": "0",
        "head-title_choice": "นาง",
        "head-first_name": "สมศรี",
        "head-last_name": "ใจดี",
        "head-citizen_id": citizen_id(),
        "members-TOTAL_FORMS": str(len(members)),
        "members-INITIAL_FORMS": "0",
        "contracts-TOTAL_FORMS": str(len(contracts)),
        "contracts-INITIAL_FORMS": "0",
    }
    for i, member in enumerate(members):
        data.update({f"members-{i}-{k}": v for k, v in member.items()})
    for i, row in enumerate(contracts):
        row = {"overdue_amount": "0", "overdue_days": "0", **row}
        data.update({f"contracts-{i}-{k}": v for k, v in row.items()})
    data.update(extra)
    return data


@pytest.fixture
def centre(geography):
    return make_centre()


@pytest.fixture
def officer(client, persona):
    client.force_login(persona("faiwrai"))
    return client


def test_it_saves_household_head_members_and_contracts_in_one_post(officer, centre):
    fund = make_creditor(centre=centre)
    contracts = [
        {"creditor_choice": str(fund.pk), "principal": "20,000", "rate": "6", "number": "๑๒"},
        {
            "creditor_choice": "new",
            "new_creditor_name": "นายทุนในหมู่บ้าน",
            "new_creditor_kind": CreditorKind.INFORMAL,
            "principal": "10000",
            "rate": "60",
            "outstanding": "8000",
        },
        {"creditor_choice": "", "principal": "", "rate": ""},  # an empty row is skipped
    ]
    members = [
        {
            "title_choice": "other",
            "title_other": "ดร.",
            "first_name": "สมชาย",
            "last_name": "ใจดี",
            "citizen_id": citizen_id(),
            "relation": "สามี",
        }
    ]
    url = reverse("debts:household_create", args=[centre.pk])
    response = officer.post(url, post_data(centre, contracts=contracts, members=members))

    household = Household.objects.get()
    assert response.status_code == 302
    assert response["Location"] == household.get_absolute_url()
    assert household.house_number == "45/2"  # Thai digits normalised on save
    head = household.people.get(is_head=True)
    assert head.full_name == "นางสมศรี ใจดี"
    assert household.people.get(is_head=False).full_name == "ดร.สมชาย ใจดี"
    new_creditor = Creditor.objects.get(name="นายทุนในหมู่บ้าน")
    assert new_creditor.kind == CreditorKind.INFORMAL and new_creditor.centre == centre
    first, second = household.contracts.order_by("pk")
    assert (first.creditor, first.number, first.outstanding) == (fund, "12", Decimal(20000))
    assert (second.creditor, second.outstanding, second.borrower) == (
        new_creditor,
        Decimal(8000),
        head,
    )
    assert second.is_informal
    assert BalanceUpdate.objects.filter(contract__household=household).count() == 2


def test_save_and_next_keeps_the_village(officer, centre):
    other_village = make_village()
    url = reverse("debts:household_create", args=[centre.pk])
    data = post_data(centre, village=other_village.pk)
    response = officer.post(url + "?then=next", data)
    assert response.status_code == 302
    assert response["Location"] == f"{url}?village={other_village.pk}"
    page = officer.get(response["Location"])
    assert page.context["entry"].household.initial["village"] == other_village.pk


def test_a_bad_row_keeps_everything_typed_and_saves_nothing(officer, centre):
    fund = make_creditor(centre=centre)
    contracts = [
        {"creditor_choice": str(fund.pk), "principal": "1000", "rate": "20"},  # above 15%
        {"creditor_choice": "new", "new_creditor_name": "ธนาคารใหม่", "principal": "1000"},
    ]
    url = reverse("debts:household_create", args=[centre.pk])
    response = officer.post(url, post_data(centre, contracts=contracts))
    assert response.status_code == 200
    html = response.content.decode()
    assert "เกินอัตราสูงสุดตามกฎหมาย" in html
    assert "กรุณาเลือกประเภทเจ้าหนี้รายใหม่" in html
    assert "กรุณากรอกข้อมูลช่องนี้" in html  # the rate of the second row
    assert 'value="ธนาคารใหม่"' in html
    assert not Household.objects.exists() and not Creditor.objects.filter(name="ธนาคารใหม่")


def test_a_citizen_id_already_recorded_is_refused_at_its_field(officer, centre):
    existing = make_household(centre=centre).people.get()
    url = reverse("debts:household_create", args=[centre.pk])
    data = post_data(centre, **{"head-citizen_id": existing.citizen_id})
    response = officer.post(url, data)
    assert response.status_code == 200
    assert response.context["entry"].head.errors["citizen_id"]
    assert Household.objects.count() == 1


def test_the_service_writes_nothing_when_a_contract_fails(centre):
    fund = make_creditor(centre=centre)
    foreign = make_creditor(centre=make_centre(subdistrict=WAT_LUANG))
    with pytest.raises(ValidationError):
        services.household_create_with_contracts(
            centre=centre,
            household={"village": centre.village, "house_number": "1"},
            head={"first_name": "ก", "last_name": "ข", "citizen_id": citizen_id()},
            contracts=[
                {"creditor": fund, "principal": 1, "rate": 1, "outstanding": 1},
                {"creditor": foreign, "principal": 1, "rate": 1, "outstanding": 1},
            ],
            as_of="2025-01-01",
        )
    assert not Household.objects.exists() and not Contract.objects.exists()
    assert not Person.objects.exists()


def test_new_creditor_typed_in_two_rows_is_created_once(centre):
    row = {
        "new_creditor_name": "สหกรณ์การเกษตร",
        "new_creditor_kind": CreditorKind.COOPERATIVE,
        "principal": 5,
        "rate": 5,
        "outstanding": 5,
    }
    household = services.household_create_with_contracts(
        centre=centre,
        household={"village": centre.village, "house_number": "1"},
        head={"first_name": "ก", "last_name": "ข", "citizen_id": citizen_id()},
        contracts=[row, dict(row)],
        as_of="2025-01-01",
    )
    assert Creditor.objects.filter(name="สหกรณ์การเกษตร").count() == 1
    assert household.contracts.count() == 2


def test_rows_come_one_at_a_time_with_the_new_total(officer, centre):
    url = reverse("debts:household_contract_row", args=[centre.pk])
    response = officer.get(url, {"contracts-TOTAL_FORMS": "3"})
    html = response.content.decode()
    assert 'name="contracts-3-principal"' in html
    assert 'id="id_contracts-TOTAL_FORMS" hx-swap-oob="true"' in html
    assert 'value="4"' in html
    assert officer.get(url, {"contracts-TOTAL_FORMS": "x"}).status_code == 404


def test_person_form_offers_the_usual_titles_and_keeps_another(officer, centre):
    household = make_household(centre=centre)
    person = household.people.get()
    person.title = "ดร."
    person.save()
    url = reverse("debts:person_edit", args=[person.pk])
    form = officer.get(url).context["form"]
    assert (form["title_choice"].value(), form["title_other"].value()) == ("other", "ดร.")
    data = {
        "citizen_id": person.citizen_id,
        "title_choice": "นางสาว",
        "first_name": "สมใจ",
        "last_name": "ทดสอบ",
    }
    assert officer.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.full_name == "นางสาวสมใจ ทดสอบ"
