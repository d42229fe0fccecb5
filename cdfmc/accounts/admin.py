from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from cdfmc.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("พื้นที่และบทบาท"), {"fields": ("role", "province", "district", "position", "phone")}),
    )
    list_display = ("username", "first_name", "last_name", "role", "province", "district")
    list_filter = ("role", "province")
    autocomplete_fields = ("province", "district")
