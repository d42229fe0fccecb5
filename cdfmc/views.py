from django.db.models import Q
from django.shortcuts import render

from cdfmc.access import refusal_reason
from cdfmc.dashboard import attention_for, home_counts
from cdfmc.geo.models import Village
from centres.models import Centre
from debts.search import households_by_number, people_matching, read_query

SEARCH_LIMIT = 20


def home(request):
    """Each role's starting page: what needs attention in their area."""
    context = {"counts": home_counts(request.user), "attention": attention_for(request.user)}
    return render(request, "home.html", context)


def _first(queryset, limit=SEARCH_LIMIT):
    """At most `limit` rows, and whether there are more (one query)."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def search(request):
    """The top bar's search: centres, villages, households and people in the user's area.

    Each kind is one bounded query; the household list (?q=) pages through every match.
    """
    text = request.GET.get("q", "").strip()[:100]
    query = read_query(text)
    context = {"query": text, "usable": query.usable}
    if query.usable:
        user = request.user
        words = Q()
        for word in query.words:
            words &= Q(name__icontains=word)
        if query.words:
            context["centres"] = _first(
                Centre.objects.visible_to(user)
                .filter(words | Q(village__name__icontains=text))
                .with_location()
                .order_by("name"),
                10,
            )
            context["villages"] = _first(
                Village.objects.visible_to(user)
                .filter(words)
                .select_related("subdistrict__district__province"),
                10,
            )
        context["people"] = _first(
            people_matching(user, text)
            .select_related("household__village", "household__centre")
            .order_by("last_name", "first_name", "pk")
        )
        context["households"] = _first(
            households_by_number(user, text)
            .select_related("village", "centre")
            .prefetch_related("people")
            .order_by("centre__name", "village__number", "house_number_sort", "pk")
        )
    return render(request, "search.html", context)


def permission_denied(request, exception):
    """The 403 page: what the user may not do (the view's reason) and who may."""
    reason = str(exception) if exception and str(exception) else refusal_reason(request.user)
    return render(request, "403.html", {"reason": reason}, status=403)
