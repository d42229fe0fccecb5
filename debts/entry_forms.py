"""One form for a household: its details, head, members and contracts (rows added in place)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cdfmc.formfields import BEDateField, ThaiModelForm
from cdfmc.geo.models import Village
from debts.access import where_is_citizen_id
from debts.forms import (
    OUTSIDE_CREDITOR_KINDS,
    CitizenIdField,
    add_title_fields,
    cleaned_title,
    not_in_future,
    today,
)
from debts.models import Contract, Creditor, CreditorKind, Household, Person
from debts.services import CONTRACT_FIELDS

NEW = "new"


class PersonEntryForm(ThaiModelForm):
    """The head or a member of a new household."""

    citizen_id = CitizenIdField()

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "citizen_id", "relation"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        add_title_fields(self)
        self.order_fields(["title_choice", "title_other", "first_name", "last_name"])

    def clean_citizen_id(self):
        value = self.cleaned_data["citizen_id"]
        message = where_is_citizen_id(self.user, value)
        if message:
            raise ValidationError(message)
        return value

    def clean(self):
        data = super().clean()
        data["title"] = cleaned_title(self, data)
        return data

    def validate_unique(self):
        pass  # checked in clean_citizen_id with a message naming the household

    def person_values(self) -> dict:
        data = self.cleaned_data
        values = {k: data[k] for k in ("title", "first_name", "last_name", "citizen_id")}
        values["relation"] = data.get("relation", "")
        return values


class HeadForm(PersonEntryForm):
    class Meta(PersonEntryForm.Meta):
        fields = ["first_name", "last_name", "citizen_id"]


class HouseholdEntryForm(ThaiModelForm):
    as_of = BEDateField(
        label=_("ยอดหนี้ ณ วันที่"),
        validators=[not_in_future],
        help_text=_("วันที่ของยอดคงค้างที่กรอกในสัญญาด้านล่าง"),
    )

    class Meta:
        model = Household
        fields = [
            "village",
            "house_number",
            "member_family",
            "welfare_card",
            "debtor_class",
            "occupations",
            "income_per_person",
            "savings_balance",
            "remarks",
        ]
        widgets = {"remarks": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.centre = centre
        self.fields["village"].queryset = Village.objects.filter(
            subdistrict__district_id=centre.district_code
        ).select_related("subdistrict")
        self.fields["village"].label_from_instance = lambda v: f"{v} ต.{v.subdistrict.name_th}"
        self.fields["as_of"].initial = today()

    def household_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CreditorChoiceField(forms.ChoiceField):
    """One of the centre's creditors, or "new" for an outside creditor typed in the row."""

    def __init__(self, *, creditors, **kwargs):
        choices = [("", _("— เลือกเจ้าหนี้ —"))]
        for kind, label in CreditorKind.choices:
            group = [(str(c.pk), c.name) for c in creditors if c.kind == kind]
            if group:
                choices.append((label, group))
        choices.append((NEW, _("+ เจ้าหนี้ภายนอกรายใหม่ (กรอกชื่อ)")))
        super().__init__(choices=choices, label=_("เจ้าหนี้"), **kwargs)


class ContractRowForm(ThaiModelForm):
    """A contract row; an empty row is skipped."""

    new_creditor_name = forms.CharField(label=_("ชื่อเจ้าหนี้รายใหม่"), max_length=255, required=False)
    new_creditor_kind = forms.ChoiceField(
        label=_("ประเภทเจ้าหนี้รายใหม่"),
        required=False,
        choices=[("", "—"), *OUTSIDE_CREDITOR_KINDS],
    )
    start_date = BEDateField(label=_("วันที่เริ่มสัญญา"), required=False, validators=[not_in_future])

    class Meta:
        model = Contract
        fields = list(CONTRACT_FIELDS)

    def __init__(self, *args, creditors, **kwargs):
        super().__init__(*args, **kwargs)
        self.creditors = {str(c.pk): c for c in creditors}
        self.fields["creditor_choice"] = CreditorChoiceField(creditors=creditors)
        for name in ("new_creditor_name", "new_creditor_kind"):
            self.fields[name].widget.attrs["data-show-if"] = (
                f"{self.add_prefix('creditor_choice')}={NEW}"
            )
        self.fields["outstanding"].required = False
        self.fields["outstanding"].help_text = _("เว้นว่าง = เท่ากับเงินต้น")
        self.order_fields(["creditor_choice", "new_creditor_name", "new_creditor_kind"])

    def clean(self):
        data = super().clean()
        choice = data.get("creditor_choice")
        creditor = None
        if choice == NEW:
            name = " ".join(data.get("new_creditor_name", "").split())
            data["new_creditor_name"] = name
            if not name:
                self.add_error("new_creditor_name", _("กรุณากรอกชื่อเจ้าหนี้รายใหม่"))
            if not data.get("new_creditor_kind"):
                self.add_error("new_creditor_kind", _("กรุณาเลือกประเภทเจ้าหนี้รายใหม่"))
            elif name:
                creditor = Creditor(kind=data["new_creditor_kind"], name=name)
        elif choice in self.creditors:
            creditor = data["creditor"] = self.creditors[choice]
        else:
            self.add_error("creditor_choice", _("กรุณาเลือกเจ้าหนี้"))
        if data.get("outstanding") is None and data.get("principal") is not None:
            data["outstanding"] = data["principal"]
            self.instance.outstanding = data["principal"]
        if creditor is not None and data.get("rate") is not None:
            try:
                creditor.check_rate(data["rate"], restructuring=False)
            except ValidationError as exc:
                self.add_error("rate", exc)
        return data

    def _post_clean(self):
        # Outstanding may be left blank (= principal): fill it before the model is checked.
        if self.cleaned_data.get("outstanding") is not None:
            self.instance.outstanding = self.cleaned_data["outstanding"]
        super()._post_clean()

    def contract_values(self) -> dict:
        data = self.cleaned_data
        values = {name: data.get(name) for name in self.Meta.fields}
        values["number"] = values["number"] or ""
        if data.get("creditor_choice") == NEW:
            values["new_creditor_name"] = data["new_creditor_name"]
            values["new_creditor_kind"] = data["new_creditor_kind"]
        else:
            values["creditor"] = data["creditor"]
        return values


class _RowFormSet(forms.BaseFormSet):
    def __init__(self, *args, form_kwargs, **kwargs):
        super().__init__(*args, form_kwargs=form_kwargs, **kwargs)

    def filled(self):
        return [f for f in self.forms if f.has_changed() and f.is_valid()]


MemberFormSet = forms.formset_factory(
    PersonEntryForm, formset=_RowFormSet, extra=0, max_num=30, validate_max=True
)
ContractFormSet = forms.formset_factory(
    ContractRowForm, formset=_RowFormSet, extra=1, max_num=30, validate_max=True
)


class HouseholdEntry:
    """The page's forms together: valid when each is, saved by one service call."""

    def __init__(self, data, *, centre, user, village=None):
        creditors = list(Creditor.objects.filter(centre=centre).order_by("kind", "name"))
        self.household = HouseholdEntryForm(data, centre=centre)
        if village is not None and data is None:
            self.household.initial["village"] = village.pk
        elif data is None:
            self.household.initial["village"] = centre.village_id
        self.head = HeadForm(data, prefix="head", user=user)
        self.members = MemberFormSet(data, prefix="members", form_kwargs={"user": user})
        self.contracts = ContractFormSet(
            data, prefix="contracts", form_kwargs={"creditors": creditors}
        )

    def is_valid(self) -> bool:
        parts = [self.household, self.head, self.members, self.contracts]
        valid = all([p.is_valid() for p in parts])
        return valid and self._ids_differ()

    def _ids_differ(self) -> bool:
        seen = {self.head.cleaned_data["citizen_id"]}
        for form in self.members.filled():
            value = form.cleaned_data["citizen_id"]
            if value in seen:
                form.add_error("citizen_id", _("เลขประจำตัวประชาชนซ้ำกับบุคคลอื่นในครัวเรือนนี้"))
                return False
            seen.add(value)
        return True

    def service_kwargs(self) -> dict:
        return {
            "household": self.household.household_values(),
            "head": self.head.person_values(),
            "members": [f.person_values() for f in self.members.filled()],
            "contracts": [f.contract_values() for f in self.contracts.filled()],
            "as_of": self.household.cleaned_data["as_of"],
        }

    def add_error(self, exc: ValidationError):
        self.household.add_error(None, exc)
