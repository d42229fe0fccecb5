"""A session lasts three idle hours (settings) and never longer than SESSION_ABSOLUTE_SECONDS
from the login, however busy: a shared office computer left logged in ends the same day."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.utils.translation import gettext as _

LOGIN_AT = "cdfmc_login_at"


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = int(time.time())


class AbsoluteSessionLifetimeMiddleware:
    """Logs out a session older than SESSION_ABSOLUTE_SECONDS (or from before this rule)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            if started is None or time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("ครบเวลาการใช้งานต่อเนื่อง กรุณาเข้าสู่ระบบใหม่"))
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)
