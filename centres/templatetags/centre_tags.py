from django import template

from centres.indicators import INDICATOR_TITLES

register = template.Library()


@register.filter
def phone(value: str) -> str:
    """0812345678 -> 081-234-5678; 042123456 -> 042-123-456."""
    if not value or not value.isdigit():
        return value or ""
    if len(value) in (9, 10):
        return f"{value[:3]}-{value[3:6]}-{value[6:]}"
    return value


@register.filter
def indicator_title(code: str) -> str:
    return str(INDICATOR_TITLES.get(code, ""))
