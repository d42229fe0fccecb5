import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from debts import services
from debts.models import ContractStatus, CreditorKind, RestructuringForm
from tests.debts.factories import make_contract, make_creditor, make_household
from tests.factories import make_centre

D = datetime.date(2025, 3, 1)


@pytest.fixture
def centre(db):
    return make_centre()


def test_consolidating_three_contracts_of_two_funds_leaves_one_open(centre):
    savings = make_creditor(centre=centre, name="กลุ่มออมทรัพย์")
    village_fund = make_creditor(centre=centre, name="กองทุนหมู่บ้าน")
    household = make_household(centre=centre)
    old = [
        make_contract(household=household, creditor=savings, outstanding=20000),
        make_contract(household=household, creditor=savings, outstanding=5000),
        make_contract(household=household, creditor=village_fund, outstanding=15000),
    ]
    restructuring = services.restructuring_consolidate(
        household=household,
        contracts=old,
        creditor=savings,
        decided_on=D,
        rate=Decimal("6"),
        term_months=60,
        instalment=Decimal("800"),
        meeting_note="ประชุมครั้งที่ 3/2568",
    )
    open_contracts = list(household.contracts.open())
    assert len(open_contracts) == 1
    new = open_contracts[0]
    assert new.outstanding == Decimal("40000")
    assert new.created_by_restructuring == restructuring
    closed = household.contracts.exclude(status=ContractStatus.OPEN)
    assert closed.count() == 3
    assert set(closed.values_list("closed_by", flat=True)) == {restructuring.pk}
    assert set(restructuring.contracts_before.all()) == set(old)
    for contract in [*old, new]:
        assert contract.history.exists()
    for contract in old:
        latest = contract.history.first()
        assert latest.status == ContractStatus.SUPERSEDED
        assert latest.prev_record.status == ContractStatus.OPEN


def test_consolidation_is_all_or_nothing(centre):
    fund = make_creditor(centre=centre)
    informal = make_creditor(centre=centre, kind=CreditorKind.INFORMAL, name="นายทุน")
    household = make_household(centre=centre)
    old = [make_contract(household=household, creditor=fund) for _ in range(2)]
    with pytest.raises(ValidationError, match="15"):
        services.restructuring_consolidate(
            household=household, contracts=old, creditor=informal, decided_on=D, rate=Decimal("20")
        )
    assert household.contracts.open().count() == 2
    assert not household.restructurings.exists()


def test_a_rate_above_fifteen_percent_is_refused_at_a_member_fund_not_at_a_bank(centre):
    fund = make_creditor(centre=centre)
    bank = make_creditor(centre=centre, kind=CreditorKind.BANK, name="ธ.ก.ส.")
    household = make_household(centre=centre)
    contract = make_contract(household=household, creditor=fund, rate=Decimal("12"))
    with pytest.raises(ValidationError, match="เกินอัตราสูงสุดตามกฎหมาย"):
        services.restructuring_amend(
            household=household,
            contracts=[contract],
            form=RestructuringForm.OTHER,
            description="ปรับอัตรา",
            decided_on=D,
            rate=Decimal("16"),
        )
    bank_contract = make_contract(household=household, creditor=bank, rate=Decimal("18"))
    services.restructuring_amend(
        household=household,
        contracts=[bank_contract],
        form=RestructuringForm.EXTEND,
        decided_on=D,
        rate=Decimal("17"),
        term_months=72,
    )
    bank_contract.refresh_from_db()
    assert bank_contract.term_months == 72


def test_amend_reduces_the_rate_in_place(centre):
    fund = make_creditor(centre=centre)
    household = make_household(centre=centre)
    contract = make_contract(household=household, creditor=fund, rate=Decimal("12"))
    services.restructuring_amend(
        household=household,
        contracts=[contract],
        form=RestructuringForm.REDUCE_RATE,
        decided_on=D,
        rate=Decimal("6"),
    )
    contract.refresh_from_db()
    assert contract.rate == Decimal("6") and contract.is_open
    assert contract.history.count() == 2


def test_other_form_needs_a_description(centre):
    fund = make_creditor(centre=centre)
    household = make_household(centre=centre)
    contract = make_contract(household=household, creditor=fund)
    with pytest.raises(ValidationError, match="รายละเอียด"):
        services.restructuring_amend(
            household=household, contracts=[contract], form=RestructuringForm.OTHER, decided_on=D
        )


def test_targets_take_todays_total_as_baseline(centre):
    fund = make_creditor(centre=centre)
    household = make_household(centre=centre)
    make_contract(household=household, creditor=fund, outstanding=7000)
    make_contract(household=household, creditor=fund, outstanding=3000)
    assert services.targets_select(centre=centre, households=[household], on_date=D) == 1
    household.refresh_from_db()
    assert household.is_target and household.baseline_total == Decimal("10000")
    assert services.targets_select(centre=centre, households=[household], on_date=D) == 0


def test_a_later_balance_updates_the_contract_and_zero_closes_it(centre):
    fund = make_creditor(centre=centre)
    household = make_household(centre=centre)
    contract = make_contract(household=household, creditor=fund, outstanding=7000)
    services.balance_record(contract=contract, as_of=D, outstanding=Decimal("5000"))
    services.balance_record(
        contract=contract, as_of=D - datetime.timedelta(days=30), outstanding=Decimal("6000")
    )
    contract.refresh_from_db()
    assert contract.outstanding == Decimal("5000")  # the older entry does not win
    services.balance_record(
        contract=contract, as_of=D + datetime.timedelta(days=30), outstanding=Decimal("0")
    )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.PAID
    with pytest.raises(ValidationError):
        services.balance_record(contract=contract, as_of=D, outstanding=Decimal("1"))


def test_a_restructuring_links_the_committee_meeting(centre):
    from centres.models import Meeting, MeetingKind

    meeting = Meeting.objects.create(
        centre=centre, kind=MeetingKind.COMMITTEE, held_on=D, attendees=9, has_minutes=True
    )
    members = Meeting.objects.create(
        centre=centre, kind=MeetingKind.MEMBERS, held_on=D, attendees=90
    )
    fund = make_creditor(centre=centre)
    household = make_household(centre=centre)
    contracts = [make_contract(household=household, creditor=fund) for _ in range(2)]
    with pytest.raises(ValidationError, match="คณะกรรมการ"):
        services.restructuring_consolidate(
            household=household,
            contracts=contracts,
            creditor=fund,
            decided_on=D,
            rate=Decimal("5"),
            meeting=members,
        )
    restructuring = services.restructuring_consolidate(
        household=household,
        contracts=contracts,
        creditor=fund,
        decided_on=D,
        rate=Decimal("5"),
        meeting=meeting,
    )
    assert meeting.restructurings.get() == restructuring
