"""Households, people, creditors, contracts with their monthly balances, target
households with baselines, restructurings and income/expense records.

Each household's contracts are simulated month by month over the balance window: an
instalment is paid or missed by the household's debtor class, a missed one becomes
overdue, a contract paid down to zero is closed, and a restructuring decided at one of
the centre's committee meetings changes terms or closes contracts into a new one. The
contract rows carry the last balance, as `debts.services.balance_record` leaves them.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from cdfmc.national import names
from cdfmc.national.context import CentreInfo, Context
from cdfmc.national.plan import (
    ACTIVITY_SHARE,
    CONTRACTS_PER_HOUSEHOLD,
    DEBTOR_CLASSES,
    HOUSEHOLD_WEIGHT_SIGMA,
    HOUSEHOLDS,
    LENDING,
    MIN_HOUSEHOLDS,
    PAYING,
    PEOPLE_PER_HOUSEHOLD,
    add_months,
    baht,
    day_in,
    month_ends,
    weighted,
)
from cdfmc.thaitime import BE_OFFSET, fiscal_year_end, fiscal_year_start
from debts import rules
from debts.models import (
    BalanceUpdate,
    Contract,
    ContractStatus,
    Creditor,
    CreditorKind,
    Household,
    IncomeExpense,
    Person,
    Restructuring,
    RestructuringForm,
)

MIN_ACTIVITY_HOUSEHOLDS = 35
MAX_CONTRACTS = 5
RELATIONS = ["บุตร", "บุตร", "บิดา", "มารดา", "หลาน"]
AMEND_FORMS = {
    RestructuringForm.EXTEND: 35,
    RestructuringForm.REDUCE_RATE: 25,
    RestructuringForm.PRINCIPAL_MORATORIUM: 15,
    RestructuringForm.MORATORIUM: 10,
    RestructuringForm.PENALTY: 10,
}


def generate(ctx: Context) -> None:
    counts = household_counts(ctx)
    ids = names.CitizenIds()
    by_subdistrict = ctx.villages_by_subdistrict()
    for info, count in zip(ctx.centres, counts, strict=True):
        CentreDebts(ctx, info, count, ids, by_subdistrict[info.village.subdistrict]).generate()
        ctx.writer.maybe_flush()
    ctx.writer.flush()


def household_counts(ctx: Context) -> list[int]:
    """Households per centre: lognormal weights scaled to the national total; the centres
    in the debt-management activity bring at least 35 (30 targets and a few more)."""
    rng = ctx.plan.rng("households")
    weights = [rng.lognormvariate(0, HOUSEHOLD_WEIGHT_SIGMA) for _ in ctx.centres]
    total = max(len(ctx.centres), round(HOUSEHOLDS * ctx.plan.scale))
    scale = total / sum(weights)
    counts = [max(MIN_HOUSEHOLDS, round(w * scale)) for w in weights]
    for info, count in zip(ctx.centres, counts, strict=True):
        info.in_activity = count >= MIN_ACTIVITY_HOUSEHOLDS and rng.random() < ACTIVITY_SHARE * 2
    return counts


@dataclass
class SimContract:
    """A contract's terms and its state as the simulation walks the months."""

    obj: Contract
    paying: float
    outstanding: float
    overdue: float = 0.0
    missed: int = 0
    moratorium_left: int = 0
    balances: list = field(default_factory=list)

    @property
    def open(self) -> bool:
        return self.obj.status == ContractStatus.OPEN


class CentreDebts:
    def __init__(self, ctx: Context, info: CentreInfo, count: int, ids, villages):
        self.ctx, self.info, self.count, self.ids = ctx, info, count, ids
        self.plan = ctx.plan
        self.rng = ctx.plan.rng("debts", info.village.code)
        self.villages = villages
        self.officer = ctx.district_users.get(info.village.district)
        self.months = month_ends(self.plan.balance_start, self.plan.as_of)
        self.numbers = 0

    def generate(self) -> None:
        self.creditors = self._creditors()
        targets, since = self._targets()
        house_numbers = {}
        for index in range(self.count):
            target_since = since if index in targets else None
            self._household(index, target_since, house_numbers)

    # Creditors and targets --------------------------------------------------------

    def _creditors(self) -> dict[str, list[int]]:
        district = self.ctx.district_names.get(self.info.village.district, "")
        outside = [(CreditorKind.BANK, f"ธ.ก.ส. สาขา{district}")]
        if self.rng.random() < 0.5:
            outside.append((CreditorKind.BANK, f"ธนาคารออมสิน สาขา{district}"))
        outside += [
            (CreditorKind.COOPERATIVE, f"สหกรณ์การเกษตร{district} จำกัด"),
            (CreditorKind.OTHER_FUND, "กองทุนพัฒนาบทบาทสตรี"),
            (CreditorKind.INFORMAL, "เงินกู้นอกระบบในหมู่บ้าน"),
        ]
        creditors = {CreditorKind.MEMBER_FUND.value: list(self.info.fund_creditors)}
        for kind, name in outside:
            row = self.ctx.writer.add(Creditor(centre_id=self.info.id, kind=kind, name=name))
            creditors.setdefault(kind.value, []).append(row.pk)
        return creditors

    def _targets(self):
        """Which households (by index) the committee took on, and when: the activity's
        centres enrol in the first quarter of this fiscal year, others a year earlier."""
        rng, fy = self.rng, self.plan.fy
        if self.info.in_activity:
            size = rng.randint(30, 45)
            since = day_in(rng, fiscal_year_start(fy), fiscal_year_start(fy).replace(month=12))
        elif rng.random() < 0.3:
            size = rng.randint(5, 25)
            since = day_in(rng, fiscal_year_start(fy - 1), fiscal_year_end(fy - 1))
        else:
            return set(), None
        since = min(since, self.plan.as_of)
        if since < self.info.established_on:
            return set(), None
        return set(rng.sample(range(self.count), min(size, self.count))), since

    # Households ---------------------------------------------------------------------

    def _household(self, index: int, target_since, house_numbers) -> None:
        rng, writer = self.rng, self.ctx.writer
        village = self.info.village if rng.random() < 0.8 else rng.choice(self.villages)
        number = house_numbers.get(village.id, rng.randint(1, 20)) + rng.randint(1, 5)
        house_numbers[village.id] = number
        klass = weighted(rng, DEBTOR_CLASSES)
        house = f"{number}/{rng.randint(1, 4)}" if rng.random() < 0.1 else str(number)
        household = Household(
            pk=writer.new_id(Household),
            centre_id=self.info.id,
            village_id=village.id,
            house_number=house,
            house_number_sort=rules.house_number_sort_key(house),  # as save() keeps it
            member_family=rng.random() < 0.6,
            occupations=", ".join(rng.sample(names.OCCUPATIONS, rng.randint(1, 2))),
            income_per_person=baht(rng.randrange(20_000, 120_000, 500)),
            welfare_card=rng.random() < 0.4,
            savings_balance=baht(rng.randrange(200, 20_000, 100))
            if target_since and rng.random() < 0.5
            else 0,
            debtor_class=klass,
            is_target=target_since is not None,
            target_since=target_since,
            remarks="",
        )
        people = self._people(household, village)
        contracts = [self._contract(household, people) for _ in range(self._contract_count())]
        self._simulate(household, contracts, people)
        writer.add(household)
        for person in people:
            writer.add(person)
        for sim in contracts:
            writer.add(sim.obj)
            for balance in sim.balances:
                writer.add_row(BalanceUpdate, **balance)
        if target_since and rng.random() < (0.6 if self.info.in_activity else 0.35):
            self._accounts(household)

    def _contract_count(self) -> int:
        return weighted(self.rng, CONTRACTS_PER_HOUSEHOLD)

    def _people(self, household, village) -> list[Person]:
        rng = self.rng
        count = weighted(rng, PEOPLE_PER_HOUSEHOLD)
        female = rng.random() < 0.45
        last = names.last_name(rng)
        people = [self._person(household, village, female, last, True, "", older=True)]
        for n in range(1, count):
            spouse = n == 1 and rng.random() < 0.8
            sex = (not female) if spouse else rng.random() < 0.5
            relation = "คู่สมรส" if spouse else rng.choice(RELATIONS)
            older = spouse or relation in ("บิดา", "มารดา")
            people.append(self._person(household, village, sex, last, False, relation, older))
        return people

    def _person(self, household, village, female, last, head, relation, older) -> Person:
        rng = self.rng
        older = older and rng.random() < 0.75
        citizen_id = self.ids.next(district_code=village.district, older=older)
        return Person(
            pk=self.ctx.writer.new_id(Person),
            household_id=household.pk,
            citizen_id=citizen_id,
            citizen_id_reversed=citizen_id[::-1],  # as save() keeps it
            title=names.title(rng, female=female, married=older),
            first_name=names.first_name(rng, female=female),
            last_name=last,
            is_head=head,
            relation=relation,
            occupation=household.occupations.split(", ")[0] if head or older else "",
        )

    # Contracts ------------------------------------------------------------------------

    def _creditor_kind(self) -> str:
        weights = {k: v[0] for k, v in LENDING.items() if self.creditors.get(k)}
        return weighted(self.rng, weights)

    def _contract(self, household, people) -> SimContract:
        rng = self.rng
        kind = self._creditor_kind()
        _share, (low, high, step), (rate_low, rate_high), (term_low, term_high) = LENDING[kind]
        principal = rng.randrange(low, high + 1, step)
        term = rng.randint(term_low, term_high)
        start = add_months(self.plan.as_of, -rng.randint(1, max(1, min(term - 1, 84))))
        start = start.replace(day=rng.randint(1, 28))
        borrower = people[0] if len(people) == 1 or rng.random() < 0.8 else people[1]
        self.numbers += 1
        contract = Contract(
            pk=self.ctx.writer.new_id(Contract),
            household_id=household.pk,
            borrower_id=borrower.pk,
            creditor_id=rng.choice(self.creditors[kind]),
            number=f"{(start.year + BE_OFFSET) % 100:02d}-{self.numbers:05d}",
            start_date=start,
            principal=baht(principal),
            rate=_rate(rng.uniform(rate_low, rate_high)),
            term_months=term,
            instalment=baht(math.ceil(principal / term)),
            outstanding=0,
            is_informal=kind == CreditorKind.INFORMAL,
        )
        paying = PAYING[household.debtor_class]
        elapsed = _months_between(start, self.plan.balance_start)
        outstanding = float(principal)
        if elapsed > 0:
            outstanding = principal * max(0.0, 1 - paying * elapsed / term)
        sim = SimContract(contract, paying, outstanding)
        if elapsed > 0:
            sim.overdue = min(outstanding, (1 - paying) * elapsed * principal / term)
        return sim

    def _simulate(self, household, contracts: list[SimContract], people) -> None:
        rng = self.rng
        restructure_on, meeting = self._restructuring_date(household)
        baseline = None
        previous = self.months[0].replace(day=1)
        for sim in contracts:
            if sim.outstanding <= 0:  # paid off before the window
                paid_on = add_months(sim.obj.start_date, sim.obj.term_months)
                self._close(sim, min(paid_on, self.plan.balance_start), ContractStatus.PAID)
        for month in self.months:
            if household.target_since and baseline is None and household.target_since <= month:
                baseline = sum(s.outstanding for s in contracts if s.open and _began(s, month))
            if restructure_on and previous < restructure_on <= month:
                contracts.extend(
                    self._restructure(household, contracts, restructure_on, meeting, people)
                )
            for sim in contracts:
                if sim.open and sim.obj.start_date <= month:
                    self._month(sim, month, rng)
            previous = month
        if household.target_since:
            household.baseline_total = baht(baseline or 0)
        for sim in contracts:
            contract = sim.obj
            if sim.open or contract.status == ContractStatus.SUPERSEDED:
                contract.outstanding = baht(sim.outstanding)
                contract.overdue_amount = baht(min(sim.overdue, sim.outstanding))
                contract.overdue_days = 30 * sim.missed

    def _month(self, sim: SimContract, month, rng) -> None:
        due = 0.0 if sim.moratorium_left else min(float(sim.obj.instalment), sim.outstanding)
        sim.moratorium_left = max(0, sim.moratorium_left - 1)
        if rng.random() < sim.paying:
            sim.outstanding -= due
            sim.missed = 0
        else:
            sim.overdue += due
            sim.missed += 1 if due else 0
        sim.outstanding = max(0.0, round(sim.outstanding))
        sim.overdue = min(sim.overdue, sim.outstanding)
        sim.balances.append(
            {
                "contract_id": sim.obj.pk,
                "as_of": month,
                "outstanding": baht(sim.outstanding),
                "overdue_amount": baht(sim.overdue),
                "entered_by_id": self.officer,
            }
        )
        if sim.outstanding <= 0:
            self._close(sim, month, ContractStatus.PAID)

    def _close(self, sim: SimContract, on, status, by=None) -> None:
        sim.obj.status, sim.obj.closed_on, sim.obj.closed_by_id = status, on, by
        if status == ContractStatus.PAID:
            sim.outstanding = sim.overdue = 0.0
            sim.missed = 0

    # Restructuring --------------------------------------------------------------------

    def _restructuring_date(self, household):
        """A committee meeting after the household became a target, or (None, None)."""
        chance = 0.6 if self.info.in_activity else 0.4
        if not household.target_since or self.rng.random() >= chance:
            return None, None
        last = add_months(self.plan.as_of, -1)
        meetings = [
            (pk, held_on)
            for pk, held_on in self.info.committee_meetings
            if household.target_since < held_on <= last
        ]
        if not meetings:
            return None, None
        pk, held_on = self.rng.choice(meetings)
        return held_on, pk

    def _restructure(self, household, contracts, decided_on, meeting, people) -> list:
        rng = self.rng
        open_ = [s for s in contracts if s.open and s.obj.start_date < decided_on]
        if not open_:
            return []
        restructuring = Restructuring(
            pk=self.ctx.writer.new_id(Restructuring),
            household_id=household.pk,
            decided_on=decided_on,
            meeting_id=meeting,
            meeting_note="",
            description="",
            recorded_by_id=self.officer,
        )
        room = len(contracts) < MAX_CONTRACTS and self.info.fund_creditors
        if room and len(open_) >= 2 and rng.random() < 0.6:
            restructuring.form = RestructuringForm.CONSOLIDATE
            new = self._replace(household, restructuring, open_, decided_on, people)
        elif room and rng.random() < 0.15:
            restructuring.form = RestructuringForm.REFINANCE
            new = self._replace(household, restructuring, open_[:1], decided_on, people)
        else:
            restructuring.form = weighted(rng, AMEND_FORMS)
            self._amend(restructuring, rng.sample(open_, min(len(open_), rng.randint(1, 2))))
            new = []
        self.ctx.writer.add(restructuring)
        return new

    def _link(self, restructuring, sims) -> None:
        through = Restructuring.contracts_before.through
        for sim in sims:
            self.ctx.writer.link(through, restructuring_id=restructuring.pk, contract_id=sim.obj.pk)

    def _replace(self, household, restructuring, sims, decided_on, people) -> list:
        """Consolidate or refinance: the contracts close, one new contract at a member
        fund takes over their total at 6% for 60 months."""
        self._link(restructuring, sims)
        total = sum(s.outstanding for s in sims)
        for sim in sims:
            self._close(sim, decided_on, ContractStatus.SUPERSEDED, by=restructuring.pk)
        term = 60
        restructuring.new_rate, restructuring.new_term_months = 6, term
        restructuring.new_instalment = baht(math.ceil(total / term))
        self.numbers += 1
        heads = [s.obj.borrower_id for s in sims]
        contract = Contract(
            pk=self.ctx.writer.new_id(Contract),
            household_id=household.pk,
            borrower_id=people[0].pk if people[0].pk in heads else heads[0],
            creditor_id=self.rng.choice(self.info.fund_creditors),
            number=f"{(decided_on.year + BE_OFFSET) % 100:02d}-{self.numbers:05d}",
            start_date=decided_on,
            principal=baht(total),
            rate=6,
            term_months=term,
            instalment=restructuring.new_instalment,
            outstanding=baht(total),
            is_informal=False,
            created_by_restructuring_id=restructuring.pk,
        )
        return [SimContract(contract, max(0.9, sims[0].paying), float(baht(total)))]

    def _amend(self, restructuring, sims) -> None:
        rng, form = self.rng, restructuring.form
        self._link(restructuring, sims)
        for sim in sims:
            contract = sim.obj
            if form == RestructuringForm.EXTEND:
                contract.term_months += rng.choice([24, 36, 60])
                contract.instalment = baht(math.ceil(sim.outstanding / contract.term_months))
                restructuring.new_term_months = contract.term_months
                restructuring.new_instalment = contract.instalment
            elif form == RestructuringForm.REDUCE_RATE:
                contract.rate = _rate(max(0.0, min(float(contract.rate) - 1, 12)))
                restructuring.new_rate = contract.rate
            elif form in (RestructuringForm.PRINCIPAL_MORATORIUM, RestructuringForm.MORATORIUM):
                months = rng.choice([6, 12])
                contract.moratorium_months = sim.moratorium_left = months
                restructuring.moratorium_months = months
            sim.paying = max(sim.paying, 0.85)

    # Support ----------------------------------------------------------------------------

    def _accounts(self, household) -> None:
        rng = self.rng
        for month in self.months[-rng.randint(6, 12) :]:
            self.ctx.writer.add(
                IncomeExpense(
                    household_id=household.pk,
                    month=month.replace(day=1),
                    income=baht(rng.randrange(5_000, 20_000, 100)),
                    expense=baht(rng.randrange(4_000, 18_000, 100)),
                    note="",
                )
            )


def _months_between(first, last) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def _began(sim: SimContract, month) -> bool:
    return sim.obj.start_date <= month


def _rate(value: float) -> Decimal:
    """% a year to the quarter point, as registers write them."""
    return Decimal(round(value * 4)) / 4
