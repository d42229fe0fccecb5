"""Recording a household in one go: details, head, members and contracts on one page.

Rows are added in place with htmx (one small response per row, no page load); saving is
one service call, so the household and every contract are saved or none is.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cdfmc.geo.models import Village
from debts import services
from debts.access import get_centre_for_user
from debts.entry_forms import HouseholdEntry

MAX_ROWS = 30


def _centre_for_entry(user, centre_pk):
    centre, can_edit = get_centre_for_user(user, centre_pk)
    if not can_edit:
        raise PermissionDenied
    return centre


def household_create(request, centre_pk):
    centre = _centre_for_entry(request.user, centre_pk)
    village = _village_from_query(request, centre)
    entry = HouseholdEntry(
        request.POST if request.method == "POST" else None,
        centre=centre,
        user=request.user,
        village=village,
    )
    if request.method == "POST" and entry.is_valid():
        try:
            household = services.household_create_with_contracts(
                centre=centre, user=request.user, **entry.service_kwargs()
            )
        except ValidationError as exc:
            entry.add_error(exc)
        else:
            messages.success(request, _("บันทึกครัวเรือน %(h)s แล้ว") % {"h": household})
            if request.GET.get("then") == "next":
                url = reverse("debts:household_create", args=[centre.pk])
                return redirect(f"{url}?village={household.village_id}")
            return redirect(household)
    return render(request, "debts/household_entry.html", {"entry": entry, "centre": centre})


def _village_from_query(request, centre):
    """The village that "save and add the next" keeps (?village=, in the centre's district)."""
    pk = request.GET.get("village", "")
    if not pk.isdigit():
        return None
    return Village.objects.filter(pk=pk, subdistrict__district_id=centre.district_code).first()


def _row(request, centre_pk, formset_name, template):
    centre = _centre_for_entry(request.user, centre_pk)
    entry = HouseholdEntry(None, centre=centre, user=request.user)
    formset = getattr(entry, formset_name)
    total = request.GET.get(f"{formset.prefix}-TOTAL_FORMS", "")
    if not total.isdigit() or int(total) >= MAX_ROWS:
        raise Http404
    index = int(total)
    form = formset.form(
        prefix=formset.add_prefix(index),
        empty_permitted=True,
        use_required_attribute=False,
        **formset.get_form_kwargs(index),
    )
    context = {"form": form, "formset": formset, "total": index + 1}
    return render(request, template, context)


def household_member_row(request, centre_pk):
    """One empty member row, and the formset's new TOTAL_FORMS (out of band)."""
    return _row(request, centre_pk, "members", "debts/entry/member_row_new.html")


def household_contract_row(request, centre_pk):
    """One empty contract row, and the formset's new TOTAL_FORMS (out of band)."""
    return _row(request, centre_pk, "contracts", "debts/entry/contract_row_new.html")
