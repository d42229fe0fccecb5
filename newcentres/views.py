from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cdfmc.access import can_enter_data, can_manage_province
from cdfmc.exports.views import report_download, report_page
from cdfmc.geo.access import get_village_for_user
from cdfmc.geo.models import Province, Village
from centres.models import Centre
from newcentres import services
from newcentres.access import (
    can_manage_rounds,
    get_nomination_for_decision,
    get_province_for_user,
    get_screening_for_user,
    require_round_manager,
)
from newcentres.forms import (
    EstablishForm,
    QuotaForm,
    ReturnForm,
    RoundForm,
    ScreeningForm,
    willing_group_formset,
)
from newcentres.models import Nomination, NominationStatus, Quota, Round, Screening
from newcentres.reports import NationalTargetRegister, TargetRegister, round_summary

# --- rounds and quotas (head office) ---------------------------------------------------------


def round_list(request):
    rounds = Round.objects.all()
    return render(
        request,
        "newcentres/round_list.html",
        {"rounds": rounds, "can_manage": can_manage_rounds(request.user)},
    )


def round_create(request):
    require_round_manager(request.user)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        round_ = form.save()
        messages.success(request, _("เปิดรอบการจัดตั้งแล้ว กรุณากำหนดจำนวนที่จัดสรรรายจังหวัด"))
        return redirect("newcentres:quotas", pk=round_.pk)
    return render(request, "newcentres/round_form.html", {"form": form})


def round_edit(request, pk):
    require_round_manager(request.user)
    round_ = get_object_or_404(Round, pk=pk)
    form = RoundForm(request.POST or None, instance=round_)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกแล้ว"))
        return redirect(round_)
    return render(request, "newcentres/round_form.html", {"form": form, "round": round_})


def quota_edit(request, pk):
    require_round_manager(request.user)
    round_ = get_object_or_404(Round, pk=pk)
    provinces = Province.objects.select_related("group").order_by("group__order", "name_th")
    quotas = {q.province_id: q for q in Quota.objects.filter(round=round_)}
    form = QuotaForm(request.POST or None, round_=round_, provinces=provinces, quotas=quotas)
    if request.method == "POST" and form.is_valid():
        services.quotas_set(round_=round_, quotas=form.quotas())
        messages.success(request, _("บันทึกจำนวนที่จัดสรรแล้ว"))
        return redirect(round_)
    return render(request, "newcentres/quota_form.html", {"form": form, "round": round_})


def round_detail(request, pk):
    round_ = get_object_or_404(Round, pk=pk)
    own = request.user.province_id
    return render(
        request,
        "newcentres/round_detail.html",
        {
            "round": round_,
            "summary": round_summary(round_),
            "own_province": own,
            "can_manage": can_manage_rounds(request.user),
        },
    )


def nomination_list(request):
    """Nominations in the user's area, by status (the home page's "returned"/"waiting")."""
    nominations = Nomination.objects.visible_to(request.user).with_details()
    status = request.GET.get("status", "")
    if status in NominationStatus.values:
        nominations = nominations.filter(status=status)
    nominations = nominations.order_by("-screening__round__fiscal_year", "pk")
    page = Paginator(nominations, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "status": status,
        "statuses": NominationStatus.choices,
        "querystring": params.urlencode(),
    }
    return render(request, "newcentres/nomination_list.html", context)


# --- a province's work page: villages to screen, nominations, selection -----------------------


def province_detail(request, pk, code):
    round_ = get_object_or_404(Round, pk=pk)
    province = get_province_for_user(request.user, code)
    quota = Quota.objects.filter(round=round_, province=province).select_related("round").first()
    screenings = list(
        Screening.objects.visible_to(request.user)
        .with_details()
        .filter(round=round_)
        .in_province(code)
    )
    nominations = (
        Nomination.objects.visible_to(request.user)
        .with_details()
        .filter(screening__round=round_)
        .in_province(code)
        .in_priority_order()
    )
    unscreened = (
        Village.objects.visible_to(request.user)
        .in_province(code)
        .select_related("subdistrict__district")
        .exclude(Exists(Screening.objects.filter(round=round_, village=OuterRef("pk"))))
        # criterion 1: a village with a centre is not screened for a new one
        .exclude(Exists(Centre.objects.filter(village=OuterRef("pk"))))
    )
    context = {
        "round": round_,
        "province": province,
        "quota": quota,
        "deadline": quota.deadline if quota else round_.district_deadline,
        "screenings": [s for s in screenings if not _is_nominated(s)],
        "nominations": nominations,
        "selected_count": sum(1 for n in nominations if n.is_selected),
        "unscreened": unscreened,
        "can_enter": can_enter_data(request.user),
        "can_decide": can_manage_province(request.user, code),
        "return_form": ReturnForm(),
    }
    return render(request, "newcentres/province_detail.html", context)


def _is_nominated(screening) -> bool:
    return getattr(screening, "nomination", None) is not None


# --- screening a village ---------------------------------------------------------------------


def screening_create(request, pk, village_pk):
    round_ = get_object_or_404(Round, pk=pk)
    village, can_edit = get_village_for_user(request.user, village_pk)
    if not can_edit:
        raise PermissionDenied
    existing = Screening.objects.filter(round=round_, village=village).first()
    if existing:
        return redirect("newcentres:screening_edit", pk=existing.pk)
    screening = Screening(round=round_, village=village)
    return _screening_form(request, screening, extra=5)


def screening_edit(request, pk):
    screening, can_edit = get_screening_for_user(request.user, pk)
    if not can_edit:
        raise PermissionDenied
    if services.screening_is_locked(screening):
        messages.warning(request, _("หมู่บ้านนี้เสนอแล้ว แก้ไขได้เมื่อจังหวัดส่งคืน"))
        return redirect(screening)
    return _screening_form(request, screening, extra=2)


def _screening_form(request, screening, *, extra):
    data = request.POST if request.method == "POST" else None
    form = ScreeningForm(data, instance=screening)
    formset = willing_group_formset(extra=extra)(data, instance=screening, prefix="groups")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        screening = services.screening_save(form=form, formset=formset, user=request.user)
        messages.success(request, _("บันทึกผลการคัดกรองแล้ว"))
        return redirect(screening)
    context = {"form": form, "formset": formset, "screening": screening}
    return render(request, "newcentres/screening_form.html", context)


def screening_detail(request, pk):
    screening, can_edit = get_screening_for_user(request.user, pk)
    province_code = screening.village.province_code
    context = {
        "screening": screening,
        "evaluation": screening.evaluation,
        "nomination": getattr(screening, "nomination", None),
        "can_edit": can_edit and not services.screening_is_locked(screening),
        "can_nominate": can_edit,
        "can_decide": can_manage_province(request.user, province_code),
        "return_form": ReturnForm(),
        "establish_form": EstablishForm(),
    }
    return render(request, "newcentres/screening_detail.html", context)


# --- nominations -----------------------------------------------------------------------------


@require_POST
def nominate(request, pk):
    screening, can_edit = get_screening_for_user(request.user, pk)
    if not can_edit:
        raise PermissionDenied
    _run(request, services.nomination_create, _("เสนอหมู่บ้านต่อจังหวัดแล้ว"), screening=screening)
    return redirect(screening)


@require_POST
def select(request, pk):
    nomination = get_nomination_for_decision(request.user, pk)
    _run(request, services.nomination_select, _("คัดเลือกเป็นหมู่บ้านเป้าหมายแล้ว"), nomination=nomination)
    return _back(request, nomination)


@require_POST
def return_nomination(request, pk):
    nomination = get_nomination_for_decision(request.user, pk)
    comment = request.POST.get("comment", "")
    _run(
        request,
        services.nomination_return,
        _("ส่งคืนให้อำเภอแล้ว"),
        nomination=nomination,
        comment=comment,
    )
    return _back(request, nomination)


@require_POST
def establish(request, pk):
    nomination = get_nomination_for_decision(request.user, pk)
    form = EstablishForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("established_on", []):
            messages.error(request, error)
        return _back(request, nomination)
    _run(
        request,
        services.nomination_establish,
        _("บันทึกการจัดตั้งศูนย์แล้ว"),
        nomination=nomination,
        established_on=form.cleaned_data["established_on"],
    )
    return _back(request, nomination)


def _run(request, service, success, **kwargs) -> bool:
    try:
        service(user=request.user, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True


def _back(request, nomination):
    """Back to the province page the decision was taken on, else to the village."""
    if request.POST.get("next") == "province":
        s = nomination.screening
        return redirect("newcentres:province", pk=s.round_id, code=s.village.province_code)
    return redirect(nomination.screening)


# --- the target register ---------------------------------------------------------------------


def register(request):
    return report_page(
        request,
        TargetRegister,
        extra={"download_url": reverse("newcentres:register_xlsx")},
    )


def register_xlsx(request):
    return report_download(request, TargetRegister)


def national(request):
    require_round_manager(request.user)
    return report_page(
        request,
        NationalTargetRegister,
        extra={"download_url": reverse("newcentres:national_xlsx")},
    )


def national_xlsx(request):
    require_round_manager(request.user)
    return report_download(request, NationalTargetRegister)
