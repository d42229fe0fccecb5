"""Buddhist-Era dates, Thai digits and the Thai fiscal year, as pure functions.

Stored dates are ordinary ``datetime.date`` values; the Buddhist Era (BE = CE + 543)
is only a display and input concern. The fiscal year runs 1 October – 30 September
and is named by the BE year in which it ends (FY2569 = 2025-10-01 .. 2026-09-30).
"""

import datetime
import re
from zoneinfo import ZoneInfo

BE_OFFSET = 543
THAILAND_TZ = ZoneInfo("Asia/Bangkok")
# Plausible BE years for data typed by an officer; a CE year (e.g. 2025) falls below.
MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2700

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

# dd/mm/yyyy with "/", "-" or "." (one separator throughout), or ddmmyyyy as typed on a
# phone's numeric keypad, which has no "/".
_DATE_RE = re.compile(r"^(?P<d>\d{1,2})([/.\-])(?P<m>\d{1,2})\2(?P<y>\d{4})$", re.ASCII)
_COMPACT_DATE_RE = re.compile(r"^(?P<d>\d{2})(?P<m>\d{2})(?P<y>\d{4})$", re.ASCII)


class BEDateError(ValueError):
    """Raised by parse_be_date; ``code`` is "invalid", "invalid_year" or "invalid_date"."""

    def __init__(self, message: str, code: str, **params):
        super().__init__(message)
        self.code = code
        self.params = params


def to_thai_digits(value) -> str:
    """``str(value)`` with 0-9 replaced by ๐-๙."""
    return str(value).translate(_TO_THAI)


def to_arabic_digits(text) -> str:
    """``text`` with ๐-๙ replaced by 0-9; other characters unchanged."""
    return str(text).translate(_TO_ARABIC)


def be_year(d: datetime.date) -> int:
    """The Buddhist-Era year of ``d``."""
    return d.year + BE_OFFSET


def parse_be_date(text: str) -> datetime.date:
    """Parse "วว/ดด/ปปปป" with a BE year ("13/08/2568", "๑๓-๘-๒๕๖๘", "1.8.2568").

    Raises BEDateError (a ValueError) with a Thai message on anything else,
    including a CE year such as 13/08/2025.
    """
    cleaned = to_arabic_digits(text or "").strip()
    if not cleaned:
        raise BEDateError("ไม่ได้กรอกวันที่", "invalid")
    match = _DATE_RE.match(cleaned) or _COMPACT_DATE_RE.match(cleaned)
    if not match:
        raise BEDateError(
            f"รูปแบบวันที่ไม่ถูกต้อง: {text!r} (ต้องเป็น วว/ดด/ปปปป พ.ศ. เช่น 13/08/2568)",
            "invalid",
        )
    day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
    if not MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        message = f"ปี {year} ไม่ใช่ปีพุทธศักราช"
        if 1900 <= year <= 2200:
            message += f" หากหมายถึง ค.ศ. {year} ให้กรอก พ.ศ. {year + BE_OFFSET}"
        raise BEDateError(message, "invalid_year", year=year)
    try:
        return datetime.date(year - BE_OFFSET, month, day)
    except ValueError:
        raise BEDateError(
            f"ไม่มีวันที่ {day}/{month}/{year} ในปฏิทิน", "invalid_date", date=cleaned
        ) from None


def format_be_date(d: datetime.date | None) -> str:
    """Screen style: "13 ส.ค. 2568"."""
    if d is None:
        return ""
    return f"{d.day} {THAI_MONTHS_ABBR[d.month - 1]} {be_year(d)}"


def format_be_date_long(d: datetime.date | None) -> str:
    """Full month name: "13 สิงหาคม 2568"."""
    if d is None:
        return ""
    return f"{d.day} {THAI_MONTHS[d.month - 1]} {be_year(d)}"


def format_be_date_print(d: datetime.date | None) -> str:
    """Printed official forms, Thai digits: "๑๓ สิงหาคม ๒๕๖๘"."""
    return to_thai_digits(format_be_date_long(d))


def format_be_date_input(d: datetime.date | None) -> str:
    """Form input style, the inverse of parse_be_date: "13/08/2568"."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{be_year(d)}"


def fiscal_year(d: datetime.date) -> int:
    """The BE fiscal year containing ``d`` (October starts the next year's FY)."""
    return be_year(d) + (1 if d.month >= 10 else 0)


def fiscal_year_start(fy: int) -> datetime.date:
    """1 October of the CE year before BE fiscal year ``fy`` ends."""
    return datetime.date(fy - BE_OFFSET - 1, 10, 1)


def fiscal_year_end(fy: int) -> datetime.date:
    """30 September on which BE fiscal year ``fy`` ends."""
    return datetime.date(fy - BE_OFFSET, 9, 30)


def fiscal_quarter(d: datetime.date) -> int:
    """Quarter of the fiscal year, 1 = Oct–Dec … 4 = Jul–Sep."""
    return (d.month - 10) % 12 // 3 + 1


def quarter_range(fy: int, q: int) -> tuple[datetime.date, datetime.date]:
    """First and last day (inclusive) of quarter ``q`` of BE fiscal year ``fy``."""
    if q not in (1, 2, 3, 4):
        raise ValueError(f"ไตรมาสต้องเป็น 1-4 ไม่ใช่ {q}")
    first = _quarter_start(fy, q)
    if q == 4:
        return first, fiscal_year_end(fy)
    return first, _quarter_start(fy, q + 1) - datetime.timedelta(days=1)


def _quarter_start(fy: int, q: int) -> datetime.date:
    if q == 1:
        return fiscal_year_start(fy)
    return datetime.date(fy - BE_OFFSET, 3 * q - 5, 1)


def current_fiscal_year(today: datetime.date | None = None) -> int:
    """The fiscal year of ``today``, by default today's date in Thailand."""
    if today is None:
        today = datetime.datetime.now(THAILAND_TZ).date()
    return fiscal_year(today)


# The oldest date a record may carry: BE 2475 (1932), older than any fund or contract.
EARLIEST_PLAUSIBLE = datetime.date(1932, 1, 1)


def plausible_date_range(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """Dates a record may carry: from BE 2475 to the end of the next fiscal year (plans
    and meetings may be set ahead; nothing further ahead is a real date)."""
    return EARLIEST_PLAUSIBLE, fiscal_year_end(current_fiscal_year(today) + 1)
