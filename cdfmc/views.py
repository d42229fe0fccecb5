from django.shortcuts import render

from cdfmc.dashboard import home_counts


def home(request):
    """Each role's starting page: what needs attention in their area."""
    return render(request, "home.html", {"counts": home_counts(request.user)})
