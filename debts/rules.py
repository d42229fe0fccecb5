"""The debt rules as pure functions over plain values (no database).

Citizen-ID checks and masking, the legal maximum interest rate, a household's outcome,
a fund's overdue rate, "one household one contract" and the six-step progress strip.
The numbers the rules depend on are named here so they can be changed in one place.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from cdfmc.thaitime import to_arabic_digits

# Civil and Commercial Code s.654: lenders that are not financial institutions may not
# charge more than 15% a year (DOMAIN §4.3).
LEGAL_MAX_RATE = Decimal("15")
# A new centre brings at least this many target households into the activity (§4.2).
MIN_TARGET_HOUSEHOLDS = 30

_ID_NOISE = re.compile(r"[\s\-]")


# Citizen IDs ---------------------------------------------------------------------------


def normalize_citizen_id(text) -> str:
    """Arabic digits only: "๑-๑๐๒๐-๐๐๐๐๐-๕๖-๒" → "1102000000562" (other characters kept)."""
    return _ID_NOISE.sub("", to_arabic_digits(str(text or "")).strip())


def citizen_id_check_digit(first12: str) -> int:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


def citizen_id_is_valid(digits: str) -> bool:
    """13 digits whose last is the check digit of the first 12."""
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        return False
    return citizen_id_check_digit(digits[:12]) == int(digits[12])


def format_citizen_id(digits: str) -> str:
    """1-1020-00000-56-2"""
    if len(digits) != 13:
        return digits
    return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"


def mask_citizen_id(digits: str) -> str:
    """1-1020-xxxxx-56-2: the middle five digits hidden, as lists and exports show it."""
    if len(digits) != 13:
        return "x" * len(digits or "")
    return f"{digits[0]}-{digits[1:5]}-xxxxx-{digits[10:12]}-{digits[12]}"


# House and contract numbers ------------------------------------------------------------------

_NUMBER_RUN = re.compile(r"\d+")
SORT_DIGITS = 8


def clean_number(text) -> str:
    """A house or contract number as stored: Arabic digits, spaces trimmed ("๔๕/๒" → "45/2")."""
    return " ".join(to_arabic_digits(str(text or "")).split())


def house_number_sort_key(text) -> str:
    """A key that sorts house numbers as people read them: 2, 10/1, 13, 100/3.

    Every run of digits is zero-padded, so plain text order (in the database too) is
    numeric order part by part.
    """
    return _NUMBER_RUN.sub(lambda m: m.group().zfill(SORT_DIGITS), clean_number(text))


# Interest --------------------------------------------------------------------------------


def rate_exceeds_legal_max(rate, *, financial_institution: bool) -> bool:
    """Whether a rate (% a year) is above what this kind of lender may charge."""
    if rate is None or financial_institution:
        return False
    return Decimal(str(rate)) > LEGAL_MAX_RATE


# Outcomes ----------------------------------------------------------------------------------

REDUCED = "reduced"
DEBT_FREE = "debt_free"
NOT_REDUCED = "not_reduced"
NO_BASELINE = "no_baseline"


def classify_outcome(baseline, current) -> str:
    """A target household's outcome (DOMAIN §4.4), debt-free and reduced kept apart."""
    if baseline is None or Decimal(baseline) <= 0:
        return NO_BASELINE
    current = Decimal(current or 0)
    if current <= 0:
        return DEBT_FREE
    if current < Decimal(baseline):
        return REDUCED
    return NOT_REDUCED


def percent(part, whole) -> Decimal:
    """part / whole × 100 to one decimal place; 0 when whole is 0."""
    if not whole:
        return Decimal("0")
    value = Decimal(part) * 100 / Decimal(whole)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def overdue_rate(overdue, outstanding) -> Decimal | None:
    """A fund's overdue principal / outstanding principal in percent; None without debt."""
    if not outstanding:
        return None
    value = Decimal(overdue or 0) * 100 / Decimal(outstanding)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# One household one contract ------------------------------------------------------------------

NO_CONTRACT = "none"
ONE_CONTRACT = "one"
MANY_CONTRACTS = "many"


def one_contract_status(open_contracts: int) -> str:
    if open_contracts <= 0:
        return NO_CONTRACT
    return ONE_CONTRACT if open_contracts == 1 else MANY_CONTRACTS


# The six steps (DOMAIN §4.1) --------------------------------------------------------------------

DONE = "done"
IN_PROGRESS = "in_progress"
NOT_STARTED = "not_started"

STEP_TITLES = (
    _("สำรวจและจัดทำฐานข้อมูลลูกหนี้"),
    _("วิเคราะห์และจำแนกลูกหนี้"),
    _("พบปะเจรจาไกล่เกลี่ย"),
    _("บริหารจัดการหนี้ (ปรับโครงสร้างหนี้)"),
    _("สนับสนุนครัวเรือนเป้าหมาย"),
    _("ติดตามผล"),
)


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    state: str
    detail: str


def _state(done: int, of: int) -> str:
    if of <= 0 or done <= 0:
        return NOT_STARTED
    return DONE if done >= of else IN_PROGRESS


def six_steps(
    *,
    debtors: int,
    classified: int,
    targets: int,
    restructured: int,
    supported: int,
    followed_up: int,
) -> list[Step]:
    """Each step's state from counts the data holds.

    1 done once the debtor database has debtors; 2 when every debtor is classified;
    3 when the committee has taken on at least the minimum of target households;
    4 when every target household has a restructuring; 5 when every target household has
    a support record (income/expense records or a debt-payoff savings balance); 6 when
    every target household has a balance recorded after it became a target.
    """
    states = [
        (DONE if debtors > 0 else NOT_STARTED, f"{debtors}"),
        (_state(classified, debtors), f"{classified}/{debtors}"),
        (_state(targets, MIN_TARGET_HOUSEHOLDS), f"{targets}/{MIN_TARGET_HOUSEHOLDS}"),
        (_state(restructured, targets), f"{restructured}/{targets}"),
        (_state(supported, targets), f"{supported}/{targets}"),
        (_state(followed_up, targets), f"{followed_up}/{targets}"),
    ]
    return [
        Step(number, title, state, detail)
        for number, (title, (state, detail)) in enumerate(zip(STEP_TITLES, states, strict=True), 1)
    ]
