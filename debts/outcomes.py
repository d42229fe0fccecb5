"""A centre's debt outcomes (DOMAIN §4.4), for the results report and the scoring rubric.

Rubric 2.2 (classified debtors), 2.3 (one household one contract), 2.5 (restructured),
3.2 (reduced, debt-free included) and 3.3 (debt-free) read `DebtOutcomes`.
`outcomes_by_centre` runs one query whatever the number of centres or households.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce

from cdfmc.thaitime import fiscal_year_end
from debts import rules
from debts.models import BalanceUpdate, ContractStatus, Household, IncomeExpense, Restructuring

ZERO = Decimal(0)


@dataclass(frozen=True)
class DebtOutcomes:
    target_households: int = 0
    restructured: int = 0
    reduced: int = 0  # below baseline and above zero; debt-free counted apart
    debt_free: int = 0
    baseline_total: Decimal = ZERO
    current_total: Decimal = ZERO
    debtors: int = 0
    classified_debtors: int = 0
    one_contract_households: int = 0

    @property
    def restructured_rate(self) -> Decimal:
        return rules.percent(self.restructured, self.target_households)

    @property
    def reduced_rate(self) -> Decimal:
        """Rubric 3.2: a debt-free household has reduced its debt too."""
        return rules.percent(self.reduced + self.debt_free, self.target_households)

    @property
    def debt_free_rate(self) -> Decimal:
        return rules.percent(self.debt_free, self.target_households)


@dataclass(frozen=True)
class HouseholdFigures:
    """One household's figures as the outcome arithmetic needs them (plain values)."""

    is_target: bool
    baseline: Decimal | None
    current: Decimal
    open_contracts: int
    contracts: int
    debtor_class: str
    restructured: bool
    supported: bool = False
    followed_up: bool = False


def summarise(households) -> DebtOutcomes:
    """Count outcomes over HouseholdFigures (pure)."""
    counts = defaultdict(int)
    baseline_total = current_total = ZERO
    for h in households:
        if h.contracts:
            counts["debtors"] += 1
            counts["classified"] += bool(h.debtor_class)
        if not h.is_target:
            continue
        counts["targets"] += 1
        counts["restructured"] += h.restructured
        counts["one"] += h.open_contracts == 1
        outcome = rules.classify_outcome(h.baseline, h.current)
        counts[outcome] += 1
        baseline_total += h.baseline or ZERO
        current_total += h.current
    return DebtOutcomes(
        target_households=counts["targets"],
        restructured=counts["restructured"],
        reduced=counts[rules.REDUCED],
        debt_free=counts[rules.DEBT_FREE],
        baseline_total=baseline_total,
        current_total=current_total,
        debtors=counts["debtors"],
        classified_debtors=counts["classified"],
        one_contract_households=counts["one"],
    )


def household_figures(households, *, fy: int | None = None):
    """(centre id, HouseholdFigures) for each household of a queryset: one query."""
    is_open = Q(contracts__status=ContractStatus.OPEN)
    money = DecimalField(max_digits=16, decimal_places=2)
    followed = BalanceUpdate.objects.filter(
        contract__household=OuterRef("pk"), as_of__gte=OuterRef("target_since")
    )
    rows = households.annotate(
        current=Coalesce(
            Sum("contracts__outstanding", filter=is_open), Value(ZERO), output_field=money
        ),
        open_count=Count("contracts", filter=is_open),
        contract_count=Count("contracts"),
        restructured=Exists(Restructuring.objects.filter(household=OuterRef("pk"))),
        has_accounts=Exists(IncomeExpense.objects.filter(household=OuterRef("pk"))),
        followed_up=Exists(followed),
    ).values_list(
        "centre_id",
        "is_target",
        "target_since",
        "baseline_total",
        "current",
        "open_count",
        "contract_count",
        "debtor_class",
        "restructured",
        "has_accounts",
        "savings_balance",
        "followed_up",
    )
    last_day = fiscal_year_end(fy) if fy else None
    for (centre_id, target, since, baseline, current, open_count, count, klass, restr,
         accounts, savings, followed_up) in rows:  # fmt: skip
        if target and last_day and (since is None or since > last_day):
            target = False  # joined after the fiscal year asked for
        yield (
            centre_id,
            HouseholdFigures(
                is_target=target,
                baseline=baseline,
                current=Decimal(current or 0),
                open_contracts=open_count,
                contracts=count,
                debtor_class=klass,
                restructured=restr,
                supported=accounts or (savings or 0) > 0,
                followed_up=followed_up,
            ),
        )


def outcomes_by_centre(centre_ids, *, fy: int | None = None) -> dict[int, DebtOutcomes]:
    ids = list(centre_ids)
    grouped = defaultdict(list)
    for centre_id, figures in household_figures(Household.objects.filter(centre_id__in=ids), fy=fy):
        grouped[centre_id].append(figures)
    return {centre_id: summarise(grouped.get(centre_id, [])) for centre_id in ids}


def centre_outcomes(centre, *, fy: int | None = None) -> DebtOutcomes:
    return outcomes_by_centre([centre.pk], fy=fy)[centre.pk]


def centre_steps(centre) -> tuple[DebtOutcomes, list[rules.Step]]:
    """The outcomes and the six-step progress strip of one centre."""
    figures = [f for _, f in household_figures(Household.objects.filter(centre=centre))]
    outcomes = summarise(figures)
    targets = [f for f in figures if f.is_target]
    steps = rules.six_steps(
        debtors=outcomes.debtors,
        classified=outcomes.classified_debtors,
        targets=outcomes.target_households,
        restructured=outcomes.restructured,
        supported=sum(f.supported for f in targets),
        followed_up=sum(f.followed_up for f in targets),
    )
    return outcomes, steps
