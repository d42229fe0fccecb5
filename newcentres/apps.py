from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewcentresConfig(AppConfig):
    name = "newcentres"
    verbose_name = _("การจัดตั้งศูนย์ใหม่")
