from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cdfmc.accounts"
    label = "accounts"
    verbose_name = _("ผู้ใช้งาน")

    def ready(self):
        from cdfmc.accounts import sessions  # noqa: F401 - connects the login-time receiver
