from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scoring.models import (
    Area,
    Assessment,
    EvidenceItem,
    Indicator,
    Level,
    PanelMember,
    Proposal,
    Rubric,
    Score,
    SelectionRound,
)


class LevelInline(admin.TabularInline):
    model = Level
    extra = 0


class EvidenceItemInline(admin.TabularInline):
    model = EvidenceItem
    extra = 0


@admin.register(Rubric)
class RubricAdmin(admin.ModelAdmin):
    list_display = ["name", "province", "fiscal_year"]
    list_filter = ["fiscal_year"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "area", "rule"]
    list_filter = ["area__rubric"]
    inlines = [LevelInline, EvidenceItemInline]


admin.site.register(Area)


class PanelInline(admin.TabularInline):
    model = PanelMember
    extra = 0
    raw_id_fields = ["user", "appointed_by"]


@admin.register(SelectionRound)
class SelectionRoundAdmin(admin.ModelAdmin):
    list_display = ["province", "fiscal_year", "rubric"]
    inlines = [PanelInline]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["centre", "district", "round", "selected"]
    raw_id_fields = ["centre"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["proposal", "assessor", "status"]


@admin.register(Score)
class ScoreAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "indicator", "level", "points", "suggested_level"]
