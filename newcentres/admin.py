from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from newcentres.models import Nomination, Quota, Round, Screening, WillingGroup


class QuotaInline(admin.TabularInline):
    model = Quota
    extra = 0
    autocomplete_fields = ["province"]


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["fiscal_year", "activity", "national_total", "district_deadline"]
    inlines = [QuotaInline]


class WillingGroupInline(admin.TabularInline):
    model = WillingGroup
    extra = 0


@admin.register(Screening)
class ScreeningAdmin(SimpleHistoryAdmin):
    list_display = ["village", "round", "core_kind", "target_households"]
    list_filter = ["round", "core_kind"]
    list_select_related = ["village", "round"]
    raw_id_fields = ["village", "screened_by"]
    inlines = [WillingGroupInline]


@admin.register(Nomination)
class NominationAdmin(SimpleHistoryAdmin):
    list_display = ["screening", "status", "nominated_at", "decided_at"]
    list_filter = ["status", "screening__round"]
    raw_id_fields = ["screening", "nominated_by", "decided_by", "centre"]
