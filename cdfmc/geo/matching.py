"""Match place names as officers type them to the official geography.

Registers say "เมืองฯ" for อำเภอเมือง<จังหวัด>, drop or add prefixes (อ. ต. อำเภอ ตำบล), and
carry scanning slips ("แก้งไก่อ" for แก้งไก่). A name matches exactly after normalising, or
else to the single official name within a small edit distance; anything ambiguous is
reported, never guessed.
"""

import difflib
import re
from dataclasses import dataclass

from cdfmc.thaitime import to_arabic_digits

PREFIXES = ("จังหวัด", "อำเภอ", "ตำบล", "กิ่งอำเภอ", "จ.", "อ.", "ต.")
CLOSE_ENOUGH = 0.8


def normalise(name: str) -> str:
    text = to_arabic_digits(name or "").strip()
    for prefix in PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return re.sub(r"\s+", "", text)


def expand_capital_district(name: str, province_name: str) -> str:
    """ "เมืองฯ", "เมือง" → "เมืองหนองคาย" for the capital district of the province."""
    text = normalise(name)
    if text in {"เมืองฯ", "เมือง"}:
        return f"เมือง{province_name}"
    return text


@dataclass(frozen=True)
class NameMatch:
    value: object | None
    exact: bool
    reason: str = ""


def match_name(typed: str, candidates: dict[str, object], what: str) -> NameMatch:
    """Pick the candidate whose name is `typed`, tolerating one small slip."""
    key = normalise(typed)
    if key in candidates:
        return NameMatch(candidates[key], exact=True)
    close = difflib.get_close_matches(key, list(candidates), n=2, cutoff=CLOSE_ENOUGH)
    if len(close) == 1:
        return NameMatch(candidates[close[0]], exact=False, reason=f"{typed} → {close[0]}")
    if len(close) > 1:
        return NameMatch(None, False, f"{what} “{typed}” ใกล้เคียงหลายชื่อ: {', '.join(close)}")
    return NameMatch(None, False, f"ไม่พบ{what} “{typed}”")


@dataclass(frozen=True)
class PlaceMatch:
    subdistrict: object | None
    notes: tuple[str, ...] = ()
    error: str = ""


class PlaceMatcher:
    """Matches (subdistrict, district, province) names; loads each province's names once."""

    def __init__(self):
        self._provinces = None
        self._districts: dict[str, dict] = {}
        self._subdistricts: dict[str, dict] = {}

    def match(self, subdistrict: str, district: str, province: str) -> PlaceMatch:
        from cdfmc.geo.models import District, Province, Subdistrict

        if self._provinces is None:
            self._provinces = {normalise(p.name_th): p for p in Province.objects.all()}
        found = match_name(province, self._provinces, "จังหวัด")
        if found.value is None:
            return PlaceMatch(None, error=found.reason)
        prov = found.value
        notes = [found.reason] if found.reason else []
        if prov.code not in self._districts:
            self._districts[prov.code] = {
                normalise(d.name_th): d for d in District.objects.filter(province=prov)
            }
        found = match_name(
            expand_capital_district(district, prov.name_th), self._districts[prov.code], "อำเภอ"
        )
        if found.value is None:
            return PlaceMatch(None, error=found.reason)
        dist = found.value
        notes += [found.reason] if found.reason else []
        if dist.code not in self._subdistricts:
            rows = Subdistrict.objects.filter(district=dist).select_related("district__province")
            self._subdistricts[dist.code] = {normalise(s.name_th): s for s in rows}
        found = match_name(subdistrict, self._subdistricts[dist.code], "ตำบล")
        if found.value is None:
            return PlaceMatch(None, error=f"{found.reason} ในอำเภอ{dist.name_th}")
        notes += [found.reason] if found.reason else []
        return PlaceMatch(found.value, tuple(notes))
