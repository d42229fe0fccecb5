from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from cdfmc.formfields import ThaiForm, ThaiIntegerField, ThaiModelForm
from cdfmc.geo.models import Village
from centres.indicators import INDICATORS
from centres.models import (
    ActionPlan,
    Centre,
    CommitteeMember,
    Division,
    Meeting,
    MemberFund,
    PlanActivity,
    Training,
    Visit,
    normalise_phone,
)
from centres.uploads import check_upload


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        sub = obj.subdistrict
        return f"{obj.name} หมู่ที่ {obj.number} ต.{sub.name_th} อ.{sub.district.name_th}"


class CentreForm(ThaiModelForm):
    """General facts. Villages offered: the user's area, without a centre yet."""

    village = VillageChoiceField(
        queryset=Village.objects.none(),
        label=_("หมู่บ้าน"),
        error_messages={"invalid_choice": _("เลือกหมู่บ้านในพื้นที่ของท่านที่ยังไม่มีศูนย์จัดการกองทุนชุมชน")},
    )

    class Meta:
        model = Centre
        fields = [
            "name",
            "village",
            "established_on",
            "status",
            "model_year",
            "level",
            "committee_appointed_on",
            "vision",
            "remarks",
        ]
        widgets = {
            "vision": forms.Textarea(attrs={"rows": 3}),
            "remarks": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        free = Village.objects.visible_to(user).filter(centre__isnull=True)
        if self.instance.village_id:
            free = free | Village.objects.filter(pk=self.instance.village_id)
        self.fields["village"].queryset = free.select_related("subdistrict__district")


class RegulationsForm(ThaiModelForm):
    class Meta:
        model = Centre
        fields = [
            "regulations_written",
            "regulations_approval",
            "regulations_approved_on",
            "regulations_followed",
            "regulations_topics",
        ]
        widgets = {"regulations_topics": forms.Textarea(attrs={"rows": 3})}


class OfficeForm(ThaiModelForm):
    class Meta:
        model = Centre
        fields = [
            "office_kind",
            "office_has_sign",
            "office_has_board",
            "office_board_current",
            "office_shared",
            "office_has_floor_plan",
            "office_address",
        ]
        widgets = {"office_address": forms.Textarea(attrs={"rows": 2})}


class WelfareSupportForm(ThaiModelForm):
    class Meta:
        model = Centre
        fields = [
            "welfare_plan",
            "welfare_members",
            "welfare_community",
            "welfare_notes",
            "support_discipline_training",
            "support_occupation",
            "support_group_form",
            "support_notes",
        ]
        widgets = {
            "welfare_notes": forms.Textarea(attrs={"rows": 2}),
            "support_notes": forms.Textarea(attrs={"rows": 2}),
        }


class LearningForm(ThaiModelForm):
    class Meta:
        model = Centre
        fields = ["learning_points", "outside_visitors_per_year", "learning_description"]
        widgets = {"learning_description": forms.Textarea(attrs={"rows": 3})}


class MemberFundForm(ThaiModelForm):
    class Meta:
        model = MemberFund
        fields = ["kind", "name", "members", "capital", "updated_on"]


class ThaiPhoneField(forms.CharField):
    """Accepts ๐๘๑-๒๓๔-๕๖๗๘, 081 234 5678 …; the model validates the digits."""

    def to_python(self, value):
        return normalise_phone(super().to_python(value))


class CommitteeMemberForm(ThaiModelForm):
    phone = ThaiPhoneField(label=_("โทรศัพท์"), required=False, max_length=30)

    class Meta:
        model = CommitteeMember
        fields = ["role", "name", "phone", "represents", "is_qualified_person"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})
        self.fields["represents"].queryset = self.instance.centre.member_funds.all()


class DivisionForm(ThaiModelForm):
    class Meta:
        model = Division
        fields = ["name", "duties", "members"]
        widgets = {
            "duties": forms.Textarea(attrs={"rows": 2}),
            "members": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = self.instance.centre.committee.all()


class MeetingForm(ThaiModelForm):
    class Meta:
        model = Meeting
        fields = [
            "kind",
            "held_on",
            "attendees",
            "members_total",
            "has_minutes",
            "topic_debtors",
            "topic_negotiation",
            "topic_action_plan",
            "topic_other",
        ]
        widgets = {"topic_other": forms.TextInput}


class TrainingForm(ThaiModelForm):
    class Meta:
        model = Training
        fields = ["kind", "held_on", "title", "participants"]


class VisitForm(ThaiModelForm):
    class Meta:
        model = Visit
        fields = ["visited_on", "visitor_level", "visitor_name", "recommendations", "acted_on"]
        widgets = {"recommendations": forms.Textarea(attrs={"rows": 2})}


class ActionPlanForm(ThaiModelForm):
    class Meta:
        model = ActionPlan
        fields = ["fiscal_year", "members_participated", "covers_operations"]

    def validate_unique(self):
        # The centre is not a form field, so Django would skip the centre+year constraint;
        # its message (one plan a year) belongs at the year, not above the form.
        exclude = self._get_validation_exclusions() - {"centre"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except forms.ValidationError as exc:
            self.add_error("fiscal_year", exc.messages)


class PlanActivityForm(ThaiModelForm):
    class Meta:
        model = PlanActivity
        fields = ["name", "done"]


PlanActivityFormSet = inlineformset_factory(
    ActionPlan, PlanActivity, form=PlanActivityForm, extra=1, can_delete=True, max_num=100
)


class EvidenceForm(ThaiForm):
    file = forms.FileField(label=_("ไฟล์ (PDF, JPEG, PNG, DOCX, XLSX, PPTX)"))
    title = forms.CharField(label=_("ชื่อหลักฐาน"), max_length=255)
    indicators = forms.MultipleChoiceField(
        label=_("ตัวชี้วัดที่หลักฐานนี้สนับสนุน"),
        choices=INDICATORS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "indicator-choice"}),
    )
    fiscal_year = ThaiIntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"), required=False, min_value=2551, max_value=2700
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.checked = check_upload(upload)
        return upload
