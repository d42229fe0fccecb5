from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from debts.models import BalanceUpdate, Contract, Creditor, Household, Person, Restructuring


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0


@admin.register(Household)
class HouseholdAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "centre", "debtor_class", "is_target", "baseline_total"]
    list_filter = ["debtor_class", "is_target"]
    list_select_related = ["village", "centre"]
    raw_id_fields = ["centre", "village"]
    inlines = [PersonInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "masked_id", "household"]
    search_fields = ["first_name", "last_name", "citizen_id"]
    raw_id_fields = ["household"]


@admin.register(Creditor)
class CreditorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "centre"]
    list_filter = ["kind"]
    raw_id_fields = ["centre", "member_fund"]


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    """Contracts are never deleted: closed or superseded instead."""

    list_display = ["__str__", "household", "status", "outstanding"]
    list_filter = ["status", "is_informal"]
    raw_id_fields = ["household", "borrower", "creditor", "closed_by", "created_by_restructuring"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BalanceUpdate)
class BalanceUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["contract", "as_of", "outstanding", "entered_by"]
    raw_id_fields = ["contract", "entered_by"]


@admin.register(Restructuring)
class RestructuringAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "household", "form", "decided_on"]
    raw_id_fields = ["household", "meeting", "recorded_by", "contracts_before"]
