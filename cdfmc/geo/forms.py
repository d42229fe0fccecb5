from django import forms
from django.utils.translation import gettext_lazy as _

from cdfmc.formfields import ThaiModelForm
from cdfmc.geo.models import Subdistrict, Village


class SubdistrictChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"ต.{obj.name_th} อ.{obj.district.name_th}"


class VillageForm(ThaiModelForm):
    """A village in the user's area: only their own subdistricts are offered."""

    subdistrict = SubdistrictChoiceField(queryset=Subdistrict.objects.none(), label=_("ตำบล"))

    class Meta:
        model = Village
        fields = ["subdistrict", "number", "name", "population", "households"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subdistrict"].queryset = (
            Subdistrict.objects.visible_to(user)
            .select_related("district")
            .order_by("district__name_th", "name_th")
        )
