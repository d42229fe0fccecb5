"""Factories for households, people, creditors and contracts (defaults: a Fai Rai centre)."""

import datetime
from decimal import Decimal
from itertools import count

from centres.models import FundKind
from debts.models import Contract, Creditor, CreditorKind, Household, Person
from debts.rules import citizen_id_check_digit
from debts.services import creditor_for_member_fund
from tests.factories import make_member_fund

_ids = count(1)


def citizen_id(n: int | None = None, *, prefix="3431500") -> str:
    """A valid 13-digit citizen ID, unique per call."""
    n = next(_ids) if n is None else n
    first12 = f"{prefix}{n:05d}"[:12]
    return first12 + str(citizen_id_check_digit(first12))


def make_creditor(*, centre, kind=CreditorKind.MEMBER_FUND, name=None) -> Creditor:
    if kind == CreditorKind.MEMBER_FUND:
        fund = make_member_fund(centre=centre, kind=FundKind.SAVINGS, name=name)
        return creditor_for_member_fund(fund)  # made when the fund was recorded
    return Creditor.objects.create(
        centre=centre, kind=kind, name=name or f"{CreditorKind(kind).label} {next(_ids)}"
    )


def make_household(*, centre, house_number=None, with_head=True, **fields) -> Household:
    household = Household.objects.create(
        centre=centre,
        village=fields.pop("village", centre.village),
        house_number=house_number or str(next(_ids)),
        **fields,
    )
    if with_head:
        make_person(household=household, is_head=True)
    return household


def make_person(*, household, is_head=False, **fields) -> Person:
    n = next(_ids)
    fields.setdefault("citizen_id", citizen_id(n))
    return Person.objects.create(
        household=household,
        is_head=is_head,
        first_name=fields.pop("first_name", f"สมชาย{n}"),
        last_name=fields.pop("last_name", "ทดสอบ"),
        **fields,
    )


def make_contract(*, household, creditor, outstanding=10000, **fields) -> Contract:
    fields.setdefault("principal", Decimal(outstanding))
    fields.setdefault("rate", Decimal("6"))
    fields.setdefault("number", f"C{next(_ids)}")
    fields.setdefault("start_date", datetime.date(2023, 1, 1))
    fields.setdefault("borrower", household.people.first())
    return Contract.objects.create(
        household=household, creditor=creditor, outstanding=Decimal(outstanding), **fields
    )


def make_debtor(*, centre, creditor, amounts=(10000,), **fields) -> Household:
    """A household with a head and one contract per amount at `creditor`."""
    household = make_household(centre=centre, **fields)
    for amount in amounts:
        make_contract(household=household, creditor=creditor, outstanding=amount)
    return household
