"""Household, contract and restructuring screens. Views stay thin: access, form, service."""

import datetime

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cdfmc.access import can_enter_data
from cdfmc.thaitime import format_be_date
from centres.models import Centre
from debts import outcomes, services
from debts.access import (
    get_centre_for_user,
    get_contract_for_user,
    get_household_for_user,
    get_person_for_user,
)
from debts.forms import (
    AmendForm,
    BalanceForm,
    ConsolidateForm,
    ContractForm,
    CreditorForm,
    HouseholdFilter,
    HouseholdForm,
    IncomeExpenseForm,
    PersonForm,
    TargetsForm,
)
from debts.models import (
    BalanceUpdate,
    Contract,
    ContractStatus,
    Creditor,
    Household,
    Person,
)
from debts.rules import one_contract_status, overdue_rate
from debts.search import households_matching

OPEN = Q(contracts__status=ContractStatus.OPEN)


def _editable(can_edit):
    if not can_edit:
        raise PermissionDenied


def _with_totals(households):
    return households.annotate(
        current_total=Sum("contracts__outstanding", filter=OPEN),
        open_contracts=Count("contracts", filter=OPEN),
        informal=Count("contracts", filter=OPEN & Q(contracts__is_informal=True)),
    )


# Households -------------------------------------------------------------------


def household_list(request):
    form = HouseholdFilter(request.GET or None, user=request.user)
    households = Household.objects.visible_to(request.user).select_related(
        "village", "centre__village__subdistrict__district"
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            households = households_matching(households, data["q"])
        if data["centre"]:
            households = households.filter(centre=data["centre"])
        if data["debtor_class"] == "none":
            households = households.filter(debtor_class="")
        elif data["debtor_class"]:
            households = households.filter(debtor_class=data["debtor_class"])
        if data["target"]:
            households = households.filter(is_target=data["target"] == "1")
    households = (
        _with_totals(households)
        .prefetch_related("people")
        .order_by("centre__name", "village__number", "house_number_sort", "pk")
    )
    page = Paginator(households, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "form": form,
        "querystring": query.urlencode(),
        "entry_centres": _entry_centres(request.user),
    }
    return render(request, "debts/household_list.html", context)


ENTRY_CENTRES = 30


def _entry_centres(user):
    """The centres the "add household" button offers (a province: its first 30, by name)."""
    if not can_enter_data(user):
        return []
    return list(Centre.objects.visible_to(user).order_by("name")[:ENTRY_CENTRES])


def household_detail(request, pk):
    household, can_edit = get_household_for_user(request.user, pk)
    contracts = list(
        household.contracts.select_related("creditor", "borrower", "closed_by").order_by(
            "status", "pk"
        )
    )
    open_contracts = [c for c in contracts if c.is_open]
    current = sum(c.outstanding for c in open_contracts)
    context = {
        "household": household,
        "can_edit": can_edit,
        "people": household.people.all(),
        "contracts": contracts,
        "current_total": current,
        "one_contract": one_contract_status(len(open_contracts)),
        "open_count": len(open_contracts),
        "can_pick": can_edit and len(open_contracts) > 1,  # tick contracts to consolidate
        "outcome": outcomes.rules.classify_outcome(household.baseline_total, current)
        if household.is_target
        else None,
        "restructurings": household.restructurings.select_related("meeting").prefetch_related(
            "contracts_before__creditor", "new_contracts__creditor"
        ),
        "accounts": household.accounts.all()[:12],
    }
    return render(request, "debts/household_detail.html", context)


def household_edit(request, pk):
    household, can_edit = get_household_for_user(request.user, pk)
    _editable(can_edit)
    form = HouseholdForm(request.POST or None, instance=household, centre=household.centre)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกครัวเรือนแล้ว"))
        return redirect(household)
    return render(
        request,
        "debts/household_form.html",
        {"form": form, "centre": household.centre, "household": household},
    )


def household_history(request, pk):
    household, can_edit = get_household_for_user(request.user, pk)
    contract_ids = list(household.contracts.values_list("pk", flat=True))
    sections = [
        (_("ครัวเรือน"), household.history.select_related("history_user")),
        (
            _("สมาชิกครัวเรือน"),
            Person.history.filter(household_id=household.pk).select_related("history_user"),
        ),
        (
            _("สัญญา"),
            Contract.history.filter(id__in=contract_ids).select_related("history_user", "creditor"),
        ),
        (
            _("ยอดหนี้คงค้าง"),
            BalanceUpdate.history.filter(contract_id__in=contract_ids).select_related(
                "history_user"
            ),
        ),
    ]
    rows = [(title, _changes(records, can_edit)) for title, records in sections]
    return render(
        request, "debts/household_history.html", {"household": household, "sections": rows}
    )


def _changes(records, can_edit):
    """History records with what changed against the previous one: who, when, before, after."""
    records = list(records.order_by("id", "history_date", "history_id"))
    previous = {}
    out = []
    for record in records:
        before = previous.get(record.id)
        changes = []
        if before is not None:
            for change in record.diff_against(before).changes:
                old, new = change.old, change.new
                if change.field == "citizen_id" and not can_edit:
                    old, new = "xxxxx", "xxxxx"
                old, new = _shown(old), _shown(new)
                changes.append((_field_label(record, change.field), old, new))
        out.append({"record": record, "changes": changes, "created": before is None})
        previous[record.id] = record
    out.sort(key=lambda r: r["record"].history_date, reverse=True)
    return out


def _shown(value):
    """Dates in Buddhist Era, as everywhere else on screen."""
    if isinstance(value, datetime.date):
        return format_be_date(value)
    return value


def _field_label(record, name):
    try:
        return str(record.instance_type._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field removed since the record was written
        return name


# People -----------------------------------------------------------------------


def person_add(request, household_pk):
    household, can_edit = get_household_for_user(request.user, household_pk)
    _editable(can_edit)
    form = PersonForm(request.POST or None, user=request.user)
    form.instance.household = household
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกสมาชิกครัวเรือนแล้ว"))
        return redirect(household)
    return render(request, "debts/person_form.html", {"form": form, "household": household})


def person_edit(request, pk):
    person, can_edit = get_person_for_user(request.user, pk)
    _editable(can_edit)
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกสมาชิกครัวเรือนแล้ว"))
        return redirect(person.household)
    return render(
        request,
        "debts/person_form.html",
        {"form": form, "household": person.household, "person": person},
    )


def income_expense_add(request, household_pk):
    household, can_edit = get_household_for_user(request.user, household_pk)
    _editable(can_edit)
    form = IncomeExpenseForm(request.POST or None)
    form.instance.household = household
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกรายรับ-รายจ่ายแล้ว"))
        return redirect(household)
    return render(
        request,
        "debts/simple_form.html",
        {"form": form, "household": household, "title": _("บันทึกรายรับ-รายจ่าย")},
    )


# Contracts --------------------------------------------------------------------


def contract_list(request):
    form = HouseholdFilter(request.GET or None, user=request.user)
    contracts = Contract.objects.visible_to(request.user).select_related(
        "creditor", "borrower", "household__village", "household__centre"
    )
    if form.is_valid():
        if form.cleaned_data["q"]:
            households = Household.objects.visible_to(request.user)
            matching = households_matching(households, form.cleaned_data["q"])
            contracts = contracts.filter(household__in=matching.values("pk"))
        if form.cleaned_data["centre"]:
            contracts = contracts.filter(household__centre=form.cleaned_data["centre"])
        if form.cleaned_data["target"]:
            contracts = contracts.filter(household__is_target=form.cleaned_data["target"] == "1")
    status = request.GET.get("status", ContractStatus.OPEN)
    if status in ContractStatus.values:
        contracts = contracts.filter(status=status)
    page = Paginator(contracts.order_by("household__centre", "household", "pk"), 50).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "form": form,
        "status": status,
        "statuses": ContractStatus.choices,
        "querystring": query.urlencode(),
        "entry_centres": _entry_centres(request.user),
    }
    return render(request, "debts/contract_list.html", context)


def contract_create(request, household_pk):
    household, can_edit = get_household_for_user(request.user, household_pk)
    _editable(can_edit)
    form = ContractForm(request.POST or None, household=household)
    if request.method == "POST" and form.is_valid():
        contract = form.save()
        messages.success(request, _("บันทึกสัญญา %(c)s แล้ว") % {"c": contract})
        if request.GET.get("then") == "next":
            return redirect("debts:contract_create", household_pk=household.pk)
        return redirect(household)
    return render(request, "debts/contract_form.html", {"form": form, "household": household})


def contract_detail(request, pk):
    contract, can_edit = get_contract_for_user(request.user, pk)
    return _contract_page(request, contract, can_edit, BalanceForm())


def _contract_page(request, contract, can_edit, balance_form):
    editable = can_edit and contract.is_open
    context = {
        "contract": contract,
        "household": contract.household,
        "can_edit": editable,
        "balances": contract.balances.select_related("entered_by"),
        "history": contract.history.select_related("history_user")[:50],
        "balance_form": balance_form if editable else None,
    }
    return render(request, "debts/contract_detail.html", context)


def contract_edit(request, pk):
    contract, can_edit = get_contract_for_user(request.user, pk)
    _editable(can_edit and contract.is_open)
    form = ContractForm(request.POST or None, instance=contract, household=contract.household)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกสัญญาแล้ว"))
        return redirect(contract)
    return render(
        request,
        "debts/contract_form.html",
        {"form": form, "household": contract.household, "contract": contract},
    )


@require_POST
def balance_add(request, contract_pk):
    contract, can_edit = get_contract_for_user(request.user, contract_pk)
    _editable(can_edit and contract.is_open)
    form = BalanceForm(request.POST)
    if form.is_valid():
        try:
            services.balance_record(contract=contract, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("บันทึกยอดหนี้คงค้างแล้ว"))
            return redirect(contract.household)
    # The page again with the typed values and each message at its field.
    return _contract_page(request, contract, can_edit, form)


# Creditors --------------------------------------------------------------------


def creditor_list(request, centre_pk):
    centre, can_edit = get_centre_for_user(request.user, centre_pk)
    form = CreditorForm(request.POST or None, centre=centre)
    if request.method == "POST":
        _editable(can_edit)
        if form.is_valid():
            form.save()
            messages.success(request, _("เพิ่มเจ้าหนี้แล้ว"))
            back = request.POST.get("next", "")
            if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                return redirect(back)  # e.g. the contract form the officer came from
            return redirect("debts:creditors", centre_pk=centre.pk)
    creditors = Creditor.objects.filter(centre=centre).annotate(
        outstanding=Sum("contracts__outstanding", filter=Q(contracts__status=ContractStatus.OPEN)),
        overdue=Sum("contracts__overdue_amount", filter=Q(contracts__status=ContractStatus.OPEN)),
        open_count=Count("contracts", filter=Q(contracts__status=ContractStatus.OPEN)),
    )
    rows = [(c, overdue_rate(c.overdue, c.outstanding)) for c in creditors]
    return render(
        request,
        "debts/creditor_list.html",
        {
            "centre": centre,
            "rows": rows,
            "form": form if can_edit else None,
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


# Target households ------------------------------------------------------------


def targets(request, centre_pk):
    centre, can_edit = get_centre_for_user(request.user, centre_pk)
    return _targets_page(request, centre, can_edit, TargetsForm(centre=centre))


def _targets_page(request, centre, can_edit, form):
    candidates = (
        _with_totals(Household.objects.filter(centre=centre, is_target=False))
        .filter(open_contracts__gt=0)
        .select_related("village")
        .prefetch_related("people")
        .order_by("-member_family", "-open_contracts", "village__number", "house_number")
    )
    chosen = (
        _with_totals(Household.objects.filter(centre=centre, is_target=True))
        .select_related("village")
        .prefetch_related("people")
    )
    return render(
        request,
        "debts/targets.html",
        {
            "centre": centre,
            "can_edit": can_edit,
            "candidates": candidates,
            "chosen": chosen,
            "form": form if can_edit else None,
            "minimum": outcomes.rules.MIN_TARGET_HOUSEHOLDS,
        },
    )


@require_POST
def targets_confirm(request, centre_pk):
    centre, can_edit = get_centre_for_user(request.user, centre_pk)
    _editable(can_edit)
    form = TargetsForm(request.POST, centre=centre)
    if form.is_valid():
        count = services.targets_select(
            centre=centre,
            households=form.cleaned_data["households"],
            on_date=form.cleaned_data["on_date"],
        )
        messages.success(request, _("เพิ่มครัวเรือนเป้าหมาย %(n)s ครัวเรือน") % {"n": count})
        return redirect("debts:targets", centre_pk=centre.pk)
    return _targets_page(request, centre, can_edit, form)


@require_POST
def target_remove(request, pk):
    household, can_edit = get_household_for_user(request.user, pk)
    _editable(can_edit)
    services.target_remove(household=household)
    messages.success(request, _("นำครัวเรือนออกจากครัวเรือนเป้าหมายแล้ว"))
    return redirect("debts:household", pk=household.pk)


# Restructuring ----------------------------------------------------------------


def _restructuring_page(request, household, form, title, service, extra_keys=()):
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kwargs = {
            "household": household,
            "contracts": data["contracts"],
            "form": data["form"],
            "decided_on": data["decided_on"],
            "meeting_note": data["meeting_note"],
            "meeting": data["meeting"],
            "rate": data["rate"],
            "term_months": data["term_months"],
            "instalment": data["instalment"],
            "moratorium_months": data["moratorium_months"] or 0,
            "description": data["description"],
            "user": request.user,
        }
        kwargs.update({key: data[key] for key in extra_keys})
        try:
            service(**kwargs)
        except ValidationError as exc:
            form.add_error(None, exc)  # a dict of field errors lands at its fields
        else:
            messages.success(request, _("บันทึกการปรับโครงสร้างหนี้แล้ว"))
            return redirect(household)
    return render(
        request,
        "debts/restructuring_form.html",
        {"form": form, "household": household, "title": title},
    )


def restructure_consolidate(request, household_pk):
    household, can_edit = get_household_for_user(request.user, household_pk)
    _editable(can_edit)
    # The household page's ticked contracts arrive as ?contracts=…
    initial = {"contracts": request.GET.getlist("contracts")}
    form = ConsolidateForm(request.POST or None, household=household, initial=initial)
    return _restructuring_page(
        request,
        household,
        form,
        _("รวมหนี้ / รีไฟแนนซ์ (ปิดสัญญาเดิม ทำสัญญาใหม่)"),
        services.restructuring_consolidate,
        ("creditor", "number"),
    )


def restructure_amend(request, household_pk):
    household, can_edit = get_household_for_user(request.user, household_pk)
    _editable(can_edit)
    form = AmendForm(request.POST or None, household=household)
    return _restructuring_page(
        request,
        household,
        form,
        _("ปรับเงื่อนไขสัญญา (ยืดหนี้ ลดดอกเบี้ย พักชำระ ฯลฯ)"),
        services.restructuring_amend,
    )


# Results ----------------------------------------------------------------------


def results(request):
    from cdfmc.exports.views import report_page
    from debts.reports import DebtResultsReport

    return report_page(
        request,
        DebtResultsReport,
        template="debts/results.html",
        extra={"download_url": reverse("debts:results_xlsx")},
    )


def results_xlsx(request):
    from cdfmc.exports.views import report_download
    from debts.reports import DebtResultsReport

    return report_download(request, DebtResultsReport)
