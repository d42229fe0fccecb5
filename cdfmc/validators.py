"""Validators shared by model fields and form fields (the same check for forms and imports)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cdfmc.thaitime import format_be_date, plausible_date_range


def validate_plausible_date(value):
    """A date between BE 2475 and the end of the next fiscal year (e.g. not BE 2650)."""
    if value is None:
        return
    earliest, latest = plausible_date_range()
    if not earliest <= value <= latest:
        raise ValidationError(
            _("วันที่ %(date)s อยู่นอกช่วงที่เป็นไปได้ (ต้องอยู่ระหว่าง %(earliest)s ถึง %(latest)s)"),
            code="implausible_date",
            params={
                "date": format_be_date(value),
                "earliest": format_be_date(earliest),
                "latest": format_be_date(latest),
            },
        )


PLAUSIBLE_DATE = [validate_plausible_date]
