"""The target register of a province (DOMAIN §7.2) and head office's national sheet."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q

from cdfmc.collation import thai_sort_key
from cdfmc.exports.base import Cell, ProvinceField, Report, Table
from cdfmc.exports.registry import register
from cdfmc.formfields import ThaiForm, ThaiIntegerField
from cdfmc.geo.models import Province
from cdfmc.thaitime import to_thai_digits
from newcentres import rules
from newcentres.access import can_manage_rounds
from newcentres.models import (
    ACTIVE_STATUSES,
    SELECTED_STATUSES,
    Nomination,
    NominationQuerySet,
    NominationStatus,
    Quota,
    Round,
)

REGISTER_TITLE = "แบบรายงานทะเบียนเป้าหมายการจัดตั้งศูนย์จัดการกองทุนชุมชน ประจำปีงบประมาณ พ.ศ. {fy}"
NO_GROUP = "ไม่ได้ระบุกลุ่มจังหวัด"


def round_for_year(fiscal_year: int | None) -> Round | None:
    rounds = Round.objects.all()
    if fiscal_year:
        return rounds.filter(fiscal_year=fiscal_year).first()
    return rounds.first()


# --- the round's summary: quota, nominated, selected per province and per group -------------


@dataclass
class Counts:
    quota: int = 0
    nominated: int = 0
    selected: int = 0
    established: int = 0

    def add(self, other: "Counts") -> None:
        self.quota += other.quota
        self.nominated += other.nominated
        self.selected += other.selected
        self.established += other.established

    def values(self) -> list[int]:
        return [self.quota, self.nominated, self.selected, self.established]


@dataclass
class ProvinceLine:
    province: Province
    counts: Counts


@dataclass
class GroupLine:
    name: str
    lines: list[ProvinceLine] = field(default_factory=list)
    totals: Counts = field(default_factory=Counts)


@dataclass
class Summary:
    round: Round
    groups: list[GroupLine]
    totals: Counts


def round_summary(round_: Round, provinces: list[str] | None = None) -> Summary:
    """Three queries whatever the number of provinces or nominations."""
    quotas = {
        q.province_id: q
        for q in Quota.objects.filter(round=round_).select_related("province__group")
    }
    counted = (
        Nomination.objects.filter(screening__round=round_)
        .values(code=F(NominationQuerySet.province_path))
        .annotate(
            nominated=Count("pk", filter=Q(status__in=ACTIVE_STATUSES)),
            selected=Count("pk", filter=Q(status__in=SELECTED_STATUSES)),
            established=Count("pk", filter=Q(status=NominationStatus.ESTABLISHED)),
        )
    )
    counts = {row["code"]: row for row in counted}
    codes = set(quotas) | set(counts)
    if provinces is not None:
        codes &= set(provinces)
    missing = codes - set(quotas)
    extra = {p.code: p for p in Province.objects.filter(code__in=missing).select_related("group")}
    groups: dict[tuple, GroupLine] = {}
    totals = Counts()
    for code in codes:
        province = quotas[code].province if code in quotas else extra[code]
        row = counts.get(code, {})
        line_counts = Counts(
            quota=quotas[code].quota if code in quotas else 0,
            nominated=row.get("nominated", 0),
            selected=row.get("selected", 0),
            established=row.get("established", 0),
        )
        group = province.group
        key = (group.order, group.name) if group else (10**6, NO_GROUP)
        line = groups.setdefault(key, GroupLine(name=key[1]))
        line.lines.append(ProvinceLine(province, line_counts))
        line.totals.add(line_counts)
        totals.add(line_counts)
    ordered = [groups[key] for key in sorted(groups, key=lambda k: (k[0], thai_sort_key(k[1])))]
    for group in ordered:
        group.lines.sort(key=lambda line: thai_sort_key(line.province.name_th))
    return Summary(round=round_, groups=ordered, totals=totals)


# --- the province's target register ----------------------------------------------------------


class RegisterForm(ThaiForm):
    province = ProvinceField(required=False)
    fy = ThaiIntegerField(label="ปีงบประมาณ (พ.ศ.)", required=False, min_value=2551)


CRITERIA_HEADER = [Cell(rules.CRITERION_SHORT[key]) for key in rules.CRITERIA]
REGISTER_COLUMNS = [
    "ที่",
    "อำเภอ",
    "ตำบล",
    "หมู่ที่",
    "ชื่อหมู่บ้าน",
    "กลุ่มแกนหลัก",
    "กลุ่ม/กองทุนที่สมัครใจเข้าร่วม",
    "จำนวนครัวเรือนเป้าหมาย",
]
REGISTER_WIDTHS = [5, 14, 14, 7, 20, 28, 40, 12, *([5] * len(rules.CRITERIA)), 26, 30]


@register
class TargetRegister(Report):
    identifier = "target-register"
    title = "ทะเบียนเป้าหมายการจัดตั้งศูนย์จัดการกองทุนชุมชน"
    form_class = RegisterForm

    def province(self) -> Province | None:
        province = self.params.get("province")
        if province is None and self.user is not None and self.user.province_id:
            province = Province.objects.filter(code=self.user.province_id).first()
        return province

    def tables(self) -> list[Table]:
        round_ = round_for_year(self.params.get("fy"))
        province = self.province()
        if round_ is None or province is None:
            return []
        quota = Quota.objects.filter(round=round_, province=province).first()
        nominations = (
            self.scoped(Nomination.objects.with_details())
            .filter(screening__round=round_)
            .in_province(province.code)
            .in_priority_order()
        )
        selected = [n for n in nominations if n.is_selected]
        active = [n for n in nominations if n.status in ACTIVE_STATUSES]
        heading = [
            REGISTER_TITLE.format(fy=to_thai_digits(round_.fiscal_year)),
            _counts_line(province, quota.quota if quota else 0, len(active), len(selected)),
        ]
        return [
            self._table("หมู่บ้านที่คัดเลือก", [*heading, "หมู่บ้านที่จังหวัดคัดเลือก"], selected),
            self._table("หมู่บ้านที่อำเภอเสนอ", [*heading, "หมู่บ้านที่อำเภอเสนอทั้งหมด"], nominations),
        ]

    def _table(self, sheet_name, title_lines, nominations) -> Table:
        header = [
            [Cell(text, rowspan=2) for text in REGISTER_COLUMNS]
            + [Cell("หลักเกณฑ์ที่ผ่าน", colspan=len(rules.CRITERIA))]
            + [Cell("เจ้าหน้าที่ผู้ประสานงานและโทรศัพท์", rowspan=2), Cell("หมายเหตุ", rowspan=2)],
            CRITERIA_HEADER,
        ]
        rows = [self._row(number, n) for number, n in enumerate(nominations, start=1)]
        return Table(sheet_name, title_lines, header, rows, REGISTER_WIDTHS)

    @staticmethod
    def _row(number: int, nomination: Nomination) -> list:
        screening = nomination.screening
        village = screening.village
        met = set(screening.evaluation.met_keys)
        return [
            number,
            village.subdistrict.district.name_th,
            village.subdistrict.name_th,
            village.number,
            village.name,
            screening.core_label,
            screening.willing_names(),
            screening.target_households,
            *["✓" if key in met else "" for key in rules.CRITERIA],
            screening.coordinator_line(),
            _remark(nomination),
        ]

    def filename(self) -> str:
        province = self.province()
        code = province.code if province else "all"
        return f"target-register-{code}-{self.params.get('fy') or 'latest'}.xlsx"


def _counts_line(province, quota: int, nominated: int, selected: int) -> str:
    return to_thai_digits(
        f"จังหวัด{province.name_th} ได้รับจัดสรร {quota} แห่ง · "
        f"อำเภอเสนอ {nominated} แห่ง · คัดเลือก {selected} แห่ง"
    )


def _remark(nomination: Nomination) -> str:
    parts = [str(nomination.get_status_display())]
    if nomination.centre_id:
        parts.append(nomination.centre.name)
    if nomination.comment:
        parts.append(f"ความเห็นจังหวัด: {nomination.comment}")
    if nomination.screening.remarks:
        parts.append(nomination.screening.remarks)
    return "; ".join(parts)


# --- head office's national sheet -----------------------------------------------------------


class NationalForm(ThaiForm):
    fy = ThaiIntegerField(label="ปีงบประมาณ (พ.ศ.)", required=False, min_value=2551)


NATIONAL_COLUMNS = [
    "ที่",
    "กลุ่มจังหวัด",
    "จังหวัด",
    "ได้รับจัดสรร (แห่ง)",
    "อำเภอเสนอ (แห่ง)",
    "จังหวัดคัดเลือก (แห่ง)",
    "จัดตั้งแล้ว (แห่ง)",
]


@register
class NationalTargetRegister(Report):
    identifier = "target-register-national"
    title = "สรุปทะเบียนเป้าหมายการจัดตั้งศูนย์จัดการกองทุนชุมชน ทั้งประเทศ"
    form_class = NationalForm

    def check_access(self):
        if self.user is not None and not can_manage_rounds(self.user):
            raise PermissionDenied

    def tables(self) -> list[Table]:
        round_ = round_for_year(self.params.get("fy"))
        if round_ is None:
            return []
        summary = round_summary(round_)
        rows, number = [], 0
        for group in summary.groups:
            for line in group.lines:
                number += 1
                rows.append([number, group.name, line.province.name_th, *line.counts.values()])
            rows.append(["", f"รวม{group.name}", "", *group.totals.values()])
        footer = [["", "รวมทั้งประเทศ", "", *summary.totals.values()]]
        title = [
            REGISTER_TITLE.format(fy=to_thai_digits(round_.fiscal_year)),
            "สรุปรายจังหวัด เป้าหมายทั้งประเทศ {n} แห่ง".format(
                n=to_thai_digits(f"{round_.national_total:,}")
            ),
        ]
        header = [[Cell(text) for text in NATIONAL_COLUMNS]]
        return [Table("ทั้งประเทศ", title, header, rows, [5, 40, 18, 14, 14, 14, 14], footer)]

    def filename(self) -> str:
        return f"target-register-national-{self.params.get('fy') or 'latest'}.xlsx"
