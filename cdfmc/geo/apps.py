from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "cdfmc.geo"
    label = "geo"
    verbose_name = _("พื้นที่")

    def ready(self):
        from cdfmc.collation import connect_signals

        connect_signals()
