"""This fiscal year's selection of outstanding centres: a national rubric (a copy of the
reference one, made by `scoring.services.rubric_copy`), a round per province, a panel,
one proposal per district, two assessments per proposal with every indicator scored."""

import datetime

from cdfmc.national.context import CentreInfo, Context
from cdfmc.thaitime import fiscal_year_start
from centres.models import CentreStatus
from scoring.loading import nongkhai_2568
from scoring.models import (
    Assessment,
    Indicator,
    PanelMember,
    Proposal,
    Score,
    SelectionRound,
)
from scoring.services import rubric_copy

RUBRIC_NAME = "เกณฑ์การคัดเลือกศูนย์จัดการกองทุนชุมชนดีเด่นระดับจังหวัด ปีงบประมาณ พ.ศ. {fy} (ระดับประเทศ)"
FINAL_SHARE = 0.8  # rounds whose assessments are confirmed by the end of the year


def generate(ctx: Context) -> None:
    plan = ctx.plan
    rubric = rubric_copy(
        rubric=nongkhai_2568(), fiscal_year=plan.fy, name=RUBRIC_NAME.format(fy=plan.fy)
    )
    indicators = list(
        Indicator.objects.filter(area__rubric=rubric)
        .prefetch_related("levels", "evidence_items")
        .order_by("area__number", "order")
    )
    by_province: dict[str, dict[str, list[CentreInfo]]] = {}
    eligible_before = fiscal_year_start(plan.fy)
    for info in ctx.centres:
        if info.status != CentreStatus.MODEL and info.established_on < eligible_before:
            district = info.village.district
            by_province.setdefault(district[:2], {}).setdefault(district, []).append(info)
    for province in sorted(by_province):
        _round(ctx, rubric, indicators, province, by_province[province])
        ctx.writer.maybe_flush()
    ctx.writer.flush()


def _round(ctx, rubric, indicators, province, districts) -> None:
    plan, writer = ctx.plan, ctx.writer
    rng = plan.rng("round", province)
    staff = ctx.province_users[province]
    selection_round = writer.add(
        SelectionRound(
            province_id=province,
            fiscal_year=plan.fy,
            rubric_id=rubric.pk,
            proposals_due=datetime.date(plan.as_of.year, 4, 30),
            opened_by_id=staff,
        )
    )
    officers = [ctx.district_users[code] for code in sorted(districts)]
    panel = rng.sample(officers, min(2, len(officers)))
    for user in panel:
        writer.add(PanelMember(round_id=selection_round.pk, user_id=user, appointed_by_id=staff))
    final = rng.random() < FINAL_SHARE
    totals = []
    for district in sorted(districts):
        info = rng.choice(districts[district])
        proposal = writer.add(
            Proposal(
                round_id=selection_round.pk,
                centre_id=info.id,
                district_id=district,
                proposed_by_id=ctx.district_users[district],
                note="",
            )
        )
        own = ctx.district_users[district]
        assessors = [staff] + [user for user in panel if user != own][:1]
        total = sum(
            _assessment(ctx, rng, proposal, user, info, indicators, final) for user in assessors
        )
        totals.append((total, proposal))
    if final and totals:
        max(totals, key=lambda t: t[0])[1].selected = True


def _assessment(ctx, rng, proposal, assessor, info, indicators, final) -> int:
    writer = ctx.writer
    assessment = writer.add(
        Assessment(
            proposal_id=proposal.pk,
            assessor_id=assessor,
            status=Assessment.Status.FINAL if final else Assessment.Status.DRAFT,
            finalised_at=datetime.datetime.combine(
                ctx.plan.as_of, datetime.time(10), tzinfo=datetime.UTC
            )
            if final
            else None,
        )
    )
    total = 0
    through = Score.evidence_items.through
    for indicator in indicators:
        levels = {lv.number: lv.points for lv in indicator.levels.all()}
        top = max(levels, default=0)
        level = min(top, max(0, round(top * info.quality + rng.gauss(0, 0.8))))
        suggested = level if rng.random() < 0.8 else max(0, level - 1)
        score = writer.add(
            Score(
                assessment_id=assessment.pk,
                indicator_id=indicator.pk,
                level=level,
                points=levels.get(level, 0),
                suggested_level=suggested if indicator.rule else None,
                suggestion_reason="",
                override_reason="ข้อมูลหลักฐานเพิ่มเติมจากการลงพื้นที่"
                if indicator.rule and suggested != level
                else "",
                note="",
            )
        )
        total += score.points
        items = list(indicator.evidence_items.all())
        for item in rng.sample(items, min(len(items), level)):
            writer.link(through, score_id=score.pk, evidenceitem_id=item.pk)
    return total
