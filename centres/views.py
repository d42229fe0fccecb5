from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, ProtectedError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from cdfmc.access import can_enter_data
from centres import services
from centres.access import get_centre_for_editing, get_centre_for_user, get_part_for_editing
from centres.filters import CentreFilter
from centres.forms import ActionPlanForm, CentreForm, EvidenceForm, PlanActivityFormSet
from centres.history import centre_history
from centres.models import ActionPlan, Centre
from centres.parts import FACT_GROUPS, PARTS, SECTIONS, centre_facts
from centres.uploads import EVIDENCE_CSP, download_name


def centre_list(request):
    centres = (
        Centre.objects.visible_to(request.user)
        .with_location()
        .annotate(fund_count=Count("member_funds"))
        .order_by(
            "village__subdistrict__district__name_th",
            "village__subdistrict__name_th",
            "village__number",
        )
    )
    filterset = CentreFilter(request.GET or None, queryset=centres, request=request)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page": page,
        "querystring": query.urlencode(),
        "can_add": can_enter_data(request.user),
    }
    return render(request, "centres/centre_list.html", context)


def centre_create(request):
    if not can_enter_data(request.user):
        raise PermissionDenied
    # "ตั้งศูนย์ที่นี่" on a village page arrives with ?village=<pk>
    initial = {"village": request.GET.get("village")} if request.GET.get("village") else None
    form = CentreForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            centre = services.centre_create(user=request.user, form=form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("บันทึกศูนย์จัดการกองทุนชุมชนแล้ว"))
            return redirect(centre)
    return render(request, "centres/centre_form.html", {"form": form})


def part_section(centre, part, can_edit, form=None):
    """What a part's section template shows: its rows and, for editors, an add form."""
    rows = list(part.rows(centre))
    section = {"part": part, "rows": rows}
    if can_edit:
        section["form"] = form or part.form_class(
            instance=part.new_instance(centre), prefix=part.slug
        )
    if part.slug == "fund":
        section["members_total"] = sum(r.members for r in rows)
        section["capital_total"] = sum(r.capital for r in rows)
    return section


def centre_detail(request, pk):
    centre, can_edit = get_centre_for_user(request.user, pk)
    context = {
        "centre": centre,
        "can_edit": can_edit,
        "parts": {slug: part_section(centre, part, can_edit) for slug, part in PARTS.items()},
        "facts": {group: centre_facts(centre, fields) for group, fields in FACT_GROUPS.items()},
        "plans": centre.action_plans.prefetch_related("activities"),
        "evidence": centre.evidence.prefetch_related("tags").select_related("uploaded_by"),
        "history": centre_history(centre),
    }
    return render(request, "centres/centre_detail.html", context)


def centre_edit(request, pk):
    centre = get_centre_for_editing(request.user, pk)
    form = CentreForm(request.POST or None, instance=centre, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกแล้ว"))
        return redirect(centre)
    return render(request, "centres/centre_form.html", {"form": form, "centre": centre})


def section_edit(request, pk, section):
    centre = get_centre_for_editing(request.user, pk)
    form_class, title = SECTIONS[section]
    form = form_class(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกแล้ว"))
        return redirect(f"{centre.get_absolute_url()}#section-{section}")
    context = {"form": form, "centre": centre, "title": title}
    return render(request, "centres/section_form.html", context)


def _render_section(request, centre, part, form=None):
    """The part's section for htmx to swap in, plus the sections that list its rows."""
    section = part_section(centre, part, True, form)
    section["open"] = True  # keep the add form open: officers usually add several rows
    context = {"centre": centre, "can_edit": True, "section": section}
    html = render_to_string(part.template, context, request)
    if form is None:
        for slug in part.dependents:
            dependent = PARTS[slug]
            context = {**context, "section": part_section(centre, dependent, True), "oob": True}
            html += render_to_string(dependent.template, context, request)
    return HttpResponse(html)


def part_add(request, pk, part):
    part = PARTS[part]
    centre = get_centre_for_editing(request.user, pk)
    form = part.form_class(
        request.POST or None, instance=part.new_instance(centre), prefix=part.slug
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        if request.htmx:
            return _render_section(request, centre, part)
        messages.success(request, _("บันทึกแล้ว"))
        return redirect(f"{centre.get_absolute_url()}#{part.section_id}")
    if request.htmx:
        return _render_section(request, centre, part, form)
    context = {"form": form, "centre": centre, "title": part.title}
    return render(request, "centres/section_form.html", context)


def part_edit(request, pk, item_pk, part):
    part = PARTS[part]
    centre, row = get_part_for_editing(request.user, pk, part.related_name, item_pk)
    form = part.form_class(request.POST or None, instance=row, prefix=part.slug)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกแล้ว"))
        return redirect(f"{centre.get_absolute_url()}#{part.section_id}")
    context = {"form": form, "centre": centre, "title": part.title}
    return render(request, "centres/section_form.html", context)


@require_POST
def part_delete(request, pk, item_pk, part):
    part = PARTS[part]
    centre, row = get_part_for_editing(request.user, pk, part.related_name, item_pk)
    try:
        row.delete()
    except ProtectedError:
        # e.g. a member fund that households still owe through their contracts
        message = _("ลบ “%(row)s” ไม่ได้ เพราะมีสัญญาเงินกู้หรือข้อมูลอื่นอ้างถึงอยู่")
        messages.error(request, message % {"row": row})
        url = f"{centre.get_absolute_url()}#{part.section_id}"
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.htmx:
        return _render_section(request, centre, part)
    messages.success(request, _("ลบแล้ว"))
    return redirect(f"{centre.get_absolute_url()}#{part.section_id}")


def _plan_page(request, centre, plan):
    form = ActionPlanForm(request.POST or None, instance=plan)
    formset = PlanActivityFormSet(request.POST or None, instance=plan, prefix="activities")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        services.action_plan_save(form=form, formset=formset)
        messages.success(request, _("บันทึกแล้ว"))
        return redirect(f"{centre.get_absolute_url()}#section-plans")
    context = {"form": form, "formset": formset, "centre": centre}
    return render(request, "centres/plan_form.html", context)


def plan_add(request, pk):
    centre = get_centre_for_editing(request.user, pk)
    return _plan_page(request, centre, ActionPlan(centre=centre))


def plan_edit(request, pk, plan_pk):
    centre, plan = get_part_for_editing(request.user, pk, "action_plans", plan_pk)
    return _plan_page(request, centre, plan)


@require_POST
def plan_delete(request, pk, plan_pk):
    centre, plan = get_part_for_editing(request.user, pk, "action_plans", plan_pk)
    plan.delete()
    messages.success(request, _("ลบแล้ว"))
    return redirect(f"{centre.get_absolute_url()}#section-plans")


def evidence_add(request, pk):
    centre = get_centre_for_editing(request.user, pk)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.evidence_upload(
            centre=centre,
            user=request.user,
            upload=data["file"],
            checked=form.checked,
            title=data["title"],
            indicator_codes=data["indicators"],
            fiscal_year=data["fiscal_year"],
        )
        messages.success(request, _("อัปโหลดหลักฐานแล้ว"))
        return redirect(f"{centre.get_absolute_url()}#section-evidence")
    return render(request, "centres/evidence_form.html", {"form": form, "centre": centre})


@require_POST
def evidence_delete(request, pk, evidence_pk):
    centre, evidence = get_part_for_editing(request.user, pk, "evidence", evidence_pk)
    services.evidence_delete(evidence=evidence)
    messages.success(request, _("ลบหลักฐานแล้ว"))
    return redirect(f"{centre.get_absolute_url()}#section-evidence")


def evidence_file(request, pk, evidence_pk):
    """The stored file (or its thumbnail with ?thumb=1), only for users who see the centre."""
    centre, _can_edit = get_centre_for_user(request.user, pk)
    evidence = get_object_or_404(centre.evidence, pk=evidence_pk)
    thumb = request.GET.get("thumb") and evidence.thumbnail
    stored = evidence.thumbnail if thumb else evidence.file
    extension = stored.name.rsplit(".", 1)[-1]
    # Photos open in the browser; documents (PDF, office files) are downloaded: a PDF may
    # carry script and forms, and a sandboxed page cannot host the browser's PDF viewer.
    response = FileResponse(
        stored.open("rb"),
        content_type="image/jpeg" if thumb else evidence.content_type,
        as_attachment=not (thumb or evidence.is_image),
        filename=download_name(evidence.title, extension),
    )
    response["Content-Security-Policy"] = EVIDENCE_CSP
    return response
