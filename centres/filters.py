import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cdfmc.geo.models import District, Subdistrict
from centres.models import Centre, CentreStatus
from debts.rules import MIN_TARGET_HOUSEHOLDS


class SubdistrictChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"ต.{obj.name_th} อ.{obj.district.name_th}"


class SubdistrictFilter(django_filters.ModelChoiceFilter):
    field_class = SubdistrictChoiceField


class CentreFilter(django_filters.FilterSet):
    """Centre list filters; district and subdistrict choices stay inside the user's area."""

    q = django_filters.CharFilter(label=_("ค้นหา"), method="filter_text")
    district = django_filters.ModelChoiceFilter(
        label=_("อำเภอ"),
        field_name="village__subdistrict__district",
        queryset=District.objects.none(),
        empty_label=_("ทุกอำเภอ"),
    )
    subdistrict = SubdistrictFilter(
        label=_("ตำบล"),
        field_name="village__subdistrict",
        queryset=Subdistrict.objects.none(),
        empty_label=_("ทุกตำบล"),
    )
    status = django_filters.ChoiceFilter(
        label=_("สถานะ"), choices=CentreStatus.choices, empty_label=_("ทุกสถานะ")
    )
    level = django_filters.ChoiceFilter(
        label=_("ระดับการพัฒนา"),
        choices=Centre._meta.get_field("level").choices,
        empty_label=_("ทุกระดับ"),
    )

    short_of_targets = django_filters.ChoiceFilter(
        label=_("ครัวเรือนเป้าหมาย"),
        choices=[("1", _("ยังไม่ถึง %(n)s ครัวเรือน") % {"n": MIN_TARGET_HOUSEHOLDS})],
        empty_label=_("ทั้งหมด"),
        method="filter_short_of_targets",
    )

    class Meta:
        model = Centre
        fields = ["q", "district", "subdistrict", "status", "level", "short_of_targets"]

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        user = request.user
        districts = District.objects.visible_to(user)
        subdistricts = Subdistrict.objects.visible_to(user).select_related("district")
        # Only places that hold centres, so head office's lists are not the whole country.
        districts = districts.filter(subdistricts__villages__centre__isnull=False).distinct()
        subdistricts = subdistricts.filter(villages__centre__isnull=False).distinct()
        district = self.data.get("district") if self.data else None
        if district:
            subdistricts = subdistricts.filter(district=district)
        self.filters["district"].queryset = districts
        self.filters["subdistrict"].queryset = subdistricts.order_by("district__name_th", "name_th")

    def filter_short_of_targets(self, queryset, name, value):
        # The home page's count uses the same method (cdfmc.dashboard).
        return queryset.short_of_targets(MIN_TARGET_HOUSEHOLDS) if value == "1" else queryset

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(village__name__icontains=value))
