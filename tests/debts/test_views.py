"""Household and contract screens: access details, masking, messages and query bounds."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from debts import services
from debts.models import (
    Contract,
    CreditorKind,
    DebtorClass,
    Household,
    Person,
    RestructuringForm,
)
from tests.debts.factories import (
    citizen_id,
    make_contract,
    make_creditor,
    make_debtor,
    make_household,
)
from tests.factories import make_centre
from tests.personas import make_persona


@pytest.fixture
def centre(db):
    return make_centre()


def build(centre, n):
    fund = make_creditor(centre=centre)
    bank = make_creditor(centre=centre, kind=CreditorKind.BANK, name=f"ธ.ก.ส. {centre.pk}")
    households = []
    for i in range(n):
        h = make_debtor(
            centre=centre, creditor=fund, amounts=(1000, 2000), debtor_class=DebtorClass.DEFAULTED
        )
        make_contract(household=h, creditor=bank, outstanding=5000, is_informal=i % 2 == 0)
        households.append(h)
    return households


@pytest.mark.parametrize("n", [3, 30])
def test_household_list_runs_a_bounded_number_of_queries(
    client, persona, centre, n, django_assert_max_num_queries
):
    build(centre, n)
    client.force_login(persona("faiwrai"))
    with django_assert_max_num_queries(13):  # + the centres of the add button
        response = client.get(reverse("debts:households"), {"centre": centre.pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('class="badge text-dark debtor-defaulted"') == n
    assert "xxxxx" in body


@pytest.mark.parametrize("n", [3, 30])
def test_contract_list_runs_a_bounded_number_of_queries(
    client, persona, centre, n, django_assert_max_num_queries
):
    build(centre, n)
    client.force_login(persona("nongkhai"))
    with django_assert_max_num_queries(13):
        response = client.get(reverse("debts:contracts"), {"centre": centre.pk})
    assert response.status_code == 200
    # Three open contracts per household (50 a page), each coloured by its debtor's class.
    badges = response.content.decode().count('class="badge text-dark debtor-defaulted"')
    assert badges == min(3 * n, 50)


@pytest.mark.parametrize("n", [1, 15])
def test_household_page_runs_a_bounded_number_of_queries(
    client, persona, centre, n, django_assert_max_num_queries
):
    fund = make_creditor(centre=centre)
    household = make_debtor(centre=centre, creditor=fund, amounts=[100] * (n + 1))
    for contract in list(household.contracts.all())[:n]:  # n restructurings listed
        services.restructuring_amend(
            household=household,
            contracts=[contract],
            form=RestructuringForm.EXTEND,
            decided_on=datetime.date(2025, 1, 1),
            term_months=60,
        )
    pair = list(household.contracts.open()[:2])
    services.restructuring_consolidate(
        household=household,
        contracts=pair,
        creditor=fund,
        decided_on=datetime.date(2025, 2, 1),
        rate=Decimal("5"),
    )
    client.force_login(persona("faiwrai"))
    with django_assert_max_num_queries(19):  # the same at both sizes
        response = client.get(reverse("debts:household", args=[household.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('data-testid="restructuring"') == n + 1
    contract = household.contracts.first()
    with django_assert_max_num_queries(16):
        assert client.get(reverse("debts:contract", args=[contract.pk])).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_targets_and_centre_panel_are_bounded(
    client, persona, centre, n, django_assert_max_num_queries
):
    households = build(centre, n)
    chosen = households[: n // 2 + 1]  # both tables of the page, candidates and chosen
    services.targets_select(centre=centre, households=chosen, on_date=centre.created_at.date())
    client.force_login(persona("faiwrai"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("debts:targets", args=[centre.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('data-testid="candidate"') == n - len(chosen)
    assert body.count('class="badge text-dark debtor-defaulted"') == n
    from django.template.loader import render_to_string

    with django_assert_max_num_queries(2):
        html = render_to_string("debts/centre_panel.html", {"centre": centre, "can_edit": True})
    assert f"ครัวเรือนเป้าหมาย {len(chosen)} / ขั้นต่ำ 30" in html


def test_the_full_citizen_id_is_shown_only_to_who_may_edit(client, persona, centre):
    household = make_household(centre=centre)
    person = household.people.get()
    url = reverse("debts:household", args=[household.pk])
    client.force_login(persona("faiwrai"))
    assert person.formatted_id in client.get(url).content.decode()
    client.force_login(persona("headoffice"))
    body = client.get(url).content.decode()
    assert person.formatted_id not in body and person.masked_id in body


def test_the_same_person_cannot_be_entered_twice(client, persona, centre):
    first = make_household(centre=centre, house_number="12")
    other = make_household(centre=centre, house_number="99")
    existing = first.people.get()
    client.force_login(persona("faiwrai"))
    response = client.post(
        reverse("debts:person_add", args=[other.pk]),
        {"citizen_id": existing.formatted_id, "first_name": "ซ้ำ", "last_name": "ซ้ำ"},
    )
    assert response.status_code == 200
    assert "บ้านเลขที่ 12" in response.content.decode()
    assert Person.objects.count() == 2


def test_another_districts_household_is_not_named(client, persona, centre):
    elsewhere = make_household(centre=make_centre(subdistrict="430502"), house_number="77")
    mine = make_household(centre=centre)
    client.force_login(persona("faiwrai"))
    response = client.post(
        reverse("debts:person_add", args=[mine.pk]),
        {"citizen_id": elsewhere.people.get().citizen_id, "first_name": "ก", "last_name": "ข"},
    )
    body = response.content.decode()
    assert "นอกพื้นที่ของท่าน" in body and "บ้านเลขที่ 77" not in body


def test_a_bad_check_digit_is_refused_in_thai_digits_too(client, persona, centre):
    household = make_household(centre=centre)
    good = citizen_id(4242)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    client.force_login(persona("faiwrai"))
    url = reverse("debts:person_add", args=[household.pk])
    thai = bad.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    response = client.post(url, {"citizen_id": thai, "first_name": "ก", "last_name": "ข"})
    assert "เลขตรวจสอบ" in response.content.decode()
    thai_good = good.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    response = client.post(url, {"citizen_id": thai_good, "first_name": "ก", "last_name": "ข"})
    assert response.status_code == 302
    assert Person.objects.filter(citizen_id=good).exists()


def test_a_member_fund_contract_above_fifteen_percent_is_refused(client, persona, centre):
    household = make_household(centre=centre)
    fund = make_creditor(centre=centre)
    client.force_login(persona("faiwrai"))
    response = client.post(
        reverse("debts:contract_create", args=[household.pk]),
        {
            "creditor": fund.pk,
            "principal": "1000",
            "rate": "18",
            "outstanding": "1000",
            "overdue_amount": "0",
            "overdue_days": "0",
            "moratorium_months": "0",
        },
    )
    assert "เกินอัตราสูงสุดตามกฎหมาย" in response.content.decode()
    assert not Contract.objects.exists()


def test_consolidate_on_screen_then_a_later_balance(client, persona, centre):
    fund = make_creditor(centre=centre)
    household = make_debtor(centre=centre, creditor=fund, amounts=(3000, 7000))
    import datetime

    from debts import services

    services.targets_select(
        centre=centre, households=[household], on_date=datetime.date(2025, 1, 1)
    )
    client.force_login(persona("faiwrai"))
    response = client.post(
        reverse("debts:consolidate", args=[household.pk]),
        {
            "form": "consolidate",
            "contracts": [c.pk for c in household.contracts.all()],
            "creditor": fund.pk,
            "decided_on": "01/02/2568",
            "rate": "6",
            "term_months": "48",
        },
    )
    assert response.status_code == 302
    new = household.contracts.open().get()
    assert new.outstanding == Decimal("10000")
    client.post(
        reverse("debts:balance_add", args=[new.pk]), {"as_of": "01/03/2568", "outstanding": "8000"}
    )
    body = client.get(reverse("debts:household", args=[household.pk])).content.decode()
    assert "ลดหนี้" in body and "๑ ครัวเรือน ๑ สัญญา" in body
    history = client.get(reverse("debts:household_history", args=[household.pk]))
    assert history.status_code == 200
    assert "ยอดหนี้คงค้าง (บาท)" in history.content.decode()
    # Dates in Buddhist Era: the closing date of the old contracts, the restructuring's name.
    assert "1 ก.พ. 2568" in history.content.decode()
    assert "2025-02-01" not in history.content.decode()
    old = household.contracts.exclude(pk=new.pk).first()
    page = client.get(reverse("debts:contract", args=[old.pk])).content.decode()
    assert "รวมหนี้ 1 ก.พ. 2568" in page and "2025-02-01" not in page


def test_the_centre_panel_shows_the_six_steps(centre):
    from django.template.loader import render_to_string

    build(centre, 2)
    html = render_to_string("debts/centre_panel.html", {"centre": centre, "can_edit": True})
    assert html.count("data-step=") == 6
    assert "ครัวเรือนเป้าหมาย 0 / ขั้นต่ำ 30" in html
    assert 'data-step="1" data-state="done"' in html
    assert 'data-step="2" data-state="done"' in html


def test_the_centre_page_includes_the_debt_panel(client, persona, centre):
    build(centre, 2)
    client.force_login(persona("faiwrai"))
    body = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    assert 'data-testid="six-steps"' in body
    assert reverse("debts:import", args=[centre.pk]) in body
    client.force_login(persona("headoffice"))
    body = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    assert 'data-testid="six-steps"' in body
    assert reverse("debts:import", args=[centre.pk]) not in body


def test_officer_removes_a_target_household_and_history_keeps_the_baseline(client, centre):
    household = make_debtor(centre=centre, creditor=make_creditor(centre=centre), amounts=(9000,))
    services.targets_select(centre=centre, households=[household], on_date=centre.created_at.date())
    client.force_login(make_persona("faiwrai"))
    page = client.get(reverse("debts:household", args=[household.pk]))
    assert 'data-testid="target-remove"' in page.text
    response = client.post(reverse("debts:target_remove", args=[household.pk]))
    assert response.status_code == 302
    household.refresh_from_db()
    assert not household.is_target and household.baseline_total is None
    assert household.history.filter(baseline_total=Decimal("9000")).exists()


def test_head_office_cannot_remove_a_target(client, centre):
    household = make_debtor(centre=centre, creditor=make_creditor(centre=centre))
    client.force_login(make_persona("headoffice"))
    assert client.post(reverse("debts:target_remove", args=[household.pk])).status_code == 403


def test_a_restructuring_rate_above_the_legal_maximum_is_refused_at_the_rate_field(
    client, persona, centre
):
    fund = make_creditor(centre=centre)
    household = make_debtor(centre=centre, creditor=fund, amounts=(3000, 7000))
    client.force_login(persona("faiwrai"))
    response = client.post(
        reverse("debts:consolidate", args=[household.pk]),
        {
            "form": "consolidate",
            "contracts": [c.pk for c in household.contracts.all()],
            "creditor": fund.pk,
            "decided_on": "01/02/2568",
            "rate": "๑๘",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "เกินอัตราสูงสุดตามกฎหมาย" in " ".join(form.errors["rate"])
    assert not form.non_field_errors()
    assert household.contracts.open().count() == 2


def test_a_wrong_balance_is_shown_at_its_field_with_what_was_typed(client, persona, centre):
    household = make_debtor(centre=centre, creditor=make_creditor(centre=centre), amounts=(5000,))
    contract = household.contracts.get()
    client.force_login(persona("faiwrai"))
    url = reverse("debts:balance_add", args=[contract.pk])
    response = client.post(
        url, {"as_of": "01/03/2568", "outstanding": "๔,๐๐๐", "overdue_amount": "4500"}
    )
    assert response.status_code == 200
    form = response.context["balance_form"]
    assert "ไม่มากกว่ายอดหนี้คงค้าง" in " ".join(form.errors["overdue_amount"])
    assert 'value="4500"' in response.content.decode()
    response = client.post(url, {"as_of": "01/03/2590", "outstanding": "4000"})
    assert "อนาคต" in " ".join(response.context["balance_form"].errors["as_of"])
    contract.refresh_from_db()
    assert contract.outstanding == Decimal("5000") and not contract.balances.exists()


def test_a_creditor_name_already_in_the_register_is_refused_at_the_field(client, persona, centre):
    make_creditor(centre=centre, kind=CreditorKind.BANK, name="ธ.ก.ส. สาขาเฝ้าไร่")
    client.force_login(persona("faiwrai"))
    response = client.post(
        reverse("debts:creditors", args=[centre.pk]),
        {"kind": CreditorKind.BANK, "name": "ธ.ก.ส. สาขาเฝ้าไร่"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"]


def test_a_wrong_target_selection_is_shown_at_its_field_with_the_ticks_kept(
    client, persona, centre
):
    fund = make_creditor(centre=centre)
    first, second = (make_debtor(centre=centre, creditor=fund) for _ in range(2))
    client.force_login(persona("faiwrai"))
    url = reverse("debts:targets_confirm", args=[centre.pk])
    response = client.post(url, {"households": [first.pk], "on_date": "01/01/2590"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="on-date-error"' in body and "อนาคต" in body
    assert f'value="{first.pk}" id="hh-{first.pk}" data-testid="candidate" checked' in body
    assert f'value="{second.pk}" id="hh-{second.pk}" data-testid="candidate">' in body
    response = client.post(url, {"on_date": "01/01/2568"})
    assert 'data-testid="households-errors"' in response.content.decode()
    assert not Household.objects.filter(is_target=True).exists()
