from django.shortcuts import render

from cdfmc.dashboard import attention_for, home_counts


def home(request):
    """Each role's starting page: what needs attention in their area."""
    context = {"counts": home_counts(request.user), "attention": attention_for(request.user)}
    return render(request, "home.html", context)
