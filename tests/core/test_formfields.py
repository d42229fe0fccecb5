import datetime
from decimal import Decimal

import pytest
from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Template
from django.test.utils import isolate_apps
from django.utils import timezone, translation

from cdfmc.formfields import (
    BEDateField,
    BEDateInput,
    ThaiDecimalField,
    ThaiFloatField,
    ThaiIntegerField,
    ThaiModelForm,
    thai_formfield_callback,
)
from cdfmc.templatetags import thai

D = datetime.date


@pytest.fixture(autouse=True)
def _thai():
    with translation.override("th"):
        yield


class TestBEDateInput:
    def test_it_renders_a_date_in_be(self):
        html = BEDateInput().render("d", D(2025, 8, 1))
        assert 'value="01/08/2568"' in html
        assert 'type="text"' in html
        assert 'placeholder="วว/ดด/ปปปป"' in html
        assert 'inputmode="numeric"' in html
        assert "data-be-date" in html

    def test_it_renders_what_was_typed_back_unchanged(self):
        assert 'value="13/8/2568"' in BEDateInput().render("d", "13/8/2568")

    def test_it_renders_empty(self):
        assert "value=" not in BEDateInput().render("d", None)

    def test_attrs_can_be_overridden(self):
        html = BEDateInput(attrs={"class": "form-control", "placeholder": "x"}).render("d", None)
        assert 'class="form-control"' in html
        assert 'placeholder="x"' in html


class TestBEDateField:
    @pytest.mark.parametrize("text", ["13/08/2568", "๑๓/๐๘/๒๕๖๘", " 13-8-2568 ", "13082568"])
    def test_it_cleans_be_text(self, text):
        assert BEDateField().clean(text) == D(2025, 8, 13)

    def test_it_accepts_dates(self):
        assert BEDateField().clean(D(2025, 8, 13)) == D(2025, 8, 13)

    def test_it_accepts_leap_day_of_be_2567(self):
        assert BEDateField().clean("29/02/2567") == D(2024, 2, 29)

    def test_it_rejects_leap_day_of_be_2568(self):
        with pytest.raises(ValidationError) as exc:
            BEDateField().clean("29/02/2568")
        assert exc.value.code == "invalid_date"
        assert "29/02/2568" in exc.value.messages[0]

    def test_it_rejects_a_ce_year_in_thai(self):
        with pytest.raises(ValidationError) as exc:
            BEDateField().clean("13/08/2025")
        assert exc.value.code == "invalid_year"
        assert exc.value.messages == [
            "ปี 2025 ไม่ใช่ปีพุทธศักราช กรุณากรอกปี พ.ศ. (ค.ศ. + 543) เช่น 13/08/2568"
        ]

    @pytest.mark.parametrize("text", ["abc", "32/01/2568x", "2568-08-13"])
    def test_it_rejects_garbage_in_thai(self, text):
        with pytest.raises(ValidationError) as exc:
            BEDateField().clean(text)
        assert exc.value.code == "invalid"
        assert exc.value.messages == ["กรุณากรอกวันที่เป็น วว/ดด/ปปปป (พ.ศ.) เช่น 13/08/2568"]

    def test_it_rejects_an_impossible_day(self):
        with pytest.raises(ValidationError) as exc:
            BEDateField().clean("32/01/2568")
        assert exc.value.code == "invalid_date"

    def test_required_and_optional(self):
        with pytest.raises(ValidationError) as exc:
            BEDateField().clean("")
        assert exc.value.code == "required"
        assert BEDateField(required=False).clean("  ") is None

    def test_it_sees_no_change_when_the_same_date_is_retyped(self):
        field = BEDateField()
        assert not field.has_changed(D(2025, 8, 13), "๑๓/๘/๒๕๖๘")
        assert field.has_changed(D(2025, 8, 13), "14/08/2568")

    def test_it_renders_in_a_form(self):
        class F(forms.Form):
            d = BEDateField()

        html = str(F(initial={"d": D(2025, 10, 1)})["d"])
        assert 'value="01/10/2568"' in html


class TestThaiNumbers:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [("1234", 1234), ("๑,๒๓๔", 1234), (" 1 234 ", 1234), ("1,234,567", 1234567), ("-๕", -5)],
    )
    def test_integer(self, text, expected):
        assert ThaiIntegerField().clean(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("1,234.50", Decimal("1234.50")), ("๑๒๓.๔๕", Decimal("123.45")), ("0", Decimal(0))],
    )
    def test_decimal(self, text, expected):
        field = ThaiDecimalField(max_digits=12, decimal_places=2)
        assert field.clean(text) == expected

    def test_float(self):
        assert ThaiFloatField().clean("๑,๐๐๐.๕") == 1000.5

    def test_decimal_still_checks_digits(self):
        with pytest.raises(ValidationError):
            ThaiDecimalField(max_digits=4, decimal_places=2).clean("๑,๒๓๔.๕")

    @pytest.mark.parametrize("field", [ThaiIntegerField, ThaiDecimalField, ThaiFloatField])
    def test_it_rejects_letters(self, field):
        with pytest.raises(ValidationError) as exc:
            field().clean("สิบ")
        assert exc.value.code == "invalid"

    def test_empty_is_none_when_optional(self):
        assert ThaiIntegerField(required=False).clean("") is None

    def test_non_strings_pass_through(self):
        assert ThaiIntegerField().clean(7) == 7
        assert ThaiDecimalField().clean(Decimal("1.5")) == Decimal("1.5")

    def test_widgets_are_text_boxes_with_a_numeric_keypad(self):
        # <input type="number"> refuses Thai digits and commas in browsers.
        class F(forms.Form):
            count = ThaiIntegerField(min_value=0)
            amount = ThaiDecimalField(max_digits=12, decimal_places=2)
            ratio = ThaiFloatField()

        form = F()
        for name, mode in [("count", "numeric"), ("amount", "decimal"), ("ratio", "decimal")]:
            html = str(form[name])
            assert 'type="text"' in html
            assert f'inputmode="{mode}"' in html


class TestFormfieldCallback:
    def test_date_field(self):
        field = thai_formfield_callback(
            models.DateField(verbose_name="วันที่ก่อตั้ง", help_text="พ.ศ.", blank=True)
        )
        assert isinstance(field, BEDateField)
        assert isinstance(field.widget, BEDateInput)
        assert field.label == "วันที่ก่อตั้ง"
        assert field.help_text == "พ.ศ."
        assert field.required is False

    def test_datetime_field_keeps_django_default(self):
        field = thai_formfield_callback(models.DateTimeField())
        assert type(field) is forms.DateTimeField

    def test_decimal_field_keeps_digits(self):
        field = thai_formfield_callback(models.DecimalField(max_digits=12, decimal_places=2))
        assert isinstance(field, ThaiDecimalField)
        assert field.max_digits == 12
        assert field.decimal_places == 2
        assert field.required is True
        assert field.clean("๑,๒๓๔.๕") == Decimal("1234.5")

    @pytest.mark.parametrize(
        "model_field",
        [
            models.IntegerField,
            models.SmallIntegerField,
            models.BigIntegerField,
            models.PositiveIntegerField,
            models.PositiveSmallIntegerField,
            models.PositiveBigIntegerField,
        ],
    )
    def test_integer_family(self, model_field):
        field = thai_formfield_callback(model_field())
        assert isinstance(field, ThaiIntegerField)
        assert field.clean("๑,๒๐๐") == 1200

    def test_positive_integer_keeps_its_minimum(self):
        field = thai_formfield_callback(models.PositiveIntegerField())
        with pytest.raises(ValidationError):
            field.clean("-๑")

    def test_float_field(self):
        assert isinstance(thai_formfield_callback(models.FloatField()), ThaiFloatField)

    def test_choices_still_give_a_select(self):
        field = thai_formfield_callback(models.IntegerField(choices=[(1, "หนึ่ง"), (2, "สอง")]))
        assert isinstance(field, forms.TypedChoiceField)

    def test_other_fields_are_untouched(self):
        assert type(thai_formfield_callback(models.CharField(max_length=10))) is forms.CharField

    def test_an_explicit_form_class_wins(self):
        field = thai_formfield_callback(models.DateField(), form_class=forms.DateField)
        assert type(field) is forms.DateField

    def test_a_widget_override_is_kept(self):
        field = thai_formfield_callback(models.DateField(), widget=forms.HiddenInput)
        assert isinstance(field, BEDateField)
        assert isinstance(field.widget, forms.HiddenInput)


@pytest.fixture
def fund():
    """A throwaway model in an isolated registry: forms are built, no table is needed."""
    with isolate_apps("django.contrib.contenttypes"):

        class Fund(models.Model):
            name = models.CharField(max_length=50)
            founded = models.DateField()
            members = models.PositiveIntegerField()
            balance = models.DecimalField(max_digits=12, decimal_places=2)
            village_no = models.PositiveSmallIntegerField(
                null=True, blank=True, validators=[validators.MaxValueValidator(30)]
            )
            updated = models.DateTimeField(null=True, blank=True)

            class Meta:
                app_label = "contenttypes"

            def __str__(self):
                return self.name

        yield Fund


class TestThaiModelForm:
    def test_a_subclass_with_its_own_meta_gets_thai_fields(self, fund):

        class FundForm(ThaiModelForm):
            class Meta:
                model = fund
                fields = ["name", "founded", "members", "balance", "updated"]

        fields = FundForm.base_fields
        assert isinstance(fields["founded"], BEDateField)
        assert isinstance(fields["members"], ThaiIntegerField)
        assert isinstance(fields["balance"], ThaiDecimalField)
        assert type(fields["updated"]) is forms.DateTimeField
        assert type(fields["name"]) is forms.CharField

        form = FundForm(
            data={"name": "กองทุน", "founded": "๑/๑๐/๒๕๖๘", "members": "๑,๒๐๐", "balance": "5,000.5"}
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["founded"] == D(2025, 10, 1)
        assert form.cleaned_data["members"] == 1200
        assert form.cleaned_data["balance"] == Decimal("5000.5")

    def test_model_validators_still_run(self, fund):
        class FundForm(ThaiModelForm):
            class Meta:
                model = fund
                fields = ["village_no"]

        assert isinstance(FundForm.base_fields["village_no"], ThaiIntegerField)
        assert FundForm.base_fields["village_no"].required is False
        assert FundForm(data={"village_no": "๓๐"}).is_valid()
        assert not FundForm(data={"village_no": "๓๑"}).is_valid()
        assert FundForm(data={"village_no": ""}).is_valid()

    def test_a_grandchild_and_modelform_factory_keep_it(self, fund):

        class FundForm(ThaiModelForm):
            class Meta:
                model = fund
                fields = ["founded"]

        class SubForm(FundForm):
            class Meta(FundForm.Meta):
                fields = ["founded", "members"]

        assert isinstance(SubForm.base_fields["members"], ThaiIntegerField)
        factory_form = forms.modelform_factory(fund, form=ThaiModelForm, fields=["founded"])
        assert isinstance(factory_form.base_fields["founded"], BEDateField)

    def test_a_meta_can_opt_out(self, fund):

        class PlainForm(ThaiModelForm):
            class Meta:
                model = fund
                fields = ["founded"]
                formfield_callback = None

        assert type(PlainForm.base_fields["founded"]) is forms.DateField


class TestTemplateFilters:
    def test_dates(self):
        d = D(2025, 8, 13)
        assert thai.be_date(d) == "13 ส.ค. 2568"
        assert thai.be_date_long(d) == "13 สิงหาคม 2568"
        assert thai.be_date_print(d) == "๑๓ สิงหาคม ๒๕๖๘"
        assert thai.fiscal_year(d) == 2568
        assert thai.fiscal_year(D(2025, 10, 1)) == 2569

    @pytest.mark.parametrize(
        "fn", [thai.be_date, thai.be_date_long, thai.be_date_print, thai.fiscal_year]
    )
    @pytest.mark.parametrize("value", [None, "", "not a date"])
    def test_empty_dates(self, fn, value):
        assert fn(value) == ""

    @pytest.mark.parametrize("tz", ["Asia/Bangkok", "UTC"])
    def test_aware_datetimes_are_shown_in_local_time(self, settings, tz):
        settings.TIME_ZONE = "Asia/Bangkok"
        # 17:30 UTC on 30 Sep is already 1 Oct in Thailand: a new fiscal year.
        moment = datetime.datetime(2025, 9, 30, 17, 30, tzinfo=datetime.UTC)
        with timezone.override(tz):
            local_day = "1 ต.ค. 2568" if tz == "Asia/Bangkok" else "30 ก.ย. 2568"
            assert thai.be_date(moment) == local_day
            assert thai.fiscal_year(moment) == (2569 if tz == "Asia/Bangkok" else 2568)

    def test_naive_datetimes_are_taken_as_they_are(self):
        assert thai.be_date(datetime.datetime(2025, 8, 13, 23, 59)) == "13 ส.ค. 2568"  # noqa: DTZ001

    def test_thai_digits(self):
        assert thai.thai_digits(1234) == "๑๒๓๔"
        assert thai.thai_digits("หมู่ 5") == "หมู่ ๕"
        assert thai.thai_digits(None) == ""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (1234.5, "1,234.50"),
            (Decimal("1234567.891"), "1,234,567.89"),
            (Decimal("0.005"), "0.01"),
            (2.675, "2.68"),
            (0, "0.00"),
            (-1500, "-1,500.00"),
            ("1000", "1,000.00"),
            (None, ""),
            ("", ""),
            ("abc", ""),
            (Decimal("NaN"), ""),
        ],
    )
    def test_baht(self, value, expected):
        assert thai.baht(value) == expected

    def test_in_a_template(self):
        template = Template(
            "{% load thai %}{{ d|be_date_print }}|{{ n|baht|thai_digits }}|{{ none|be_date }}"
        )
        out = template.render(Context({"d": D(2025, 8, 13), "n": 1234.5, "none": None}))
        assert out == "๑๓ สิงหาคม ๒๕๖๘|๑,๒๓๔.๕๐|"

    def test_thai_digits_keeps_escaping(self):
        out = Template("{% load thai %}{{ s|thai_digits }}").render(Context({"s": "<b>1</b>"}))
        assert out == "&lt;b&gt;๑&lt;/b&gt;"
