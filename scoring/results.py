"""The provincial result of a round: median per indicator over assessors, totals, ranking.

Reads a round's scores in a fixed number of queries and hands plain numbers to
`ranking.rank`. Draft assessments count (the panel watches the ranking form); each row
says how many of its assessments are final.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from scoring.models import Indicator, Proposal, Score
from scoring.ranking import Entry, Ranked, rank


def median_points(points: list[int]) -> Decimal | None:
    """Median of the assessors' points (the mean of the middle two for an even count)."""
    return Decimal(str(median(points))) if points else None


@dataclass
class CentreResult:
    proposal: Proposal
    by_indicator: dict[int, Decimal | None] = field(default_factory=dict)
    by_assessor: dict[int, dict[int, int | None]] = field(default_factory=dict)
    assessors: list = field(default_factory=list)
    final_count: int = 0

    def area_total(self, indicators: list[Indicator], area_number: int) -> Decimal:
        return sum(
            (
                self.by_indicator.get(i.pk) or Decimal(0)
                for i in indicators
                if i.area.number == area_number
            ),
            Decimal(0),
        )

    def total(self) -> Decimal:
        return sum((v for v in self.by_indicator.values() if v is not None), Decimal(0))


def rubric_indicators(rubric) -> list[Indicator]:
    return list(
        Indicator.objects.filter(area__rubric=rubric)
        .select_related("area")
        .order_by("area__number", "order")
    )


def proposal_results(proposals, indicators: list[Indicator]) -> dict[int, CentreResult]:
    results = {p.pk: CentreResult(p) for p in proposals}
    scores = (
        Score.objects.filter(assessment__proposal__in=list(results))
        .select_related("assessment__assessor")
        .order_by("assessment__created_at")
    )
    collected: dict[tuple[int, int], list[int]] = defaultdict(list)
    seen = set()
    for score in scores:
        assessment = score.assessment
        result = results[assessment.proposal_id]
        if assessment.pk not in seen:
            seen.add(assessment.pk)
            result.assessors.append(assessment)
            result.final_count += assessment.is_final
        result.by_assessor.setdefault(assessment.pk, {})[score.indicator_id] = score.points
        if score.points is not None:
            collected[(assessment.proposal_id, score.indicator_id)].append(score.points)
    for result in results.values():
        for indicator in indicators:
            result.by_indicator[indicator.pk] = median_points(
                collected.get((result.proposal.pk, indicator.pk), [])
            )
    return results


def round_ranking(selection_round) -> tuple[list[Indicator], list[Ranked], dict]:
    """(indicators, ranked entries whose key is the proposal, results by proposal id)."""
    indicators = rubric_indicators(selection_round.rubric_id)
    proposals = (
        Proposal.objects.filter(round=selection_round)
        .select_related("centre__village__subdistrict__district__province", "district")
        .order_by("pk")
    )
    results = proposal_results(proposals, indicators)
    code_3_2 = next((i.pk for i in indicators if i.code == "3.2"), None)
    entries = [
        Entry(
            key=result.proposal,
            total=result.total(),
            area_1=result.area_total(indicators, 1),
            area_2=result.area_total(indicators, 2),
            area_3=result.area_total(indicators, 3),
            indicator_3_2=result.by_indicator.get(code_3_2) or Decimal(0),
        )
        for result in results.values()
    ]
    return indicators, rank(entries), results
