"""What the families of the generator share: the plan, the writer and what earlier
families made (ids and the few facts later ones need), so no family reads back rows."""

import datetime
from dataclasses import dataclass, field

from cdfmc.national.plan import Plan
from cdfmc.national.writer import BulkWriter


@dataclass
class VillageInfo:
    id: int
    subdistrict: str
    number: int
    name: str

    @property
    def district(self) -> str:
        return self.subdistrict[:4]

    @property
    def province(self) -> str:
        return self.subdistrict[:2]

    @property
    def code(self) -> str:
        return f"{self.subdistrict}{self.number:02d}"


@dataclass
class CentreInfo:
    id: int
    village: VillageInfo
    name: str
    status: str
    level: int | None
    established_on: datetime.date
    quality: float  # 0..1: how well the centre is run; records and scores follow it
    fund_creditors: list[int] = field(default_factory=list)  # financial member funds
    funds: list[tuple[str, str, int, int]] = field(default_factory=list)  # kind, name, id, members
    committee_meetings: list[tuple[int, datetime.date]] = field(default_factory=list)
    in_activity: bool = False


@dataclass
class Context:
    plan: Plan
    writer: BulkWriter
    villages: list[VillageInfo] = field(default_factory=list)
    district_names: dict[str, str] = field(default_factory=dict)
    district_users: dict[str, int] = field(default_factory=dict)
    province_users: dict[str, int] = field(default_factory=dict)
    head_office_users: list[int] = field(default_factory=list)
    centres: list[CentreInfo] = field(default_factory=list)

    def villages_by_subdistrict(self) -> dict[str, list[VillageInfo]]:
        out: dict[str, list[VillageInfo]] = {}
        for village in self.villages:
            out.setdefault(village.subdistrict, []).append(village)
        return out
