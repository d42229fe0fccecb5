from django import forms
from django.utils.translation import gettext_lazy as _

from cdfmc.accounts.models import Role, User
from cdfmc.formfields import ThaiForm, ThaiIntegerField, ThaiModelForm
from cdfmc.geo.models import Province
from centres.models import Centre
from scoring.models import Rubric, SelectionRound

FY_FIELD = {"min_value": 2551, "max_value": 2700}


class RoundForm(ThaiModelForm):
    class Meta:
        model = SelectionRound
        fields = ["province", "fiscal_year", "rubric", "proposals_due"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rubric"].queryset = Rubric.objects.visible_to(user)
        if user.is_administrator:
            self.fields["province"].queryset = Province.objects.all()
        else:
            self.fields["province"].queryset = Province.objects.filter(code=user.province_id)
            self.fields["province"].initial = user.province_id


class ProposalForm(ThaiForm):
    centre = forms.ModelChoiceField(
        label=_("ศูนย์จัดการกองทุนชุมชนที่เสนอ"), queryset=Centre.objects.none()
    )
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args, user, selection_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = (
            Centre.objects.visible_to(user)
            .filter(village__subdistrict__district__province=selection_round.province_id)
            .with_location()
        )


class PanelForm(ThaiForm):
    member = forms.ModelChoiceField(label=_("เจ้าหน้าที่"), queryset=User.objects.none())

    def __init__(self, *args, selection_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = User.objects.filter(
            province_id=selection_round.province_id, role__in=[Role.DISTRICT, Role.PROVINCE]
        ).order_by("username")


class ScoreForm(ThaiForm):
    level = forms.TypedChoiceField(
        label=_("ระดับ"), coerce=int, empty_value=None, required=False, widget=forms.RadioSelect
    )
    override_reason = forms.CharField(
        label=_("เหตุผลที่ไม่ใช้ระดับที่ระบบเสนอ"),
        required=False,
        widget=forms.Textarea({"rows": 2, "class": "form-control form-control-sm"}),
    )
    note = forms.CharField(
        label=_("บันทึกของผู้ประเมิน"),
        required=False,
        widget=forms.Textarea({"rows": 2, "class": "form-control form-control-sm"}),
    )
    evidence = forms.TypedMultipleChoiceField(
        label=_("หลักฐานที่ตรวจพบ"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, score, **kwargs):
        initial = {
            "level": score.level,
            "override_reason": score.override_reason,
            "note": score.note,
            "evidence": [item.pk for item in score.evidence_items.all()],
        }
        super().__init__(*args, initial=initial, prefix=f"s{score.pk}", **kwargs)
        indicator = score.indicator
        choices = [(0, _("ไม่ถึงระดับ 1 (0 คะแนน)"))] if not indicator.judged else []
        choices += [
            (lv.number, f"ระดับ {lv.number} ({lv.points} คะแนน)") for lv in indicator.levels.all()
        ]
        self.fields["level"].choices = choices
        self.fields["evidence"].choices = [
            (item.pk, f"{item.number}) {item.text}") for item in indicator.evidence_items.all()
        ]


class RubricCopyForm(ThaiForm):
    name = forms.CharField(label=_("ชื่อเกณฑ์"), max_length=300)
    fiscal_year = ThaiIntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), **FY_FIELD)
    province = forms.ModelChoiceField(
        label=_("จังหวัด"),
        queryset=Province.objects.all(),
        required=False,
        empty_label=_("ระดับประเทศ"),
    )


class IndicatorForm(ThaiForm):
    """An indicator's title, each level's criteria and points, and its evidence list."""

    title = forms.CharField(label=_("ตัวชี้วัด"), max_length=300)
    evidence = forms.CharField(
        label=_("หลักฐานเชิงประจักษ์ (บรรทัดละ ๑ รายการ)"), widget=forms.Textarea({"rows": 4})
    )

    def __init__(self, *args, indicator, **kwargs):
        self.indicator = indicator
        self.level_numbers = [lv.number for lv in indicator.levels.all()]
        initial = {
            "title": indicator.title,
            "evidence": "\n".join(item.text for item in indicator.evidence_items.all()),
        }
        for lv in indicator.levels.all():
            initial[f"criteria_{lv.number}"] = lv.criteria
            initial[f"points_{lv.number}"] = lv.points
        super().__init__(*args, initial=initial, **kwargs)
        for n in self.level_numbers:
            self.fields[f"criteria_{n}"] = forms.CharField(
                label=_("ระดับ %(n)s: เกณฑ์") % {"n": n}, widget=forms.Textarea({"rows": 2})
            )
            self.fields[f"points_{n}"] = ThaiIntegerField(
                label=_("ระดับ %(n)s: คะแนน") % {"n": n}, min_value=0, max_value=100
            )

    def levels(self) -> list[tuple[int, str, int]]:
        data = self.cleaned_data
        return [(n, data[f"criteria_{n}"], data[f"points_{n}"]) for n in self.level_numbers]

    def evidence_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["evidence"].splitlines() if line.strip()]


class FiscalYearForm(ThaiForm):
    fy = ThaiIntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), required=False, **FY_FIELD)
