"""The shape of the national data set: sizes at scale 1 and the distributions each family
draws from, in one place so they can be changed without a hunt."""

import calendar
import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from cdfmc.thaitime import fiscal_year, fiscal_year_start

VERSION = 2  # bump when the same seed would give different data
DEFAULT_AS_OF = datetime.date(2026, 9, 30)  # the last day of FY2569: a whole year of data
BANGKOK = "10"  # CDD works in the 76 other provinces

# Scale 1: the national figures (76 provinces, ~75,000 villages, ~2,000 centres,
# ~100,000 households, ~300,000 contracts).
CENTRES = 2000
HOUSEHOLDS = 100_000
VILLAGES_PER_SUBDISTRICT = (10.3, 4.0, 3, 25)  # mean, sd, min, max: 7,256 × 10.3 ≈ 75,000
HOUSEHOLD_WEIGHT_SIGMA = 0.5  # households per centre vary lognormally around the mean
MIN_HOUSEHOLDS = 12
PEOPLE_PER_HOUSEHOLD = {1: 15, 2: 30, 3: 28, 4: 17, 5: 10}
CONTRACTS_PER_HOUSEHOLD = {1: 12, 2: 22, 3: 30, 4: 22, 5: 14}  # mean 3.04
DEBTOR_CLASSES = {"normal": 60, "relief": 15, "defaulted": 14, "litigation": 4, "": 7}
ACTIVITY_SHARE = 0.15  # centres in "สำนึกดี แผนดี บริหารหนี้ได้" (300 of 2,000)
BALANCE_YEARS = 2  # monthly balances over the last two fiscal years
RECORD_YEARS = 3  # meetings, trainings, visits and plans over the last three
SCREENINGS_PER_PROVINCE = 8  # villages screened for the next year's new centres, at scale 1
QUOTA_PER_PROVINCE = 4

# Centres established per BE year (DOMAIN §1: 924 in 2551–2560, 107 a year 2563–2565,
# 400 in 2566), and some each year since.
ESTABLISHED_YEARS = {
    **{year: 4.5 for year in range(2551, 2561)},
    2563: 5,
    2564: 5,
    2565: 5,
    2566: 20,
    2567: 7,
    2568: 7,
    2569: 6,
}
MODEL_CENTRE_SHARE = 0.04  # 81 of ~1,645

# Creditors households owe: kind -> (share of contracts, principal range and step,
# rate range in % a year, term range in months).
LENDING = {
    "member_fund": (50, (5_000, 60_000, 1_000), (3, 12), (12, 60)),
    "bank": (25, (20_000, 300_000, 5_000), (5, 9), (36, 120)),
    "cooperative": (10, (10_000, 150_000, 1_000), (6, 12), (24, 84)),
    "other_fund": (5, (5_000, 50_000, 1_000), (0, 6), (12, 36)),
    "informal": (10, (3_000, 50_000, 1_000), (20, 120), (3, 24)),
}
# Monthly chance of paying the instalment, by debtor class.
PAYING = {"normal": 0.96, "relief": 0.75, "defaulted": 0.35, "litigation": 0.05, "": 0.85}


@dataclass
class Plan:
    scale: float
    seed: int
    as_of: datetime.date = DEFAULT_AS_OF
    fy: int = field(init=False)

    def __post_init__(self):
        self.fy = fiscal_year(self.as_of)

    def rng(self, *keys) -> random.Random:
        """A generator of its own for each family and record (a village code, a centre),
        so that changing one family leaves the others' data as it was."""
        return random.Random("/".join(str(k) for k in (self.seed, *keys)))  # noqa: S311

    @property
    def balance_start(self) -> datetime.date:
        return fiscal_year_start(self.fy - BALANCE_YEARS + 1)

    @property
    def record_years(self) -> list[int]:
        return list(range(self.fy - RECORD_YEARS + 1, self.fy + 1))


def weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def month_ends(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The last days of the months from `first`'s month to `last` (both included)."""
    out = []
    year, month = first.year, first.month
    while (end := month_end(year, month)) <= last:
        out.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def add_months(d: datetime.date, months: int) -> datetime.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def baht(value: float) -> Decimal:
    return Decimal(max(0, round(value)))


def day_in(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))
