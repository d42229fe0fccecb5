"""Every member fund of a centre is a creditor its households may owe: the creditor row is
made when the fund is recorded, so pages that list creditors only read."""

from debts.services import creditor_for_member_fund


def member_fund_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        creditor_for_member_fund(instance)
