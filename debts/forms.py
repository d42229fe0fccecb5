import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cdfmc.formfields import (
    BEDateField,
    ThaiDecimalField,
    ThaiForm,
    ThaiIntegerField,
    ThaiModelForm,
)
from cdfmc.geo.models import Village
from cdfmc.thaitime import THAILAND_TZ, format_be_date
from centres.models import Meeting, MeetingKind
from centres.uploads import check_zip_bounds
from debts import rules
from debts.access import where_is_citizen_id
from debts.models import (
    REPLACING_FORMS,
    BalanceUpdate,
    Contract,
    Creditor,
    CreditorKind,
    Household,
    IncomeExpense,
    Person,
    RestructuringForm,
)


def today():
    return datetime.datetime.now(THAILAND_TZ).date()


def not_in_future(value):
    if value and value > today():
        raise ValidationError(_("วันที่ต้องไม่เป็นวันในอนาคต"))


class HouseholdForm(ThaiModelForm):
    class Meta:
        model = Household
        fields = [
            "village",
            "house_number",
            "member_family",
            "occupations",
            "income_per_person",
            "welfare_card",
            "savings_balance",
            "debtor_class",
            "remarks",
        ]

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.centre = centre
        self.fields["village"].queryset = Village.objects.filter(
            subdistrict__district_id=centre.district_code
        ).select_related("subdistrict")
        self.fields["village"].initial = centre.village_id
        self.fields["village"].label_from_instance = lambda v: f"{v} ต.{v.subdistrict.name_th}"


class CitizenIdField(forms.CharField):
    """13 digits, Thai digits and dashes accepted; the check digit verified."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("เลขประจำตัวประชาชน"))
        super().__init__(**kwargs)

    def to_python(self, value):
        return rules.normalize_citizen_id(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value and not rules.citizen_id_is_valid(value):
            raise ValidationError(
                _("เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบหลักสุดท้ายถูกต้อง)")
            )


TITLES = ["นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง"]
OTHER = "other"


def add_title_fields(form, current=""):
    """คำนำหน้า from the usual list, or typed when it is something else (ดร., พระ…)."""
    form.fields["title_choice"] = forms.ChoiceField(
        label=_("คำนำหน้า"),
        required=False,
        choices=[("", "—"), *[(t, t) for t in TITLES], (OTHER, _("อื่น ๆ (ระบุ)"))],
        initial=current if current in TITLES else (OTHER if current else ""),
    )
    form.fields["title_other"] = forms.CharField(
        label=_("คำนำหน้าอื่น"),
        max_length=30,
        required=False,
        initial="" if current in TITLES else current,
    )
    form.fields["title_other"].widget.attrs["data-show-if"] = (
        f"{form.add_prefix('title_choice')}={OTHER}"
    )


def cleaned_title(form, data) -> str:
    if data.get("title_choice") == OTHER:
        if not data.get("title_other", "").strip():
            form.add_error("title_other", _("กรุณาระบุคำนำหน้า"))
        return data.get("title_other", "").strip()
    return data.get("title_choice", "")


class PersonForm(ThaiModelForm):
    citizen_id = CitizenIdField()

    class Meta:
        model = Person
        fields = [
            "citizen_id",
            "first_name",
            "last_name",
            "is_head",
            "relation",
            "occupation",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        add_title_fields(self, self.instance.title)
        self.order_fields(["citizen_id", "title_choice", "title_other"])

    def clean(self):
        data = super().clean()
        self.instance.title = cleaned_title(self, data)
        return data

    def clean_citizen_id(self):
        value = self.cleaned_data["citizen_id"]
        message = where_is_citizen_id(self.user, value, exclude_person=self.instance)
        if message:
            raise ValidationError(message)
        return value

    def validate_unique(self):
        # Uniqueness is checked above with a message naming the household.
        exclude = self._get_validation_exclusions() | {"citizen_id"}
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as e:
            self._update_errors(e)


class ContractForm(ThaiModelForm):
    start_date = BEDateField(label=_("วันที่เริ่มสัญญา"), required=False, validators=[not_in_future])

    class Meta:
        model = Contract
        fields = [
            "creditor",
            "borrower",
            "number",
            "start_date",
            "principal",
            "rate",
            "term_months",
            "instalment",
            "outstanding",
            "overdue_amount",
            "overdue_days",
            "is_informal",
        ]

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.household = household
        self.fields["creditor"].queryset = Creditor.objects.filter(centre_id=household.centre_id)
        self.fields["borrower"].queryset = household.people.all()

    def clean(self):
        data = super().clean()
        creditor, rate = data.get("creditor"), data.get("rate")
        if creditor and rate is not None:
            try:
                creditor.check_rate(rate, restructuring=False)
            except ValidationError as exc:
                self.add_error("rate", exc)
        if creditor and creditor.kind == CreditorKind.INFORMAL:
            data["is_informal"] = True
        return data


# Creditors an officer adds by hand: member funds become creditors when they are recorded.
OUTSIDE_CREDITOR_KINDS = [c for c in CreditorKind.choices if c[0] != CreditorKind.MEMBER_FUND]


class CreditorForm(ThaiModelForm):
    class Meta:
        model = Creditor
        fields = ["kind", "name"]

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.centre = centre
        self.fields["kind"].choices = OUTSIDE_CREDITOR_KINDS

    def clean_name(self):
        # The (centre, name) constraint is skipped by the form (centre is not a form field).
        name = self.cleaned_data["name"].strip()
        if Creditor.objects.filter(centre=self.instance.centre, name=name).exists():
            raise ValidationError(_("มีเจ้าหนี้ชื่อนี้ในทะเบียนเจ้าหนี้ของศูนย์แล้ว"))
        return name


class BalanceForm(ThaiModelForm):
    as_of = BEDateField(label=_("ณ วันที่"), validators=[not_in_future])

    class Meta:
        model = BalanceUpdate
        fields = ["as_of", "outstanding", "overdue_amount"]


class IncomeExpenseForm(ThaiModelForm):
    class Meta:
        model = IncomeExpense
        fields = ["month", "income", "expense", "note"]


class TargetsForm(ThaiForm):
    households = forms.ModelMultipleChoiceField(
        queryset=Household.objects.none(), widget=forms.CheckboxSelectMultiple, label=_("ครัวเรือน")
    )
    on_date = BEDateField(label=_("วันที่คณะกรรมการคัดเลือก"), validators=[not_in_future])

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["households"].queryset = Household.objects.filter(
            centre=centre, is_target=False
        )
        self.fields["on_date"].initial = today()


class _RestructuringForm(ThaiForm):
    contracts = forms.ModelMultipleChoiceField(
        queryset=Contract.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("สัญญาก่อนปรับโครงสร้างหนี้"),
    )
    meeting = forms.ModelChoiceField(
        queryset=None, required=False, label=_("การประชุมคณะกรรมการที่มีมติ")
    )
    decided_on = BEDateField(
        label=_("วันที่คณะกรรมการมีมติ"),
        validators=[not_in_future],
        required=False,
        help_text=_("เว้นว่างได้เมื่อเลือกการประชุม (ใช้วันที่ประชุม)"),
    )
    meeting_note = forms.CharField(
        label=_("การประชุมคณะกรรมการ (ครั้งที่/มติ)"), max_length=255, required=False
    )
    rate = ThaiDecimalField(label=_("อัตราดอกเบี้ยใหม่ (% ต่อปี)"), min_value=0, required=False)
    term_months = ThaiIntegerField(label=_("ระยะเวลาใหม่ (เดือน)"), min_value=1, required=False)
    instalment = ThaiDecimalField(label=_("ค่างวดใหม่ (บาท)"), min_value=0, required=False)
    moratorium_months = ThaiIntegerField(
        label=_("ระยะเวลาพักชำระ (เดือน)"), min_value=0, required=False
    )
    description = forms.CharField(
        label=_("รายละเอียด (จำเป็นสำหรับรูปแบบอื่น ๆ)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contracts"].queryset = household.contracts.open().select_related("creditor")
        self.fields["contracts"].label_from_instance = lambda c: (
            _("%(creditor)s %(number)s คงค้าง %(amount)s บาท")
            % {"creditor": c.creditor, "number": c.number or "-", "amount": f"{c.outstanding:,.2f}"}
        )
        self.fields["meeting"].queryset = Meeting.objects.filter(
            centre_id=household.centre_id, kind=MeetingKind.COMMITTEE
        )
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.get_kind_display()} {format_be_date(m.held_on)}"
        )

    def clean(self):
        data = super().clean()
        if not data.get("decided_on"):
            if data.get("meeting"):
                data["decided_on"] = data["meeting"].held_on
            elif "decided_on" not in self.errors:
                self.add_error("decided_on", _("กรุณาระบุวันที่มีมติหรือเลือกการประชุม"))
        return data


class ConsolidateForm(_RestructuringForm):
    form = forms.ChoiceField(
        label=_("รูปแบบ"),
        choices=[
            c
            for c in RestructuringForm.choices
            if c[0] in REPLACING_FORMS or c[0] == RestructuringForm.OTHER
        ],
    )
    creditor = forms.ModelChoiceField(queryset=Creditor.objects.none(), label=_("เจ้าหนี้สัญญาใหม่"))
    number = forms.CharField(label=_("เลขที่สัญญาใหม่"), max_length=50, required=False)
    rate = ThaiDecimalField(label=_("อัตราดอกเบี้ยใหม่ (% ต่อปี)"), min_value=0)
    field_order = ["form", "contracts", "creditor", "number", "meeting", "decided_on"]

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, household=household, **kwargs)
        self.fields["creditor"].queryset = Creditor.objects.filter(centre_id=household.centre_id)


class AmendForm(_RestructuringForm):
    form = forms.ChoiceField(
        label=_("รูปแบบ"),
        choices=[c for c in RestructuringForm.choices if c[0] not in REPLACING_FORMS],
    )
    field_order = ["form", "contracts", "meeting", "decided_on"]


class ImportForm(ThaiForm):
    file = forms.FileField(label=_("ไฟล์ทะเบียน (.xlsx หรือ .csv)"))

    def clean_file(self):
        # Bounded before the reader parses it: bytes, and an xlsx's inflated size.
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
            raise ValidationError(_("ไฟล์ใหญ่เกิน %(mb)s MB") % {"mb": limit})
        if not upload.name.lower().endswith(".csv"):
            check_zip_bounds(upload)
        return upload


class HouseholdFilter(ThaiForm):
    q = forms.CharField(
        required=False,
        max_length=100,
        label=_("ค้นหา"),
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("ชื่อ เลขบัตร (4 หลักท้ายได้) บ้านเลขที่")}
        ),
    )
    centre = forms.ModelChoiceField(queryset=None, required=False, label=_("ศูนย์"))
    debtor_class = forms.ChoiceField(required=False, label=_("ประเภทลูกหนี้"))
    target = forms.ChoiceField(
        required=False,
        label=_("ครัวเรือนเป้าหมาย"),
        choices=[("", _("ทั้งหมด")), ("1", _("เฉพาะเป้าหมาย")), ("0", _("ไม่ใช่เป้าหมาย"))],
    )

    def __init__(self, *args, user, **kwargs):
        from centres.models import Centre
        from debts.models import DebtorClass

        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.visible_to(user)
        self.fields["debtor_class"].choices = [
            ("", _("ทั้งหมด")),
            *DebtorClass.choices,
            ("none", _("ยังไม่จำแนก")),
        ]
