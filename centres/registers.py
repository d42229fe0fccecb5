"""Importing a provincial centre register (the sheet of seed 001, attachment 2).

Three steps, so that nothing is written before a person has seen what will change:
`read_xlsx` / `parse_register` turn a sheet into `RegisterRow`s (plain values that can
sit in a session), `plan_import` matches each row to the official geography and to the
villages and centres already recorded (queries only), and `register_import` applies a
plan in one transaction, refusing it whole when any row has an error.

Blank cells never erase what is recorded: a register without remarks keeps a centre's
remarks and its model-centre year.
"""

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from cdfmc.access import can_edit_area
from cdfmc.geo.matching import PlaceMatcher, normalise
from cdfmc.geo.models import Province, Village
from cdfmc.thaitime import to_arabic_digits, to_thai_digits
from centres.models import Centre, CentreStatus

MAX_ROWS = 5000
VILLAGE_NAME_MAX = Village._meta.get_field("name").max_length
CENTRE_PREFIX = re.compile(r"^ศูนย์จัดการกองทุน(ชุมชน)?")
MODEL_REMARK = re.compile(r"(ศจก\.?\s*)?ต้นแบบ\s*(ปี\s*)?(พ\.ศ\.\s*)?(?P<year>\d{4})")
VILLAGE_NO_PREFIX = re.compile(r"^\s*(หมู่\s*ที่|หมู่|ม\.)\s*")
PROVINCE_IN_TITLE = re.compile(r"จังหวัด\s*(?P<name>\S+)")

# Header texts (spaces removed) → column key. Checked in order: "หมู่ที่" before "ที่".
HEADER_KEYS = [
    ("name", lambda t: "ชื่อศูนย์" in t),
    ("village_no", lambda t: t.startswith("หมู่")),
    ("number", lambda t: t in {"ที่", "ลำดับ", "ลำดับที่"}),
    ("subdistrict", lambda t: t in {"ตำบล", "ต."}),
    ("district", lambda t: t in {"อำเภอ", "อ."}),
    ("province", lambda t: t in {"จังหวัด", "จ."}),
    ("level", lambda t: "จัดระดับ" in t or "ผลการประเมิน" in t or t == "ระดับ"),
    ("remarks", lambda t: "หมายเหตุ" in t),
]
REQUIRED = {"name": "ชื่อศูนย์จัดการกองทุนชุมชน", "village_no": "หมู่ที่", "subdistrict": "ตำบล"}
REQUIRED_WITH_DISTRICT = {**REQUIRED, "district": "อำเภอ"}


class RegisterFileError(ValueError):
    """The file is not a register sheet at all (no header, not xlsx)."""


@dataclass
class RegisterRow:
    """One data row as typed, with the sheet's row number for messages."""

    line: int
    name: str
    village_no: str
    subdistrict: str
    district: str
    province: str
    level: str = ""
    remarks: str = ""
    number: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_xlsx(file) -> list[list[str]]:
    """The cell texts of the first sheet of an xlsx file (path, bytes or file object)."""
    from openpyxl import load_workbook

    if isinstance(file, bytes):
        file = io.BytesIO(file)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise RegisterFileError(_("อ่านไฟล์ไม่ได้ ต้องเป็นไฟล์ Excel (.xlsx)")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([cell_text(v) for v in values])
            if len(rows) > MAX_ROWS:
                raise RegisterFileError(_("ไฟล์ยาวเกิน %(n)s แถว") % {"n": MAX_ROWS})
        return rows
    finally:
        workbook.close()


def _find_header(rows: list[list[str]]) -> tuple[dict[str, int], int, int]:
    """Column of each key, the header's row index and the first data row's, found by texts."""
    for index, row in enumerate(rows):
        if not any("ชื่อศูนย์" in _key(text) for text in row):
            continue
        columns: dict[str, int] = {}
        last = index
        # The header may take two rows ("ที่ตั้ง" above หมู่ที่ ตำบล อำเภอ จังหวัด).
        for offset, header in enumerate(rows[index : index + 2]):
            found = _header_columns(header, columns)
            # A second row is header only if it names columns of its own, not a data row.
            if found and (offset == 0 or len(found) >= 2):
                columns.update(found)
                last = index + offset
        return columns, index, last + 1
    raise RegisterFileError(_("ไม่พบแถวหัวตาราง (ต้องมีคอลัมน์ “ชื่อศูนย์จัดการกองทุนชุมชน”)"))


def _header_columns(header: list[str], known: dict[str, int]) -> dict[str, int]:
    found = {}
    for col, text in enumerate(header):
        key_text = _key(text)
        for key, test in HEADER_KEYS:
            if key not in known and key not in found and key_text and test(key_text):
                found[key] = col
                break
    return found


def parse_register(rows: Sequence[Sequence]) -> list[RegisterRow]:
    """The data rows of a register sheet given as rows of cells (xlsx, tsv)."""
    rows = [[cell_text(v) for v in row] for row in rows]
    columns, header_at, first = _find_header(rows)
    title_province = _province_from_title(rows[:header_at])
    required = REQUIRED_WITH_DISTRICT
    missing = [label for key, label in required.items() if key not in columns]
    if "province" not in columns and not title_province:
        missing.append("จังหวัด")
    if missing:
        raise RegisterFileError(_("ไม่พบคอลัมน์: %(cols)s") % {"cols": ", ".join(missing)})

    def get(row, key):
        col = columns.get(key)
        return row[col] if col is not None and col < len(row) else ""

    parsed = []
    for index in range(first, len(rows)):
        row = rows[index]
        if not any(get(row, key) for key in REQUIRED_WITH_DISTRICT):
            continue  # blank lines, totals and signatures under the table
        parsed.append(
            RegisterRow(
                line=index + 1,
                number=get(row, "number"),
                name=get(row, "name"),
                village_no=get(row, "village_no"),
                subdistrict=get(row, "subdistrict"),
                district=get(row, "district"),
                province=get(row, "province") or title_province,
                level=get(row, "level"),
                remarks=get(row, "remarks"),
            )
        )
    return parsed


def _province_from_title(rows) -> str:
    for row in rows:
        for text in row:
            match = PROVINCE_IN_TITLE.search(text)
            if match:
                return match["name"]
    return ""


def village_name_from(centre_name: str) -> str:
    """ "ศูนย์จัดการกองทุนชุมชนบ้านคำปะกั้ง" → "บ้านคำปะกั้ง"."""
    return CENTRE_PREFIX.sub("", centre_name).strip() or centre_name


def parse_remarks(text: str) -> tuple[int | None, str]:
    """(model-centre BE year, the rest of the remarks) from "ศจก.ต้นแบบ ปี ๒๕๖๑ …"."""
    arabic = to_arabic_digits(text)
    match = MODEL_REMARK.search(arabic)
    if not match:
        return None, text.strip()
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,;")
    return int(match["year"]), rest


# -- planning ---------------------------------------------------------------------------

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"
ACTION_LABELS = {
    NEW: gettext_lazy("ศูนย์ใหม่"),
    CHANGED: pgettext_lazy("register import", "แก้ไข"),
    UNCHANGED: gettext_lazy("ไม่เปลี่ยนแปลง"),
    ERROR: gettext_lazy("นำเข้าไม่ได้"),
}


@dataclass
class Change:
    label: str
    old: str
    new: str

    def __str__(self):
        return f"{self.label}: {self.old or '-'} → {self.new or '-'}"


@dataclass
class RowPlan:
    row: RegisterRow
    action: str = ERROR
    error: str = ""
    notes: list[str] = field(default_factory=list)
    subdistrict: object = None
    number: int | None = None
    village: Village | None = None
    village_name: str = ""
    centre: Centre | None = None
    values: dict = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]

    @property
    def creates_village(self) -> bool:
        return self.action != ERROR and self.village is None


@dataclass
class ImportPlan:
    rows: list[RowPlan]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> list[RowPlan]:
        return [r for r in self.rows if r.action == ERROR]

    @property
    def new_villages(self) -> int:
        return sum(1 for r in self.rows if r.creates_village)

    @property
    def changes(self) -> int:
        return self.count(NEW) + self.count(CHANGED)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "rows": len(self.rows),
            NEW: self.count(NEW),
            CHANGED: self.count(CHANGED),
            UNCHANGED: self.count(UNCHANGED),
            ERROR: len(self.errors),
            "new_villages": self.new_villages,
        }


def plan_import(rows: Iterable[RegisterRow], *, user=None) -> ImportPlan:
    """What importing `rows` would do, without writing. `user` None: trusted (command line)."""
    plans = [RowPlan(row=row) for row in rows]
    matcher = PlaceMatcher()
    provinces = {p.code: p for p in Province.objects.all()}
    for plan in plans:
        _match_place(plan, matcher, provinces, user)
    _mark_duplicates(plans)
    _attach_villages(plans)
    for plan in plans:
        if not plan.error:
            _plan_centre(plan)
    return ImportPlan(plans)


def _fail(plan: RowPlan, reason: str) -> None:
    plan.action, plan.error = ERROR, reason


def _match_place(plan: RowPlan, matcher: PlaceMatcher, provinces: dict, user) -> None:
    row = plan.row
    if not row.name:
        return _fail(plan, _("ไม่มีชื่อศูนย์"))
    longest = Centre._meta.get_field("name").max_length
    if len(row.name) > longest or len(village_name_from(row.name)) > VILLAGE_NAME_MAX:
        return _fail(plan, _("ชื่อศูนย์ยาวเกินไป (ไม่เกิน %(n)s ตัวอักษร)") % {"n": longest})
    number = VILLAGE_NO_PREFIX.sub("", to_arabic_digits(row.village_no)).strip()
    if not number.isdigit() or not 1 <= int(number) <= 99:
        return _fail(plan, _("หมู่ที่ “%(no)s” ไม่ใช่ตัวเลข 1–99") % {"no": row.village_no})
    plan.number = int(number)
    level = to_arabic_digits(row.level).strip()
    if level and level not in {"1", "2", "3"}:
        return _fail(plan, _("ผลการจัดระดับ “%(level)s” ต้องเป็น ๑ ๒ หรือ ๓") % {"level": row.level})
    place = matcher.match(row.subdistrict, row.district, row.province)
    if place.subdistrict is None:
        return _fail(plan, place.error)
    sub = place.subdistrict
    # The matcher loads subdistricts with their district only; spare a query per row.
    sub.district.province = provinces[sub.code[:2]]
    plan.subdistrict = sub
    for typed, official in (
        (row.subdistrict, sub.name_th),
        (row.district, sub.district.name_th),
        (row.province, sub.district.province.name_th),
    ):
        if normalise(typed) != normalise(official):
            plan.notes.append(f"{typed} → {official}")
    if user is not None and not can_edit_area(user, sub.district_code):
        message = _("อ.%(district)s จ.%(province)s อยู่นอกพื้นที่ของคุณ")
        return _fail(
            plan, message % {"district": sub.district.name_th, "province": sub.district.province}
        )


def _mark_duplicates(plans: list[RowPlan]) -> None:
    seen: dict[tuple, int] = {}
    for plan in plans:
        if plan.error:
            continue
        key = (plan.subdistrict.code, plan.number)
        if key in seen:
            message = _("หมู่ที่ %(no)s ต.%(sub)s ซ้ำกับแถวที่ %(line)s")
            _fail(plan, message % {"no": plan.number, "sub": plan.subdistrict, "line": seen[key]})
        else:
            seen[key] = plan.row.line


def _attach_villages(plans: list[RowPlan]) -> None:
    """The recorded village and centre of every matched row, in one query."""
    wanted = [p for p in plans if not p.error]
    if not wanted:
        return
    query = Q()
    for plan in wanted:
        query |= Q(subdistrict_id=plan.subdistrict.code, number=plan.number)
    villages = {
        (v.subdistrict_id, v.number): v
        for v in Village.objects.filter(query).select_related("centre")
    }
    for plan in wanted:
        plan.village = villages.get((plan.subdistrict.code, plan.number))
        plan.village_name = plan.village.name if plan.village else village_name_from(plan.row.name)
        plan.centre = getattr(plan.village, "centre", None) if plan.village else None


def _plan_centre(plan: RowPlan) -> None:
    row, centre = plan.row, plan.centre
    year, remarks = parse_remarks(row.remarks)
    level = int(to_arabic_digits(row.level)) if row.level.strip() else None
    values = {"name": row.name}
    if level is not None:
        values["level"] = level
    if year is not None:
        values["status"], values["model_year"] = CentreStatus.MODEL, year
    elif centre is None or centre.status == CentreStatus.TARGET:
        values["status"] = CentreStatus.ESTABLISHED
    if remarks:
        values["remarks"] = remarks
    plan.values = values
    if centre is None:
        plan.action = NEW
        return
    plan.changes = [
        Change(_LABELS[key], _shown(key, getattr(centre, key)), _shown(key, value))
        for key, value in values.items()
        if getattr(centre, key) != value
    ]
    plan.action = CHANGED if plan.changes else UNCHANGED


_LABELS = {
    "name": gettext_lazy("ชื่อศูนย์"),
    "level": gettext_lazy("ผลการจัดระดับ"),
    "status": gettext_lazy("สถานะ"),
    "model_year": gettext_lazy("ปีที่เป็นศูนย์ต้นแบบ"),
    "remarks": gettext_lazy("หมายเหตุ"),
}


def _shown(key: str, value) -> str:
    if value is None:
        return ""
    if key == "status":
        return str(CentreStatus(value).label)
    return to_thai_digits(value) if isinstance(value, int) else str(value)


# -- applying ---------------------------------------------------------------------------


@transaction.atomic
def register_import(*, rows: list[RegisterRow], user=None) -> ImportPlan:
    """Apply a register: all rows or none. Plans again inside the transaction so that the
    preview a person confirmed cannot be applied over records that changed meanwhile."""
    plan = plan_import(rows, user=user)
    if plan.errors:
        lines = [
            _("แถวที่ %(line)s: %(error)s") % {"line": r.row.line, "error": r.error}
            for r in plan.errors
        ]
        raise ValidationError([_("นำเข้าไม่ได้ มีแถวที่ไม่ผ่าน ยังไม่ได้บันทึกข้อมูลใด ๆ"), *lines])
    for row in plan.rows:
        if row.action == UNCHANGED:
            continue
        village = row.village
        if village is None:
            village = Village(subdistrict=row.subdistrict, number=row.number, name=row.village_name)
            village.full_clean()
            village.save()
        centre = row.centre or Centre(village=village)
        for key, value in row.values.items():
            setattr(centre, key, value)
        centre.full_clean()
        centre.save()
    return plan


def rows_to_session(rows: list[RegisterRow]) -> list[dict]:
    return [row.as_dict() for row in rows]


def rows_from_session(data: list[dict]) -> list[RegisterRow]:
    return [RegisterRow(**item) for item in data]
