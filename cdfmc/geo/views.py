from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cdfmc.access import can_edit_area, can_enter_data
from cdfmc.geo.access import get_village_for_user
from cdfmc.geo.forms import VillageForm
from cdfmc.geo.models import Village
from centres.models import Centre


def village_list(request):
    villages = Village.objects.visible_to(request.user).select_related(
        "subdistrict__district__province", "centre"
    )
    query = request.GET.get("q", "").strip()
    if query:
        villages = villages.filter(name__icontains=query)
    centre = request.GET.get("centre", "")
    if centre in HAS_CENTRE:
        villages = villages.filter(centre__isnull=not HAS_CENTRE[centre])
    page = Paginator(villages, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "query": query,
        "centre": centre,
        "querystring": params.urlencode(),
        "can_add": can_enter_data(request.user),
    }
    return render(request, "geo/village_list.html", context)


HAS_CENTRE = {"none": False, "yes": True}  # ?centre=none: the home page's "ยังไม่มีศูนย์"


def village_detail(request, pk):
    """A village and what can be done there: its centre, or set one up / screen it."""
    from newcentres.models import Round

    village, can_edit = get_village_for_user(request.user, pk)
    centre = Centre.objects.filter(village=village).first()
    actions = can_edit and can_enter_data(request.user) and centre is None
    context = {
        "village": village,
        "can_edit": can_edit,
        "centre": centre,
        "can_create_centre": actions,
        # Screening is for villages without a centre (criterion 1), in the latest round.
        "screening_round": Round.objects.first() if actions else None,
    }
    return render(request, "geo/village_detail.html", context)


def village_create(request):
    if not can_enter_data(request.user):
        raise PermissionDenied
    form = VillageForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if not can_edit_area(request.user, form.cleaned_data["subdistrict"].district_code):
            raise PermissionDenied
        village = form.save()
        messages.success(request, _("บันทึกหมู่บ้านแล้ว"))
        return redirect("villages:detail", pk=village.pk)
    return render(request, "geo/village_form.html", {"form": form})


def village_edit(request, pk):
    village, can_edit = get_village_for_user(request.user, pk)
    if not can_edit:
        raise PermissionDenied
    form = VillageForm(request.POST or None, instance=village, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("บันทึกหมู่บ้านแล้ว"))
        return redirect("villages:detail", pk=village.pk)
    return render(request, "geo/village_form.html", {"form": form, "village": village})
