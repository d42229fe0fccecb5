"""A user's own password; lifting lockouts (provincial staff for their province)."""

from django.contrib import messages
from django.contrib.auth.views import PasswordChangeView
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cdfmc.accounts import lockout


class PasswordChange(SuccessMessageMixin, PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")
    success_message = gettext_lazy("เปลี่ยนรหัสผ่านแล้ว")


def _check_unlocker(user):
    if not lockout.can_unlock_users(user):
        raise PermissionDenied(
            _("ปลดการระงับผู้ใช้ได้เฉพาะเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัด (ผู้ใช้ในจังหวัด) และผู้ดูแลระบบ")
        )


def lockout_list(request):
    _check_unlocker(request.user)
    context = {"locked": lockout.locked_out(request.user)}
    return render(request, "accounts/lockouts.html", context)


@require_POST
def lockout_unlock(request, username):
    _check_unlocker(request.user)
    # Another province's user (or nobody) is a 404, as for any record outside the area.
    if not lockout.users_to_unlock(request.user).filter(username=username).exists():
        raise Http404
    lockout.unlock(username)
    messages.success(request, _("ปลดการระงับ %(username)s แล้ว") % {"username": username})
    return redirect("accounts:lockouts")
