from django.contrib import admin

from cdfmc.geo.models import District, Province, ProvinceGroup, Subdistrict, Village


@admin.register(ProvinceGroup)
class ProvinceGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "order")


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name_th", "name_en", "group")
    search_fields = ("name_th", "name_en", "code")


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("code", "name_th", "name_en", "province")
    search_fields = ("name_th", "name_en", "code")


@admin.register(Subdistrict)
class SubdistrictAdmin(admin.ModelAdmin):
    list_display = ("code", "name_th", "name_en", "district")
    search_fields = ("name_th", "name_en", "code")


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ("name", "number", "subdistrict")
    search_fields = ("name",)
    raw_id_fields = ("subdistrict",)
