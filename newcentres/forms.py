from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from cdfmc.formfields import BEDateField, ThaiForm, ThaiIntegerField, ThaiModelForm
from newcentres.models import Round, Screening, WillingGroup


class RoundForm(ThaiModelForm):
    class Meta:
        model = Round
        fields = [
            "fiscal_year",
            "activity",
            "national_total",
            "district_deadline",
            "province_deadline",
        ]


class QuotaForm(ThaiForm):
    """One quota (and an optional own district deadline) per province, grouped on screen."""

    def __init__(self, *args, round_, provinces, quotas, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.provinces = list(provinces)
        for province in self.provinces:
            quota = quotas.get(province.code)
            self.fields[f"quota_{province.code}"] = ThaiIntegerField(
                label=province.name_th,
                min_value=0,
                required=False,
                initial=quota.quota if quota else None,
            )
            self.fields[f"deadline_{province.code}"] = BEDateField(
                label=_("กำหนดส่งของอำเภอ"),
                required=False,
                initial=quota.district_deadline if quota else None,
            )

    def groups(self):
        """[(group name, [(province, quota field, deadline field)])] in group order."""
        grouped: dict = {}
        for province in self.provinces:
            name = province.group.name if province.group else _("ไม่ได้ระบุกลุ่มจังหวัด")
            grouped.setdefault(name, []).append(
                (province, self[f"quota_{province.code}"], self[f"deadline_{province.code}"])
            )
        return list(grouped.items())

    def clean(self):
        cleaned = super().clean()
        total = sum(cleaned.get(f"quota_{p.code}") or 0 for p in self.provinces)
        if total > self.round.national_total:
            raise forms.ValidationError(
                _("รวมจำนวนที่จัดสรร %(total)s แห่ง เกินเป้าหมายทั้งประเทศ %(national)s แห่ง"),
                params={"total": total, "national": self.round.national_total},
            )
        return cleaned

    def quotas(self) -> dict:
        return {
            p.code: (
                self.cleaned_data.get(f"quota_{p.code}") or 0,
                self.cleaned_data.get(f"deadline_{p.code}"),
            )
            for p in self.provinces
        }


class ScreeningForm(ThaiModelForm):
    class Meta:
        model = Screening
        fields = [
            "other_institution",
            "debt_households",
            "low_income_households",
            "welfare_card_households",
            "core_kind",
            "core_name",
            "core_strong",
            "sufficiency_village",
            "office_place",
            "leaders",
            "leaders_qualified",
            "target_households",
            "coordinator",
            "coordinator_phone",
            "remarks",
        ]
        widgets = {
            "leaders": forms.Textarea(attrs={"rows": 3}),
            "remarks": forms.Textarea(attrs={"rows": 2}),
        }


class WillingGroupForm(ThaiModelForm):
    class Meta:
        model = WillingGroup
        fields = ["kind", "name"]


def willing_group_formset(*, extra: int):
    return inlineformset_factory(
        Screening, WillingGroup, form=WillingGroupForm, extra=extra, can_delete=True
    )


class ReturnForm(ThaiForm):
    comment = forms.CharField(
        label=_("เหตุผลที่ส่งคืนให้อำเภอ"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("กรุณาระบุเหตุผลที่ส่งคืนให้อำเภอ")},
    )


class EstablishForm(ThaiForm):
    established_on = BEDateField(label=_("วันที่จัดตั้ง"), required=False)
