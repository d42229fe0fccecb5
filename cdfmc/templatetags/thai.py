"""Template filters for Buddhist-Era dates, Thai digits and baht amounts.

Loaded as a builtin (settings TEMPLATES OPTIONS), or with ``{% load thai %}``.
Empty values render as "" so templates need no ``{% if %}`` around them.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import timezone

from cdfmc import thaitime

register = template.Library()


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


@register.filter
def be_date(value) -> str:
    """13 ส.ค. 2568"""
    return thaitime.format_be_date(_as_date(value))


@register.filter
def be_date_long(value) -> str:
    """13 สิงหาคม 2568"""
    return thaitime.format_be_date_long(_as_date(value))


@register.filter
def be_date_print(value) -> str:
    """๑๓ สิงหาคม ๒๕๖๘ (printed forms)"""
    return thaitime.format_be_date_print(_as_date(value))


@register.filter(is_safe=True)
def thai_digits(value) -> str:
    """Any value with 0-9 written as ๐-๙; digits never need escaping, so safety is kept."""
    if value is None:
        return ""
    return thaitime.to_thai_digits(value)


@register.filter
def fiscal_year(value) -> int | str:
    """The BE fiscal year of a date, e.g. 2569 for 2025-10-01."""
    d = _as_date(value)
    return "" if d is None else thaitime.fiscal_year(d)


@register.filter
def baht(value) -> str:
    """1234.5 -> "1,234.50" (half-up rounding to satang); "" for empty or non-numbers."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, TypeError):
        return ""
    if not amount.is_finite():
        return ""
    return f"{amount:,.2f}"


@register.filter
def report_cell(value) -> str:
    """A report value on screen: amounts with thousands separators, whole numbers with
    commas, text as it is. The xlsx keeps the raw numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return baht(value)
    return value


@register.filter
def is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)
