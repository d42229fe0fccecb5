from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from centres.models import (
    ActionPlan,
    Centre,
    CommitteeMember,
    Division,
    Evidence,
    EvidenceTag,
    Meeting,
    MemberFund,
    PlanActivity,
    Training,
    Visit,
)


class MemberFundInline(admin.TabularInline):
    model = MemberFund
    extra = 0


class CommitteeInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    autocomplete_fields = ["represents"]


@admin.register(Centre)
class CentreAdmin(SimpleHistoryAdmin):
    list_display = ["name", "village", "status", "model_year", "level"]
    list_filter = ["status", "level", "village__subdistrict__district__province"]
    search_fields = ["name", "village__name"]
    list_select_related = ["village"]
    raw_id_fields = ["village"]
    inlines = [MemberFundInline, CommitteeInline]


@admin.register(MemberFund)
class MemberFundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "centre", "members", "capital", "updated_on"]
    search_fields = ["name", "centre__name"]
    raw_id_fields = ["centre"]


class PlanActivityInline(admin.TabularInline):
    model = PlanActivity
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["centre", "fiscal_year", "members_participated", "covers_operations"]
    raw_id_fields = ["centre"]
    inlines = [PlanActivityInline]


class EvidenceTagInline(admin.TabularInline):
    model = EvidenceTag
    extra = 0


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "centre", "kind", "content_type", "uploaded_at"]
    raw_id_fields = ["centre", "uploaded_by"]
    readonly_fields = ["file", "thumbnail", "content_type", "size"]
    inlines = [EvidenceTagInline]


for model in (CommitteeMember, Division, Meeting, Training, Visit):
    admin.site.register(model, SimpleHistoryAdmin, raw_id_fields=["centre"])
