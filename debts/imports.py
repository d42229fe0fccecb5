"""Importing a fund's debtor register and balance updates: check every row, then all or nothing.

A register has one row per contract with the household and person columns (headers in
Thai, see DEBTOR_COLUMNS). `check_debtors` reads and validates without writing and
returns row-level errors; `import_debtors` writes only when no row has an error. A
re-import updates the contract matched on citizen ID + creditor + contract number.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from cdfmc.exports.base import Table, header_row
from cdfmc.exports.xlsx import write_xlsx
from cdfmc.geo.models import Village
from cdfmc.thaitime import THAILAND_TZ, BEDateError, parse_be_date, to_arabic_digits
from debts import rules
from debts.models import (
    Contract,
    ContractStatus,
    Creditor,
    CreditorKind,
    DebtorClass,
    Household,
    Person,
)
from debts.services import balance_record

# key, Thai header, required
DEBTOR_COLUMNS = [
    ("house_number", "บ้านเลขที่", True),
    ("village_number", "หมู่ที่", False),
    ("citizen_id", "เลขประจำตัวประชาชนผู้กู้", True),
    ("title", "คำนำหน้า", False),
    ("first_name", "ชื่อ", True),
    ("last_name", "นามสกุล", True),
    ("head_id", "เลขประจำตัวประชาชนหัวหน้าครัวเรือน", False),
    ("member_family", "ครอบครัวสมาชิกศูนย์", False),
    ("occupations", "อาชีพหลัก", False),
    ("income", "รายได้ต่อคนต่อปี (บาท)", False),
    ("welfare_card", "บัตรสวัสดิการแห่งรัฐ", False),
    ("creditor", "เจ้าหนี้", True),
    ("creditor_kind", "ประเภทเจ้าหนี้", False),
    ("number", "เลขที่สัญญา", False),
    ("start_date", "วันที่เริ่มสัญญา (วว/ดด/ปปปป พ.ศ.)", False),
    ("principal", "เงินต้น (บาท)", True),
    ("rate", "อัตราดอกเบี้ย (% ต่อปี)", True),
    ("term_months", "ระยะเวลา (เดือน)", False),
    ("instalment", "ค่างวด (บาท)", False),
    ("outstanding", "ยอดหนี้คงค้าง (บาท)", True),
    ("overdue_amount", "เงินต้นค้างชำระ (บาท)", False),
    ("overdue_days", "ค้างชำระ (วัน)", False),
    ("debtor_class", "ประเภทลูกหนี้", False),
]
BALANCE_COLUMNS = [
    ("citizen_id", "เลขประจำตัวประชาชนผู้กู้", True),
    ("name", "ชื่อ-นามสกุล", False),
    ("creditor", "เจ้าหนี้", True),
    ("number", "เลขที่สัญญา", False),
    ("as_of", "ณ วันที่ (วว/ดด/ปปปป พ.ศ.)", True),
    ("outstanding", "ยอดหนี้คงค้าง (บาท)", True),
    ("overdue_amount", "เงินต้นค้างชำระ (บาท)", False),
]
YES = {"ใช่", "มี", "y", "yes", "1", "true", "✓", "/", "x"}
KIND_NAMES = {str(label): value for value, label in CreditorKind.choices} | {
    "กองทุนสมาชิก": CreditorKind.MEMBER_FUND,
    "ธ.ก.ส.": CreditorKind.BANK,
    "นอกระบบ": CreditorKind.INFORMAL,
}
CLASS_NAMES = {str(label): value for value, label in DebtorClass.choices} | {
    "ปกติ": DebtorClass.NORMAL,
    "เข้าร่วมมาตรการ": DebtorClass.RELIEF,
    "ผิดนัดชำระ": DebtorClass.DEFAULTED,
    "ดำเนินคดี": DebtorClass.LITIGATION,
}


class ImportFileError(ValueError):
    """The file cannot be read at all (not a register, missing columns)."""


@dataclass
class RowError:
    row: int
    messages: list[str]

    def __str__(self):
        return f"แถวที่ {self.row}: " + "; ".join(self.messages)


@dataclass
class ImportResult:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    households_created: int = 0
    people_created: int = 0
    contracts_created: int = 0
    contracts_updated: int = 0
    unchanged: int = 0
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return f"พบข้อผิดพลาด {len(self.errors)} แถว จาก {self.rows} แถว ไม่ได้นำเข้าข้อมูลใด ๆ"
        verb = "นำเข้าแล้ว" if self.applied else "ตรวจแล้ว พร้อมนำเข้า"
        return (
            f"{verb} {self.rows} แถว: ครัวเรือนใหม่ {self.households_created}, "
            f"บุคคลใหม่ {self.people_created}, สัญญาใหม่ {self.contracts_created}, "
            f"ปรับปรุง {self.contracts_updated}, ไม่เปลี่ยนแปลง {self.unchanged}"
        )


# Reading files ----------------------------------------------------------------


def read_rows(data: bytes, filename: str, columns) -> list[tuple[int, dict]]:
    """(sheet row number, {key: value}) for each non-empty row under the header row."""
    by_header = {header: key for key, header, _ in columns}
    if filename.lower().endswith(".csv"):
        text = _decode_csv(data)
        raw = list(enumerate(csv.reader(io.StringIO(text)), start=1))
    else:
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
            raise ImportFileError("อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ .xlsx หรือ .csv ตามแบบฟอร์ม") from exc
        raw = list(enumerate(sheet.iter_rows(values_only=True), start=1))
    index, headers = _header_row(raw, by_header)
    missing = [h for _k, h, required in columns if required and h not in headers]
    if missing:
        raise ImportFileError("ไม่พบคอลัมน์: " + ", ".join(missing))
    keys = [by_header.get(h) for h in headers]
    rows = []
    for row_no, cells in raw[index + 1 :]:
        values = {k: v for k, v in zip(keys, cells, strict=False) if k}
        if any(v not in (None, "") for v in values.values()):
            rows.append((row_no, values))
    return rows


def _decode_csv(data: bytes) -> str:
    # Thai Excel saves "CSV" in Windows-874 (TIS-620) unless told to use UTF-8.
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError("อ่านไฟล์ .csv ไม่ได้ กรุณาบันทึกเป็น CSV UTF-8 หรือใช้ไฟล์ .xlsx")


def _header_row(raw, by_header) -> tuple[int, list[str]]:
    for index, (_, cells) in enumerate(raw):
        headers = [str(c).strip() if c is not None else "" for c in cells]
        if sum(h in by_header for h in headers) >= 3:
            return index, headers
    raise ImportFileError("ไม่พบแถวหัวตารางตามแบบฟอร์ม กรุณาดาวน์โหลดแบบฟอร์มจากระบบ")


def template_xlsx(columns, rows=()) -> bytes:
    """The register as a file to fill in, written by the project's one xlsx writer."""
    table = Table(
        sheet_name="ทะเบียน",
        title_lines=[],
        header=[header_row(*(header for _, header, _ in columns))],
        rows=[list(row) for row in rows],
        widths=[18] * len(columns),
    )
    return write_xlsx([table])


# Cells ------------------------------------------------------------------------


class CellError(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return to_arabic_digits(str(value)).strip()


def _money(value, label, *, required=False) -> Decimal | None:
    text = _text(value).replace(",", "").replace(" ", "")
    if not text:
        if required:
            raise CellError(f"ไม่ได้กรอก{label}")
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise CellError(f"{label} '{value}' ไม่ใช่ตัวเลข") from None
    if amount < 0:
        raise CellError(f"{label}ติดลบ ({amount})")
    return amount


def _integer(value, label) -> int | None:
    amount = _money(value, label)
    if amount is None:
        return None
    if amount != amount.to_integral_value():
        raise CellError(f"{label}ต้องเป็นจำนวนเต็ม")
    return int(amount)


def _date(value, label, *, required=False) -> datetime.date | None:
    if value in (None, ""):
        if required:
            raise CellError(f"ไม่ได้กรอก{label}")
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        try:
            value = parse_be_date(_text(value))
        except BEDateError as exc:
            raise CellError(f"{label}: {exc}") from None
    if value > datetime.datetime.now(THAILAND_TZ).date():
        raise CellError(f"{label}เป็นวันในอนาคต")
    return value


def _citizen_id(value, label) -> str:
    digits = rules.normalize_citizen_id(_text(value))
    if not rules.citizen_id_is_valid(digits):
        raise CellError(f"{label} {_text(value)} ไม่ถูกต้อง (ต้องมี 13 หลัก เลขตรวจสอบหลักสุดท้ายผิด)")
    return digits


def _yes(value) -> bool:
    return _text(value).lower() in YES


class Cells:
    """Collects a row's cell errors instead of stopping at the first."""

    def __init__(self, values):
        self.values = values
        self.errors: list[str] = []

    def get(self, parse, key, *args, **kwargs):
        try:
            return parse(self.values.get(key), *args, **kwargs)
        except CellError as exc:
            self.errors.append(str(exc))
            return None


# Debtor register --------------------------------------------------------------


@dataclass
class DebtorRow:
    row: int
    house_number: str
    village: Village | None
    citizen_id: str
    title: str
    first_name: str
    last_name: str
    head_id: str
    member_family: bool
    occupations: str
    income: Decimal | None
    welfare_card: bool
    creditor: Creditor
    number: str
    start_date: datetime.date | None
    principal: Decimal
    rate: Decimal
    term_months: int | None
    instalment: Decimal | None
    outstanding: Decimal
    overdue_amount: Decimal
    overdue_days: int
    debtor_class: str


class _Context:
    """What the checks need from the database, loaded once for the whole file."""

    def __init__(self, centre, rows):
        self.centre = centre
        self.creditors = {c.name.strip(): c for c in Creditor.objects.filter(centre=centre)}
        self.new_creditors: dict[str, Creditor] = {}
        self.villages = {
            v.number: v
            for v in Village.objects.filter(subdistrict_id=centre.village.subdistrict_id)
        }
        ids = set()
        for _, values in rows:
            for key in ("citizen_id", "head_id"):
                digits = rules.normalize_citizen_id(_text(values.get(key)))
                if digits:
                    ids.add(digits)
        self.people = {
            p.citizen_id: p
            for p in Person.objects.filter(citizen_id__in=ids).select_related("household")
        }

    def creditor(self, name, kind_text) -> Creditor:
        name = _text(name)
        if not name:
            raise CellError("ไม่ได้กรอกเจ้าหนี้")
        found = self.creditors.get(name) or self.new_creditors.get(name)
        if found:
            return found
        kind = KIND_NAMES.get(_text(kind_text))
        if kind is None or kind == CreditorKind.MEMBER_FUND:
            raise CellError(
                f"ไม่พบเจ้าหนี้ '{name}' ในกลุ่ม/กองทุนสมาชิกของศูนย์ "
                "(หากเป็นเจ้าหนี้ภายนอก ให้ระบุประเภทเจ้าหนี้: ธนาคาร สหกรณ์ กองทุนอื่น หนี้นอกระบบ)"
            )
        creditor = Creditor(centre=self.centre, kind=kind, name=name)
        self.new_creditors[name] = creditor
        return creditor

    def village(self, value) -> Village:
        number = _integer(value, "หมู่ที่")
        if number is None:
            return self.centre.village
        if number not in self.villages:
            raise CellError(f"ไม่พบหมู่ที่ {number} ในตำบลของศูนย์")
        return self.villages[number]

    def person_elsewhere(self, citizen_id, label) -> str | None:
        person = self.people.get(citizen_id)
        if person and person.household.centre_id != self.centre.pk:
            masked = rules.mask_citizen_id(citizen_id)
            return f"{label} {masked} อยู่ในครัวเรือนของศูนย์อื่นแล้ว (บุคคลหนึ่งอยู่ได้ครัวเรือนเดียว)"
        return None


def _check_debtor_row(ctx: _Context, row_no: int, values: dict) -> tuple[DebtorRow | None, list]:
    cells = Cells(values)
    citizen_id = cells.get(_citizen_id, "citizen_id", "เลขประจำตัวประชาชน")
    head_id = citizen_id
    if _text(values.get("head_id")):
        head_id = cells.get(_citizen_id, "head_id", "เลขประจำตัวประชาชนหัวหน้าครัวเรือน")
    for digits, label in ((citizen_id, "ผู้กู้"), (head_id, "หัวหน้าครัวเรือน")):
        message = ctx.person_elsewhere(digits, label) if digits else None
        if message:
            cells.errors.append(message)
    creditor = cells.get(lambda v: ctx.creditor(v, values.get("creditor_kind")), "creditor")
    rate = cells.get(_money, "rate", "อัตราดอกเบี้ย", required=True)
    if creditor is not None and rate is not None:
        try:
            creditor.check_rate(rate, restructuring=False)
        except ValidationError as exc:
            cells.errors.extend(exc.messages)
    klass = _text(values.get("debtor_class"))
    if klass and klass not in CLASS_NAMES:
        cells.errors.append(f"ไม่รู้จักประเภทลูกหนี้ '{klass}'")
    outstanding = cells.get(_money, "outstanding", "ยอดหนี้คงค้าง", required=True)
    overdue = cells.get(_money, "overdue_amount", "เงินต้นค้างชำระ") or Decimal(0)
    if outstanding is not None and overdue > outstanding:
        cells.errors.append("เงินต้นค้างชำระมากกว่ายอดหนี้คงค้าง")
    row = DebtorRow(
        row=row_no,
        house_number=_text(values.get("house_number")),
        village=cells.get(ctx.village, "village_number"),
        citizen_id=citizen_id,
        title=_text(values.get("title")),
        first_name=_text(values.get("first_name")),
        last_name=_text(values.get("last_name")),
        head_id=head_id,
        member_family=_yes(values.get("member_family")),
        occupations=_text(values.get("occupations")),
        income=cells.get(_money, "income", "รายได้ต่อคนต่อปี"),
        welfare_card=_yes(values.get("welfare_card")),
        creditor=creditor,
        number=_text(values.get("number")),
        start_date=cells.get(_date, "start_date", "วันที่เริ่มสัญญา"),
        principal=cells.get(_money, "principal", "เงินต้น", required=True),
        rate=rate,
        term_months=cells.get(_integer, "term_months", "ระยะเวลา"),
        instalment=cells.get(_money, "instalment", "ค่างวด"),
        outstanding=outstanding,
        overdue_amount=overdue,
        overdue_days=cells.get(_integer, "overdue_days", "จำนวนวันค้างชำระ") or 0,
        debtor_class=CLASS_NAMES.get(klass, ""),
    )
    for key, label in (("house_number", "บ้านเลขที่"), ("first_name", "ชื่อ"), ("last_name", "นามสกุล")):
        if not getattr(row, key):
            cells.errors.append(f"ไม่ได้กรอก{label}")
    return (None if cells.errors else row), cells.errors


def check_debtors(centre, raw_rows) -> tuple[list[DebtorRow], list[RowError], _Context]:
    ctx = _Context(centre, raw_rows)
    rows, errors, seen, heads = [], [], {}, set()
    for row_no, values in raw_rows:
        row, messages = _check_debtor_row(ctx, row_no, values)
        if row is not None:
            key = (row.citizen_id, row.creditor.name, row.number)
            if key in seen:
                messages.append(f"สัญญาซ้ำกับแถวที่ {seen[key]} (เลขประจำตัว เจ้าหนี้ และเลขที่สัญญาเดียวกัน)")
            seen[key] = row_no
            if row.head_id == row.citizen_id:
                heads.add(row.citizen_id)
        if messages:
            errors.append(RowError(row_no, messages))
        else:
            rows.append(row)
    for row in rows:
        if row.head_id not in heads and row.head_id not in ctx.people:
            errors.append(
                RowError(row.row, ["ไม่พบหัวหน้าครัวเรือนในระบบหรือในไฟล์ (ต้องมีแถวของหัวหน้าครัวเรือน)"])
            )
    errors.sort(key=lambda e: e.row)
    return rows, errors, ctx


def _update(obj, fields: dict) -> bool:
    changed = False
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.save()
    return changed


def _apply_debtors(ctx: _Context, rows: list[DebtorRow], result: ImportResult) -> None:
    for creditor in ctx.new_creditors.values():
        creditor.save()
    people = dict(ctx.people)
    # Heads first, so each household exists before its other members' rows.
    for row in sorted(rows, key=lambda r: r.head_id != r.citizen_id):
        household = _household_for(row, people, ctx, result)
        person = people.get(row.citizen_id)
        if person is None:
            person = Person.objects.create(
                household=household,
                citizen_id=row.citizen_id,
                title=row.title,
                first_name=row.first_name,
                last_name=row.last_name,
                is_head=row.head_id == row.citizen_id,
            )
            people[row.citizen_id] = person
            result.people_created += 1
        else:
            _update(
                person,
                {"title": row.title, "first_name": row.first_name, "last_name": row.last_name},
            )
        _contract_for(row, household, person, result)


def _household_for(row, people, ctx, result) -> Household:
    head = people.get(row.head_id)
    fields = {
        "village": row.village,
        "house_number": row.house_number,
        "member_family": row.member_family,
        "occupations": row.occupations,
        "income_per_person": row.income,
        "welfare_card": row.welfare_card,
    }
    if row.debtor_class:
        fields["debtor_class"] = row.debtor_class
    if head is not None:
        _update(head.household, fields)
        return head.household
    household = Household.objects.create(centre=ctx.centre, **fields)
    result.households_created += 1
    if row.head_id != row.citizen_id:  # check_debtors guarantees the head's own row comes first
        raise AssertionError("head row missing")
    return household


def _contract_for(row, household, person, result) -> None:
    fields = {
        "household": household,
        "start_date": row.start_date,
        "principal": row.principal,
        "rate": row.rate,
        "term_months": row.term_months,
        "instalment": row.instalment,
        "outstanding": row.outstanding,
        "overdue_amount": row.overdue_amount,
        "overdue_days": row.overdue_days,
        "is_informal": row.creditor.kind == CreditorKind.INFORMAL,
    }
    contract = Contract.objects.filter(
        borrower=person, creditor=row.creditor, number=row.number
    ).first()
    if contract is None:
        Contract.objects.create(borrower=person, creditor=row.creditor, number=row.number, **fields)
        result.contracts_created += 1
    elif contract.status != ContractStatus.OPEN:
        result.unchanged += 1  # a closed contract is history: a register does not reopen it
    elif _update(contract, fields):
        result.contracts_updated += 1
    else:
        result.unchanged += 1


def import_debtors(*, centre, data: bytes, filename: str, dry_run=False) -> ImportResult:
    """Check a debtor register and, when every row is right and not dry_run, import it whole."""
    raw_rows = read_rows(data, filename, DEBTOR_COLUMNS)
    result = ImportResult(rows=len(raw_rows))
    with transaction.atomic():
        rows, errors, ctx = check_debtors(centre, raw_rows)
        result.errors = errors
        if errors:
            return result
        _apply_debtors(ctx, rows, result)
        result.applied = not dry_run
        if dry_run:
            transaction.set_rollback(True)
    return result


# Balance updates --------------------------------------------------------------


def balance_template_rows(centre) -> list[list]:
    contracts = (
        Contract.objects.open()
        .filter(household__centre=centre)
        .select_related("borrower", "creditor")
        .order_by("household__village__number", "household__house_number", "pk")
    )
    return [
        [
            c.borrower.citizen_id if c.borrower else "",
            c.borrower.full_name if c.borrower else "",
            c.creditor.name,
            c.number,
            None,
            None,
            None,
        ]
        for c in contracts
    ]


def import_balances(
    *, centre, data: bytes, filename: str, dry_run=False, user=None
) -> ImportResult:
    raw_rows = read_rows(data, filename, BALANCE_COLUMNS)
    result = ImportResult(rows=len(raw_rows))
    contracts = {
        (c.borrower.citizen_id if c.borrower else "", c.creditor.name, c.number): c
        for c in Contract.objects.filter(household__centre=centre).select_related(
            "borrower", "creditor"
        )
    }
    checked = []
    for row_no, values in raw_rows:
        cells = Cells(values)
        citizen_id = cells.get(_citizen_id, "citizen_id", "เลขประจำตัวประชาชน")
        as_of = cells.get(_date, "as_of", "วันที่", required=True)
        outstanding = cells.get(_money, "outstanding", "ยอดหนี้คงค้าง", required=True)
        overdue = cells.get(_money, "overdue_amount", "เงินต้นค้างชำระ")
        key = (citizen_id, _text(values.get("creditor")), _text(values.get("number")))
        contract = contracts.get(key)
        if citizen_id and contract is None:
            cells.errors.append("ไม่พบสัญญานี้ของศูนย์ (ตรวจเลขประจำตัว เจ้าหนี้ และเลขที่สัญญา)")
        elif contract is not None and not contract.is_open:
            cells.errors.append("สัญญานี้ปิดแล้ว")
        if outstanding is not None and overdue is not None and overdue > outstanding:
            cells.errors.append("เงินต้นค้างชำระมากกว่ายอดหนี้คงค้าง")
        if cells.errors:
            result.errors.append(RowError(row_no, cells.errors))
        else:
            checked.append((row_no, contract, as_of, outstanding, overdue))
    if result.errors:
        return result
    with transaction.atomic():
        # Oldest first, as they happened; a row after the one that paid a contract off fails.
        for row_no, contract, as_of, outstanding, overdue in sorted(checked, key=lambda r: r[2]):
            try:
                balance_record(
                    contract=contract,
                    as_of=as_of,
                    outstanding=outstanding,
                    overdue_amount=overdue,
                    user=user,
                )
            except ValidationError as exc:
                result.errors.append(RowError(row_no, exc.messages))
            else:
                result.contracts_updated += 1
        result.errors.sort(key=lambda e: e.row)
        result.applied = result.ok and not dry_run
        if dry_run or not result.ok:
            transaction.set_rollback(True)
    return result
