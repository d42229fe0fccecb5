"""Demo debtor database for ศูนย์จัดการกองทุนบ้านหนองควาย (อ.เฝ้าไร่): 35 households,
32 target households, restructurings and later balances, so the results report and the
scoring suggestions (2.2, 2.3, 2.5, 3.2, 3.3) have data. Idempotent: a centre that
already has households is left alone."""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from centres.models import Centre, FundKind, Meeting, MeetingKind, MemberFund
from debts import services
from debts.models import (
    Contract,
    Creditor,
    CreditorKind,
    DebtorClass,
    Household,
    IncomeExpense,
    Person,
    RestructuringForm,
)
from debts.rules import citizen_id_check_digit

CENTRE_NAME = "ศูนย์จัดการกองทุนบ้านหนองควาย"
HOUSEHOLDS = 35
TARGETS = 32
JOINED = datetime.date(2024, 11, 15)  # FY2568
DECIDED = datetime.date(2025, 1, 20)
FOLLOW_UP = datetime.date(2025, 6, 30)
FIRST_NAMES = ["สมชาย", "สมศรี", "บุญมี", "ทองใบ", "ประยูร", "จันทร์เพ็ญ", "สุพัฒน์", "คำปุ่น"]
LAST_NAMES = ["ศรีสุข", "แก้วมณี", "พรมมา", "สายสุด", "คำภู", "ใจมั่น", "บุญเรือง"]
OCCUPATIONS = ["ทำนา", "ปลูกยางพารา", "รับจ้างทั่วไป", "ค้าขาย", "เลี้ยงโค"]
CLASSES = [DebtorClass.NORMAL] * 5 + [DebtorClass.RELIEF, DebtorClass.DEFAULTED]


def _citizen_id(n: int) -> str:
    first12 = f"34315{n:07d}"
    return first12 + str(citizen_id_check_digit(first12))


def _creditors(centre) -> list[Creditor]:
    if not centre.member_funds.exists():
        MemberFund.objects.create(
            centre=centre, kind=FundKind.SAVINGS, name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองควาย"
        )
    outside = [
        (CreditorKind.BANK, "ธ.ก.ส. สาขาเฝ้าไร่"),
        (CreditorKind.COOPERATIVE, "สหกรณ์การเกษตรเฝ้าไร่"),
        (CreditorKind.INFORMAL, "เงินกู้นอกระบบในหมู่บ้าน"),
    ]
    for kind, name in outside:
        Creditor.objects.get_or_create(centre=centre, name=name, defaults={"kind": kind})
    return list(Creditor.objects.filter(centre=centre).order_by("kind", "name"))


def _household(centre, index, rng, creditors) -> Household:
    household = Household.objects.create(
        centre=centre,
        village=centre.village,
        house_number=f"{10 + index * 3}/{index % 4 + 1}" if index % 5 == 0 else str(10 + index * 3),
        member_family=index % 3 != 2,
        occupations=rng.choice(OCCUPATIONS),
        income_per_person=Decimal(rng.randrange(28000, 90000, 500)),
        welfare_card=index % 4 == 0,
        savings_balance=Decimal(rng.choice([0, 0, 500, 1200, 3000])),
        debtor_class="" if index >= HOUSEHOLDS - 3 else rng.choice(CLASSES),
    )
    head = Person.objects.create(
        household=household,
        citizen_id=_citizen_id(index * 2 + 1),
        title="นาย" if index % 2 else "นาง",
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(LAST_NAMES),
        is_head=True,
        occupation=household.occupations,
    )
    if index % 2 == 0:
        Person.objects.create(
            household=household, citizen_id=_citizen_id(index * 2 + 2), title="นางสาว",
            first_name=rng.choice(FIRST_NAMES), last_name=head.last_name, relation="บุตร",
        )  # fmt: skip
    for n in range(1 + index % 3):
        creditor = creditors[(index + n) % len(creditors)]
        amount = Decimal(rng.randrange(8000, 60000, 1000))
        informal = creditor.kind == CreditorKind.INFORMAL
        Contract.objects.create(
            household=household,
            borrower=head,
            creditor=creditor,
            number=f"{index + 1:03d}/{n + 1}",
            start_date=datetime.date(2022 + n, 1 + index % 12, 1),
            principal=amount,
            rate=Decimal("60") if informal else Decimal(rng.choice(["6", "7.5", "12"])),
            term_months=36,
            instalment=(amount / 36).quantize(Decimal("1")),
            outstanding=amount,
            overdue_amount=amount / 10 if household.debtor_class == DebtorClass.DEFAULTED else 0,
            overdue_days=90 if household.debtor_class == DebtorClass.DEFAULTED else 0,
            is_informal=informal,
        )
    return household


def _follow_up(centre, households, rng):
    # The committee decides after the households became targets and before the follow-up.
    meeting = (
        Meeting.objects.filter(centre=centre, kind=MeetingKind.COMMITTEE)
        .filter(held_on__gt=JOINED, held_on__lt=FOLLOW_UP)
        .order_by("held_on")
        .first()
    )
    fund = Creditor.objects.filter(centre=centre, kind=CreditorKind.MEMBER_FUND).first()
    for index, household in enumerate(households[:TARGETS]):
        contracts = list(household.contracts.open())
        if len(contracts) > 1 and index % 2 == 0:
            services.restructuring_consolidate(
                household=household, contracts=contracts, creditor=fund,
                decided_on=meeting.held_on if meeting else DECIDED, meeting=meeting,
                meeting_note="" if meeting else "มติที่ประชุมคณะกรรมการ", rate=Decimal("6"),
                term_months=60,
            )  # fmt: skip
        elif index % 3 == 0:
            services.restructuring_amend(
                household=household, contracts=contracts[:1], form=RestructuringForm.EXTEND,
                decided_on=meeting.held_on if meeting else DECIDED, meeting=meeting,
                term_months=60,
            )  # fmt: skip
        if index % 8 == 7:
            continue  # no change yet
        for contract in household.contracts.open():
            share = Decimal("0") if index in (3, 11, 20) else Decimal(rng.choice(["0.6", "0.8"]))
            services.balance_record(
                contract=contract, as_of=FOLLOW_UP, outstanding=(contract.outstanding * share)
            )
        if index % 2:
            for month in (4, 5, 6):
                IncomeExpense.objects.create(
                    household=household, month=datetime.date(2025, month, 1),
                    income=Decimal(rng.randrange(6000, 15000, 500)),
                    expense=Decimal(rng.randrange(5000, 12000, 500)),
                )  # fmt: skip


@transaction.atomic
def load(stdout=None):
    centre = Centre.objects.filter(name=CENTRE_NAME).select_related("village").first()
    if centre is None or centre.households.exists():
        return
    rng = random.Random(4315)  # noqa: S311 - demo figures, not security
    creditors = _creditors(centre)
    households = [_household(centre, i, rng, creditors) for i in range(HOUSEHOLDS)]
    services.targets_select(centre=centre, households=households[:TARGETS], on_date=JOINED)
    for household in households:
        household.refresh_from_db()
    _follow_up(centre, households, rng)
    if stdout:
        stdout.write(f"debts: {HOUSEHOLDS} households, {TARGETS} target households in {centre}")
