"""The provincial ranking (DOMAIN.md §6): pure, over plain totals.

Order by total; ties broken by area 3, then area 2, then area 1, then indicator 3.2.
Entries still equal on all of these share a rank ("1, 2, 2, 4"); they are never ordered
silently — within a tie the input order is kept, and `tied` says so.
"""

from dataclasses import dataclass
from decimal import Decimal

# The declared tie-break order, in one place.
TIE_BREAKS = ("area_3", "area_2", "area_1", "indicator_3_2")


@dataclass(frozen=True)
class Entry:
    key: object
    total: Decimal
    area_1: Decimal = Decimal(0)
    area_2: Decimal = Decimal(0)
    area_3: Decimal = Decimal(0)
    indicator_3_2: Decimal = Decimal(0)

    def sort_key(self) -> tuple:
        return (self.total, *(getattr(self, name) for name in TIE_BREAKS))


@dataclass(frozen=True)
class Ranked:
    rank: int
    entry: Entry
    tied: bool


def rank(entries: list[Entry]) -> list[Ranked]:
    ordered = sorted(entries, key=lambda e: e.sort_key(), reverse=True)
    keys = [e.sort_key() for e in ordered]
    result = []
    for index, entry in enumerate(ordered):
        first = keys.index(keys[index])
        tied = keys.count(keys[index]) > 1
        result.append(Ranked(rank=first + 1, entry=entry, tied=tied))
    return result
