from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class DebtsConfig(AppConfig):
    name = "debts"
    verbose_name = _("ครัวเรือนและหนี้สิน")

    def ready(self):
        from centres.models import MemberFund
        from debts.signals import member_fund_saved

        post_save.connect(member_fund_saved, sender=MemberFund, dispatch_uid="debts-fund-saved")
