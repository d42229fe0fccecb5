"""Writes that touch several rows: rubrics, rounds, proposals, assessments and scores."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from cdfmc.access import can_manage_province
from cdfmc.accounts.models import Role
from cdfmc.thaitime import to_thai_digits
from centres.models import CentreStatus
from scoring.facts import centre_facts
from scoring.models import (
    LOCKED_MESSAGE,
    Area,
    Assessment,
    EvidenceItem,
    Indicator,
    Level,
    PanelMember,
    Proposal,
    Rubric,
    Score,
    SelectionRound,
)
from scoring.rules import suggest

SUGGESTED = "ระดับตามที่ระบบเสนอ"


# Rubrics ---------------------------------------------------------------------------------


def ensure_unlocked(rubric: Rubric) -> None:
    if rubric.is_locked:
        raise ValidationError(str(LOCKED_MESSAGE))


@transaction.atomic
def rubric_copy(*, rubric: Rubric, fiscal_year: int, province=None, name: str = "") -> Rubric:
    """A new editable rubric for another year or province, with every text and point."""
    copy = Rubric.objects.create(
        name=name or rubric.name,
        province=province,
        fiscal_year=fiscal_year,
        source=rubric.source,
        copied_from=rubric,
    )
    for area in rubric.areas.prefetch_related("indicators__levels", "indicators__evidence_items"):
        new_area = Area.objects.create(rubric=copy, number=area.number, title=area.title)
        for indicator in area.indicators.all():
            new_indicator = Indicator.objects.create(
                area=new_area,
                code=indicator.code,
                order=indicator.order,
                title=indicator.title,
                rule=indicator.rule,
                judged=indicator.judged,
            )
            Level.objects.bulk_create(
                Level(
                    indicator=new_indicator,
                    number=lv.number,
                    criteria=lv.criteria,
                    points=lv.points,
                )
                for lv in indicator.levels.all()
            )
            EvidenceItem.objects.bulk_create(
                EvidenceItem(indicator=new_indicator, number=ev.number, text=ev.text)
                for ev in indicator.evidence_items.all()
            )
    return copy


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, title: str, levels: list[tuple[int, str, int]], evidence: list[str]
) -> Indicator:
    """Replace an indicator's title, levels (number, criteria, points) and evidence list."""
    ensure_unlocked(indicator.area.rubric)
    indicator.title = title
    indicator.save(update_fields=["title"])
    indicator.levels.all().delete()
    Level.objects.bulk_create(
        Level(indicator=indicator, number=n, criteria=c, points=p) for n, c, p in levels
    )
    indicator.evidence_items.all().delete()
    EvidenceItem.objects.bulk_create(
        EvidenceItem(indicator=indicator, number=n, text=text)
        for n, text in enumerate(evidence, start=1)
    )
    return indicator


# Rounds, panel, proposals ----------------------------------------------------------------


@transaction.atomic
def round_open(*, province, fiscal_year: int, rubric: Rubric, user, proposals_due=None):
    if not can_manage_province(user, province.code):
        raise PermissionDenied
    if rubric.province_id not in (None, province.code):
        raise ValidationError({"rubric": _("เกณฑ์นี้เป็นของจังหวัดอื่น")})
    if SelectionRound.objects.filter(province=province, fiscal_year=fiscal_year).exists():
        raise ValidationError({"fiscal_year": _("จังหวัดนี้เปิดรอบการคัดเลือกของปีงบประมาณนี้แล้ว")})
    return SelectionRound.objects.create(
        province=province,
        fiscal_year=fiscal_year,
        rubric=rubric,
        proposals_due=proposals_due,
        opened_by=user,
    )


def panel_appoint(*, selection_round: SelectionRound, member, user) -> PanelMember:
    if not can_manage_province(user, selection_round.province_id):
        raise PermissionDenied
    in_province = member.province_id == selection_round.province_id
    if member.role not in (Role.DISTRICT, Role.PROVINCE) or not in_province:
        raise ValidationError({"member": _("แต่งตั้งได้เฉพาะเจ้าหน้าที่ในจังหวัดนี้")})
    panel, _created = PanelMember.objects.get_or_create(
        round=selection_round, user=member, defaults={"appointed_by": user}
    )
    return panel


def proposal_refusal(selection_round: SelectionRound, centre) -> str | None:
    """Why a centre cannot be proposed in this round, or None."""
    if centre.village.province_code != selection_round.province_id:
        return _("ศูนย์นี้ไม่ได้อยู่ในจังหวัดของรอบการคัดเลือกนี้")
    if centre.status == CentreStatus.MODEL:
        year = to_thai_digits(centre.model_year) if centre.model_year else ""
        return _("ศูนย์นี้เป็นศูนย์ต้นแบบด้านการบริหารจัดการหนี้แล้ว (ปี %(year)s) จึงเสนอไม่ได้") % {"year": year}
    elsewhere = (
        Proposal.objects.filter(centre=centre, round__fiscal_year=selection_round.fiscal_year)
        .select_related("district")
        .first()
    )
    if elsewhere:
        return _("ศูนย์นี้ถูกเสนอแล้วโดยอำเภอ%(district)s ในปีงบประมาณ %(fy)s") % {
            "district": elsewhere.district.name_th,
            "fy": selection_round.fiscal_year,
        }
    district = centre.village.district_code
    taken = Proposal.objects.filter(round=selection_round, district_id=district).first()
    if taken:
        return _("อำเภอนี้เสนอ %(centre)s ไว้แล้ว (อำเภอละ ๑ แห่งต่อรอบ)") % {"centre": taken.centre}
    return None


@transaction.atomic
def proposal_create(*, selection_round: SelectionRound, centre, user, note: str = "") -> Proposal:
    refusal = proposal_refusal(selection_round, centre)
    if refusal:
        raise ValidationError({"centre": refusal})
    try:
        with transaction.atomic():
            return Proposal.objects.create(
                round=selection_round,
                centre=centre,
                district_id=centre.village.district_code,
                proposed_by=user,
                note=note,
            )
    except IntegrityError:
        raise ValidationError({"centre": _("อำเภอนี้เสนอศูนย์ในรอบนี้แล้ว")}) from None


@transaction.atomic
def proposal_select(*, proposal: Proposal, user) -> Proposal:
    if not can_manage_province(user, proposal.round.province_id):
        raise PermissionDenied
    Proposal.objects.filter(round=proposal.round_id).exclude(pk=proposal.pk).update(selected=False)
    proposal.selected = True
    proposal.save(update_fields=["selected"])
    return proposal


# Assessments -----------------------------------------------------------------------------


def assess_refusal(user, proposal: Proposal) -> str | None:
    """Who may score: provincial staff of the province and the round's panel, never a
    panel member scoring the centre their own district proposed."""
    if not user.is_authenticated:
        return _("กรุณาเข้าสู่ระบบ")
    if user.role == Role.DISTRICT and user.district_id == proposal.district_id:
        return _("กรรมการไม่สามารถประเมินศูนย์ที่อำเภอของตนเสนอได้")
    if can_manage_province(user, proposal.round.province_id):
        return None
    if PanelMember.objects.filter(round_id=proposal.round_id, user=user).exists():
        return None
    return _("ผู้ประเมินต้องเป็นเจ้าหน้าที่จังหวัดหรือกรรมการที่จังหวัดแต่งตั้ง")


@transaction.atomic
def assessment_start(*, proposal: Proposal, assessor) -> Assessment:
    """The assessor's assessment, created with every indicator's suggested level."""
    refusal = assess_refusal(assessor, proposal)
    if refusal:
        raise PermissionDenied(refusal)
    assessment, created = Assessment.objects.get_or_create(proposal=proposal, assessor=assessor)
    if not created:
        return assessment
    facts = centre_facts(proposal.centre, proposal.round.fiscal_year)
    scores = []
    indicators = Indicator.objects.filter(area__rubric=proposal.round.rubric_id).prefetch_related(
        "levels"
    )
    for indicator in indicators:
        score = Score(assessment=assessment, indicator=indicator)
        if indicator.rule:
            points = {lv.number: lv.points for lv in indicator.levels.all()}
            suggestion = suggest(indicator.rule, facts, points)
            score.suggestion_reason = suggestion.reason[:500]
            if suggestion.level is not None:
                score.suggested_level = score.level = suggestion.level
                score.points = suggestion.points
        scores.append(score)
    bulk_create_with_history(
        scores, Score, default_user=assessor, default_change_reason=_("ระบบเสนอระดับจากข้อมูล")
    )
    return assessment


@transaction.atomic
def score_set(
    *,
    score: Score,
    user,
    level: int | None,
    override_reason: str = "",
    note: str = "",
    evidence_item_ids: list[int] | None = None,
) -> Score:
    """Set one indicator's level; differing from the suggestion needs a reason."""
    assessment = score.assessment
    if assessment.assessor_id != user.pk:
        raise PermissionDenied
    if assessment.is_final:
        raise ValidationError(_("การประเมินนี้ยืนยันผลแล้ว แก้ไขไม่ได้"))
    points = {lv.number: lv.points for lv in score.indicator.levels.all()}
    if level is not None and level != 0 and level not in points:
        raise ValidationError({"level": _("ไม่มีระดับนี้ในเกณฑ์")})
    override_reason = override_reason.strip()
    overriding = score.suggested_level is not None and level != score.suggested_level
    if overriding and not override_reason:
        raise ValidationError({"override_reason": _("เลือกระดับต่างจากที่ระบบเสนอ ต้องระบุเหตุผล")})
    score.level = level
    score.points = None if level is None else points.get(level, 0)
    score.override_reason = override_reason if overriding else ""
    score.note = note
    score._change_reason = override_reason or _("ยืนยันระดับ")
    score._history_user = user
    score.save()
    if evidence_item_ids is not None:
        allowed = set(score.indicator.evidence_items.values_list("pk", flat=True))
        score.evidence_items.set([pk for pk in evidence_item_ids if pk in allowed])
    return score


@transaction.atomic
def assessment_finalise(*, assessment: Assessment, user) -> Assessment:
    if assessment.assessor_id != user.pk:
        raise PermissionDenied
    missing = [
        s.indicator.code
        for s in assessment.scores.select_related("indicator").filter(level__isnull=True)
    ]
    if missing:
        raise ValidationError(_("ยังไม่ได้ประเมินตัวชี้วัด %(codes)s") % {"codes": ", ".join(missing)})
    assessment.status = Assessment.Status.FINAL
    assessment.finalised_at = timezone.now()
    assessment.save(update_fields=["status", "finalised_at"])
    return assessment
