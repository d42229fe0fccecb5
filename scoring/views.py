from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cdfmc.exports.views import build_report, report_page, xlsx_response
from centres.access import get_centre_for_user
from scoring import services
from scoring.access import (
    can_manage_rubrics,
    can_open_round,
    get_assessment_for_user,
    get_indicator_for_editing,
    get_proposal_for_user,
    get_round_for_user,
    get_rubric_for_user,
)
from scoring.booklet import booklet_pdf, evidence_by_code, render_pdf
from scoring.forms import (
    FiscalYearForm,
    IndicatorForm,
    PanelForm,
    ProposalForm,
    RoundForm,
    RubricCopyForm,
    ScoreForm,
)
from scoring.models import Proposal, Rubric, Score, SelectionRound
from scoring.reports import Ranking, ScoreSheet, number
from scoring.results import proposal_results, rubric_indicators

PDF = "application/pdf"


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# Rounds -----------------------------------------------------------------------------------


def round_list(request):
    rounds = (
        SelectionRound.objects.visible_to(request.user)
        .select_related("province", "rubric")
        .prefetch_related("proposals")
    )
    context = {"rounds": rounds, "can_open": can_open_round(request.user)}
    return render(request, "scoring/round_list.html", context)


def proposal_list(request):
    """Proposals in the user's area; ?unscored=1: those without a confirmed assessment."""
    proposals = Proposal.objects.visible_to(request.user)
    unscored = request.GET.get("unscored") == "1"
    if unscored:
        proposals = proposals.unscored()
    proposals = proposals.select_related(
        "round__province", "centre__village__subdistrict__district", "district"
    ).order_by("-round__fiscal_year", "district__name_th", "pk")
    page = Paginator(proposals, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {"page": page, "unscored": unscored, "querystring": params.urlencode()}
    return render(request, "scoring/proposal_list.html", context)


def round_create(request):
    if not can_open_round(request.user):
        raise PermissionDenied
    form = RoundForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            selection_round = services.round_open(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("เปิดรอบการคัดเลือกแล้ว"))
            return redirect(selection_round)
    return render(request, "scoring/round_form.html", {"form": form})


def round_detail(request, pk):
    selection_round, can_manage = get_round_for_user(request.user, pk)
    proposals = selection_round.proposals.select_related(
        "district", "centre__village__subdistrict__district"
    ).prefetch_related("assessments__assessor")
    context = {
        "round": selection_round,
        "can_manage": can_manage,
        "proposals": proposals,
        "panel": selection_round.panel.select_related("user__district"),
        "panel_form": PanelForm(selection_round=selection_round) if can_manage else None,
        "can_propose": request.user.role != "head_office" or request.user.is_administrator,
    }
    return render(request, "scoring/round_detail.html", context)


def propose(request, pk):
    selection_round, _can_manage = get_round_for_user(request.user, pk)
    if request.user.is_head_office and not request.user.is_administrator:
        raise PermissionDenied
    form = ProposalForm(request.POST or None, user=request.user, selection_round=selection_round)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_create(
                selection_round=selection_round,
                centre=form.cleaned_data["centre"],
                user=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("เสนอศูนย์แล้ว"))
            return redirect(selection_round)
    return render(request, "scoring/propose.html", {"form": form, "round": selection_round})


@require_POST
def panel_add(request, pk):
    selection_round, can_manage = get_round_for_user(request.user, pk)
    if not can_manage:
        raise PermissionDenied
    form = PanelForm(request.POST, selection_round=selection_round)
    if form.is_valid():
        try:
            services.panel_appoint(
                selection_round=selection_round,
                member=form.cleaned_data["member"],
                user=request.user,
            )
            messages.success(request, _("แต่งตั้งกรรมการประเมินแล้ว"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("กรุณาเลือกเจ้าหน้าที่"))
    return redirect(selection_round)


def ranking(request, pk):
    selection_round, _can_manage = get_round_for_user(request.user, pk)
    fixed = {"province": selection_round.province, "fy": selection_round.fiscal_year}
    extra = {
        "download_url": reverse("scoring:ranking_xlsx", args=[pk]),
        "round": selection_round,
    }
    return report_page(request, Ranking, template="scoring/ranking.html", extra=extra, **fixed)


def ranking_xlsx(request, pk):
    selection_round, _can_manage = get_round_for_user(request.user, pk)
    fixed = {"province": selection_round.province, "fy": selection_round.fiscal_year}
    _form, report = build_report(request, Ranking, **fixed)
    return xlsx_response(report)


# Proposals and assessments ----------------------------------------------------------------


def proposal_detail(request, pk):
    proposal, can_manage = get_proposal_for_user(request.user, pk)
    indicators = rubric_indicators(proposal.round.rubric_id)
    result = proposal_results([proposal], indicators)[proposal.pk]
    rows = [
        {
            "indicator": indicator,
            "points": [
                number(result.by_assessor[a.pk].get(indicator.pk)) for a in result.assessors
            ],
            "median": number(result.by_indicator.get(indicator.pk)),
        }
        for indicator in indicators
    ]
    mine = next((a for a in result.assessors if a.assessor_id == request.user.pk), None)
    context = {
        "proposal": proposal,
        "centre": proposal.centre,
        "can_manage": can_manage,
        "rows": rows,
        "result": result,
        "areas": [
            (n, number(result.area_total(indicators, n)))
            for n in sorted({i.area.number for i in indicators})
        ],
        "total": number(result.total()),
        "mine": mine,
        "refusal": services.assess_refusal(request.user, proposal),
    }
    return render(request, "scoring/proposal_detail.html", context)


@require_POST
def proposal_select(request, pk):
    proposal, can_manage = get_proposal_for_user(request.user, pk)
    if not can_manage:
        raise PermissionDenied
    services.proposal_select(proposal=proposal, user=request.user)
    messages.success(request, _("บันทึกศูนย์ที่ได้รับคัดเลือกแล้ว"))
    return redirect(proposal.round)


@require_POST
def assess(request, pk):
    proposal, _can_manage = get_proposal_for_user(request.user, pk)
    refusal = services.assess_refusal(request.user, proposal)
    if refusal:
        raise PermissionDenied(refusal)
    assessment = services.assessment_start(proposal=proposal, assessor=request.user)
    return redirect(assessment)


def _assessment_context(assessment, can_edit, forms_by_score=None):
    scores = list(
        assessment.scores.select_related("indicator__area").prefetch_related(
            "indicator__levels", "indicator__evidence_items", "evidence_items"
        )
    )
    evidence = evidence_by_code(assessment.proposal.centre)
    forms_by_score = forms_by_score or {}
    cards = [
        {
            "score": score,
            "form": forms_by_score.get(score.pk) or ScoreForm(score=score),
            "files": evidence.get(score.indicator.code, []),
        }
        for score in scores
    ]
    return {
        "assessment": assessment,
        "proposal": assessment.proposal,
        "centre": assessment.proposal.centre,
        "can_edit": can_edit,
        "cards": cards,
        **_totals(scores),
    }


def _totals(scores) -> dict:
    areas: dict[int, dict] = {}
    for score in scores:
        area = score.indicator.area
        entry = areas.setdefault(area.number, {"area": area, "points": 0, "max": 0})
        entry["points"] += score.points or 0
        entry["max"] += max((lv.points for lv in score.indicator.levels.all()), default=0)
    return {
        "area_totals": [areas[n] for n in sorted(areas)],
        "total": sum(a["points"] for a in areas.values()),
        "unscored": sum(1 for s in scores if s.level is None),
    }


def assessment_detail(request, pk):
    assessment, can_edit = get_assessment_for_user(request.user, pk)
    context = _assessment_context(assessment, can_edit)
    context["history"] = score_changes(assessment)[:30]
    return render(request, "scoring/assessment.html", context)


def score_changes(assessment) -> list[dict]:
    """Every score change, newest first: who, when, level and points before and after, why."""
    rows = (
        Score.history.filter(assessment_id=assessment.pk)
        .select_related("history_user", "indicator")
        .order_by("history_date", "history_id")
    )
    last: dict[int, object] = {}
    changes = []
    for row in rows:
        before = last.get(row.id)
        last[row.id] = row
        changes.append({"row": row, "before": before})
    return changes[::-1]


@require_POST
def score_update(request, pk, score_pk):
    assessment, can_edit = get_assessment_for_user(request.user, pk)
    if not can_edit:
        raise PermissionDenied
    score = get_object_or_404(
        assessment.scores.select_related("indicator__area").prefetch_related(
            "indicator__levels", "indicator__evidence_items"
        ),
        pk=score_pk,
    )
    form = ScoreForm(request.POST, score=score)
    saved = False
    if form.is_valid():
        try:
            services.score_set(
                score=score,
                user=request.user,
                level=form.cleaned_data["level"],
                override_reason=form.cleaned_data["override_reason"],
                note=form.cleaned_data["note"],
                evidence_item_ids=form.cleaned_data["evidence"],
            )
            saved = True
        except ValidationError as exc:
            form.add_error(None, exc)
    if not request.htmx:
        if saved:
            return redirect(f"{assessment.get_absolute_url()}#score-{score.pk}")
        context = _assessment_context(assessment, can_edit, {score.pk: form})
        return render(request, "scoring/assessment.html", context, status=422)
    context = _assessment_context(assessment, can_edit, {} if saved else {score.pk: form})
    card = next(c for c in context["cards"] if c["score"].pk == score.pk)
    context.update({"card": card, "saved": saved, "oob": True})
    return render(request, "scoring/_score_card.html", context)


@require_POST
def assessment_finalise(request, pk):
    assessment, can_edit = get_assessment_for_user(request.user, pk)
    if not can_edit:
        raise PermissionDenied
    try:
        services.assessment_finalise(assessment=assessment, user=request.user)
        messages.success(request, _("ยืนยันผลการประเมินแล้ว"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(assessment)


# Score sheet and booklet ------------------------------------------------------------------


def score_sheet(request, pk):
    centre, _can_edit = get_centre_for_user(request.user, pk)
    extra = {
        "download_url": reverse("scoring:score_sheet_xlsx", args=[pk]),
        "pdf_url": reverse("scoring:score_sheet_pdf", args=[pk]),
        "centre": centre,
    }
    return report_page(
        request, ScoreSheet, template="scoring/score_sheet.html", extra=extra, centre=centre
    )


def score_sheet_xlsx(request, pk):
    centre, _can_edit = get_centre_for_user(request.user, pk)
    _form, report = build_report(request, ScoreSheet, centre=centre)
    return xlsx_response(report)


def score_sheet_pdf(request, pk):
    centre, _can_edit = get_centre_for_user(request.user, pk)
    _form, report = build_report(request, ScoreSheet, centre=centre)
    content = render_pdf(
        "scoring/print/score_sheet.html", {"report": report, "tables": report.tables()}
    )
    return _pdf_response(content, report.filename().replace(".xlsx", ".pdf"))


def booklet(request, pk):
    centre, _can_edit = get_centre_for_user(request.user, pk)
    form = FiscalYearForm(request.GET)
    asked = form.cleaned_data["fy"] if form.is_valid() else None
    fy = ScoreSheet(user=request.user, centre=centre, fy=asked).fiscal_year
    return _pdf_response(booklet_pdf(centre, fy), f"booklet-{centre.pk}-{fy}.pdf")


# Rubrics ----------------------------------------------------------------------------------


def rubric_list(request):
    rubrics = Rubric.objects.visible_to(request.user).select_related("province")
    context = {"rubrics": rubrics, "can_manage": can_manage_rubrics(request.user)}
    return render(request, "scoring/rubric_list.html", context)


def rubric_detail(request, pk):
    rubric, can_manage = get_rubric_for_user(request.user, pk)
    areas = rubric.areas.prefetch_related("indicators__levels", "indicators__evidence_items")
    context = {
        "rubric": rubric,
        "areas": areas,
        "can_manage": can_manage,
        "locked": rubric.is_locked,
    }
    return render(request, "scoring/rubric_detail.html", context)


def rubric_copy(request, pk):
    rubric, can_manage = get_rubric_for_user(request.user, pk)
    if not can_manage:
        raise PermissionDenied
    initial = {
        "name": rubric.name,
        "fiscal_year": rubric.fiscal_year + 1,
        "province": rubric.province,
    }
    form = RubricCopyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        copy = services.rubric_copy(rubric=rubric, **form.cleaned_data)
        messages.success(request, _("คัดลอกเกณฑ์แล้ว แก้ไขข้อความและคะแนนได้"))
        return redirect(copy)
    return render(request, "scoring/rubric_copy.html", {"form": form, "rubric": rubric})


def indicator_edit(request, pk):
    indicator = get_indicator_for_editing(request.user, pk)
    rubric = indicator.area.rubric
    form = IndicatorForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(
                indicator=indicator,
                title=form.cleaned_data["title"],
                levels=form.levels(),
                evidence=form.evidence_lines(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("บันทึกตัวชี้วัดแล้ว"))
            return redirect(rubric)
    context = {"form": form, "indicator": indicator, "rubric": rubric, "locked": rubric.is_locked}
    return render(request, "scoring/indicator_form.html", context)
