from django.shortcuts import render

from cdfmc.access import refusal_reason
from cdfmc.dashboard import attention_for, home_counts


def home(request):
    """Each role's starting page: what needs attention in their area."""
    context = {"counts": home_counts(request.user), "attention": attention_for(request.user)}
    return render(request, "home.html", context)


def permission_denied(request, exception):
    """The 403 page: what the user may not do (the view's reason) and who may."""
    reason = str(exception) if exception and str(exception) else refusal_reason(request.user)
    return render(request, "403.html", {"reason": reason}, status=403)
