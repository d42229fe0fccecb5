"""Form fields that accept what Thai officers type: BE dates and Thai digits.

Every ModelForm of the project should subclass ``ThaiModelForm`` so that its date and
number fields get these automatically, even when the subclass declares its own Meta.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import ModelFormMetaclass
from django.utils.translation import gettext_lazy as _

from cdfmc.thaitime import BEDateError, format_be_date_input, parse_be_date, to_arabic_digits
from cdfmc.validators import validate_plausible_date

# Thousands separators officers type or paste: comma, spaces (incl. no-break spaces).
_NUMBER_NOISE = str.maketrans("", "", ", \u00a0\u202f\u2009")


class BEDateInput(forms.TextInput):
    """Text box showing a date as "13/08/2568" (BE); a date picker is left to the browser JS."""

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": _("วว/ดด/ปปปป"),
            "inputmode": "numeric",
            "autocomplete": "off",
            "data-be-date": True,
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return format_be_date_input(value)
        return super().format_value(value)


class BEDateField(forms.DateField):
    """A date typed with a Buddhist-Era year, in Arabic or Thai digits."""

    widget = BEDateInput
    default_validators = [validate_plausible_date]
    default_error_messages = {
        "invalid": _("กรุณากรอกวันที่เป็น วว/ดด/ปปปป (พ.ศ.) เช่น 13/08/2568"),
        "invalid_year": _("ปี %(year)s ไม่ใช่ปีพุทธศักราช กรุณากรอกปี พ.ศ. (ค.ศ. + 543) เช่น 13/08/2568"),
        "invalid_date": _("ไม่มีวันที่ %(date)s ในปฏิทิน"),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return parse_be_date(str(value))
        except BEDateError as exc:
            raise ValidationError(
                self.error_messages[exc.code], code=exc.code, params=exc.params
            ) from None


def clean_number_text(value):
    """Thai digits to Arabic and thousands separators removed; non-strings unchanged."""
    if isinstance(value, str):
        return to_arabic_digits(value).translate(_NUMBER_NOISE)
    return value


class _ThaiNumberMixin:
    # A text box, not <input type="number">: browsers refuse Thai digits and commas there.
    widget = forms.TextInput
    inputmode = "decimal"

    def to_python(self, value):
        return super().to_python(clean_number_text(value))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if not isinstance(widget, forms.NumberInput):
            attrs.setdefault("inputmode", self.inputmode)
        return attrs


class ThaiIntegerField(_ThaiNumberMixin, forms.IntegerField):
    inputmode = "numeric"


class ThaiDecimalField(_ThaiNumberMixin, forms.DecimalField):
    pass


class ThaiFloatField(_ThaiNumberMixin, forms.FloatField):
    pass


def _thai_form_class(model_field):
    if isinstance(model_field, models.DateTimeField):
        return None
    if isinstance(model_field, models.DateField):
        return BEDateField
    if isinstance(model_field, models.IntegerField):
        return ThaiIntegerField
    if isinstance(model_field, models.DecimalField):
        return ThaiDecimalField
    if isinstance(model_field, models.FloatField):
        return ThaiFloatField
    return None


def thai_formfield_callback(model_field, **kwargs):
    """ModelForm ``formfield_callback``: Thai-aware fields for dates and numbers.

    The model field still builds the form field, so validators, required, label,
    help_text, max_digits and choices (which win over ``form_class``) are kept.
    An explicit ``form_class`` from Meta.field_classes is respected.
    """
    form_class = _thai_form_class(model_field)
    if form_class is not None and "form_class" not in kwargs:
        kwargs["form_class"] = form_class
    return model_field.formfield(**kwargs)


class ThaiModelFormMetaclass(ModelFormMetaclass):
    """Gives every Meta without its own ``formfield_callback`` the Thai one.

    Django reads ``formfield_callback`` from Meta only, so a subclass that declares a
    fresh Meta would otherwise silently lose it.
    """

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(thai_formfield_callback)
        return super().__new__(mcs, name, bases, attrs)


REQUIRED = _("กรุณากรอกข้อมูลช่องนี้")
_DJANGO_REQUIRED = forms.Field.default_error_messages["required"]


class ThaiFormMixin:
    """The required-field message in natural Thai ("กรุณากรอกข้อมูลช่องนี้"), not Django's
    "ฟิลด์นี้จำเป็น"; a field's own required message is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.error_messages.get("required") is _DJANGO_REQUIRED:
                field.error_messages["required"] = REQUIRED


class ThaiForm(ThaiFormMixin, forms.Form):
    """Base for the project's plain forms."""


class ThaiModelForm(ThaiFormMixin, forms.ModelForm, metaclass=ThaiModelFormMetaclass):
    """Base for the project's ModelForms: BE dates, Thai-digit-tolerant numbers, Thai messages."""

    class Meta:
        formfield_callback = staticmethod(thai_formfield_callback)
