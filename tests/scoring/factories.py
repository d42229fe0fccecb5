"""Scoring test data: the reference rubric, a Nong Khai FY2568 round, proposals, scores."""

from scoring import services
from scoring.loading import nongkhai_2568
from scoring.models import Proposal, SelectionRound
from tests.personas import make_persona


def make_round(*, province="43", fiscal_year=2568) -> SelectionRound:
    selection_round, _created = SelectionRound.objects.get_or_create(
        province_id=province, fiscal_year=fiscal_year, defaults={"rubric": nongkhai_2568()}
    )
    return selection_round


def make_proposal(*, centre, selection_round=None) -> Proposal:
    selection_round = selection_round or make_round()
    proposal, _created = Proposal.objects.get_or_create(
        round=selection_round,
        centre=centre,
        defaults={"district_id": centre.village.district_code},
    )
    return proposal


def make_assessment(*, proposal, assessor="nongkhai"):
    user = make_persona(assessor) if isinstance(assessor, str) else assessor
    return services.assessment_start(proposal=proposal, assessor=user)


def score_all(assessment, points_by_code: dict[str, int] | None = None, default_level=2):
    """Set every indicator: levels from `points_by_code` (code → level), else default."""
    points_by_code = points_by_code or {}
    for score in assessment.scores.select_related("indicator").prefetch_related(
        "indicator__levels"
    ):
        level = points_by_code.get(score.indicator.code, default_level)
        services.score_set(
            score=score,
            user=assessment.assessor,
            level=level,
            override_reason="" if level == score.suggested_level else "ทดสอบ",
        )
    return assessment
