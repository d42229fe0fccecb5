"""Debtor-register and balance imports: row-level errors, all or nothing, re-import updates."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from cdfmc.thaitime import THAILAND_TZ
from debts import imports
from debts.models import Contract, Creditor, Household, Person
from tests.debts.factories import citizen_id
from tests.factories import make_centre, make_member_fund

HEADERS = [header for _, header, _ in imports.DEBTOR_COLUMNS]


def register_row(n, **overrides):
    """One contract row; every 3 rows share a household (its head on the first)."""
    head = citizen_id(n - n % 3, prefix="1431599")
    person = citizen_id(n, prefix="1431599")
    values = {
        "บ้านเลขที่": f"{n // 3 + 1}",
        "หมู่ที่": "",
        "เลขประจำตัวประชาชนผู้กู้": person,
        "คำนำหน้า": "นาง",
        "ชื่อ": f"สมศรี{n}",
        "นามสกุล": "ใจงาม",
        "เลขประจำตัวประชาชนหัวหน้าครัวเรือน": head,
        "ครอบครัวสมาชิกศูนย์": "ใช่" if n % 2 else "",
        "อาชีพหลัก": "ทำนา",
        "รายได้ต่อคนต่อปี (บาท)": 45000,
        "บัตรสวัสดิการแห่งรัฐ": "มี",
        "เจ้าหนี้": "กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ" if n % 4 else "ธ.ก.ส. สาขาเฝ้าไร่",
        "ประเภทเจ้าหนี้": "" if n % 4 else "ธนาคาร",
        "เลขที่สัญญา": f"S-{n}",
        "วันที่เริ่มสัญญา (วว/ดด/ปปปป พ.ศ.)": "13/08/2566" if n % 2 else datetime.date(2023, 5, 1),
        "เงินต้น (บาท)": 20000,
        "อัตราดอกเบี้ย (% ต่อปี)": 6 if n % 4 else 7.5,
        "ระยะเวลา (เดือน)": 36,
        "ค่างวด (บาท)": "600",
        "ยอดหนี้คงค้าง (บาท)": "๑๕,๐๐๐",
        "เงินต้นค้างชำระ (บาท)": 0,
        "ค้างชำระ (วัน)": 0,
        "ประเภทลูกหนี้": "ลูกหนี้ปกติ",
    }
    values.update(overrides)
    return [values.get(h) for h in HEADERS]


def workbook(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["ทะเบียนลูกหนี้ กลุ่มออมทรัพย์"])  # a title row above the header is tolerated
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def centre(db):
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านทดสอบ")
    make_member_fund(centre=centre, name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ")
    return centre


def bad_register():
    rows = [register_row(n) for n in range(500)]
    bad_id = citizen_id(7, prefix="1431599")
    rows[7] = register_row(
        7, **{"เลขประจำตัวประชาชนผู้กู้": bad_id[:-1] + str((int(bad_id[-1]) + 1) % 10)}
    )
    rows[101] = register_row(101, **{"เจ้าหนี้": "กองทุนที่ไม่มีอยู่"})
    rows[250] = register_row(250, **{"อัตราดอกเบี้ย (% ต่อปี)": 18, "เงินต้น (บาท)": -5})
    return rows


def test_a_register_with_three_bad_rows_is_rejected_whole(centre):
    result = imports.import_debtors(centre=centre, data=workbook(bad_register()), filename="r.xlsx")
    # Sheet rows: the title is row 1, the header row 2, so list index i is row i + 3.
    assert [e.row for e in result.errors] == [10, 104, 253]
    assert "ไม่ถูกต้อง" in str(result.errors[0])
    assert "ไม่พบเจ้าหนี้ 'กองทุนที่ไม่มีอยู่'" in str(result.errors[1])
    assert "เกินอัตราสูงสุดตามกฎหมาย" in str(result.errors[2])
    assert "เงินต้นติดลบ" in str(result.errors[2])
    assert not Contract.objects.exists() and not Household.objects.exists()


def test_fixed_it_imports_and_twice_duplicates_nothing(centre):
    rows = [register_row(n) for n in range(500)]
    first = imports.import_debtors(centre=centre, data=workbook(rows), filename="r.xlsx")
    assert first.ok and first.applied, first.errors[:3]
    assert first.contracts_created == 500
    assert Household.objects.filter(centre=centre).count() == 167
    assert Person.objects.count() == 500
    assert Creditor.objects.filter(centre=centre).count() == 2
    again = imports.import_debtors(centre=centre, data=workbook(rows), filename="r.xlsx")
    assert again.ok and again.contracts_created == 0 and again.unchanged == 500
    assert Contract.objects.count() == 500 and Person.objects.count() == 500
    rows[0] = register_row(0, **{"ยอดหนี้คงค้าง (บาท)": 12000})
    third = imports.import_debtors(centre=centre, data=workbook(rows), filename="r.xlsx")
    assert third.contracts_updated == 1 and Contract.objects.count() == 500


def test_informal_rates_are_recorded_as_they_are(centre):
    rows = [
        register_row(
            0, **{"เจ้าหนี้": "นายทุนในหมู่บ้าน", "ประเภทเจ้าหนี้": "หนี้นอกระบบ", "อัตราดอกเบี้ย (% ต่อปี)": 120}
        )
    ]
    result = imports.import_debtors(centre=centre, data=workbook(rows), filename="r.xlsx")
    assert result.ok
    contract = Contract.objects.get()
    assert contract.is_informal and contract.rate == 120


def test_future_dates_and_missing_heads_are_row_errors(centre):
    future = datetime.datetime.now(THAILAND_TZ).date() + datetime.timedelta(days=40)
    rows = [
        register_row(0, **{"วันที่เริ่มสัญญา (วว/ดด/ปปปป พ.ศ.)": future}),
        register_row(4),  # its head (row of person 3) is not in the file
    ]
    result = imports.import_debtors(centre=centre, data=workbook(rows), filename="r.xlsx")
    messages = {e.row: str(e) for e in result.errors}
    assert "อนาคต" in messages[3]
    assert "หัวหน้าครัวเรือน" in messages[4]


def test_dry_run_writes_nothing(centre):
    rows = [register_row(n) for n in range(6)]
    result = imports.import_debtors(
        centre=centre, data=workbook(rows), filename="r.xlsx", dry_run=True
    )
    assert result.ok and not result.applied and result.contracts_created == 6
    assert not Contract.objects.exists()


def test_the_command_line_twins(centre, tmp_path):
    path = tmp_path / "register.xlsx"
    path.write_bytes(workbook([register_row(n) for n in range(3)]))
    call_command("import_debtors", str(path), centre=centre.pk, dry_run=True)
    assert not Contract.objects.exists()
    call_command("import_debtors", str(path), centre=centre.pk)
    assert Contract.objects.count() == 3
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([register_row(0, **{"เจ้าหนี้": "ไม่มี", "ประเภทเจ้าหนี้": ""})]))
    with pytest.raises(CommandError, match="แถวที่ 3"):
        call_command("import_debtors", str(bad), centre=centre.pk)

    balances = tmp_path / "balances.xlsx"
    balances.write_bytes(
        imports.template_xlsx(imports.BALANCE_COLUMNS, balance_rows(centre, "01/07/2568", 9000))
    )
    call_command("import_balances", str(balances), centre=centre.pk)
    assert set(Contract.objects.values_list("outstanding", flat=True)) == {9000}


def balance_rows(centre, as_of, amount):
    rows = imports.balance_template_rows(centre)
    for row in rows:
        row[4], row[5] = as_of, amount
    return rows


def test_balance_import_rejects_unknown_contracts_whole(centre):
    imports.import_debtors(
        centre=centre, data=workbook([register_row(n) for n in range(3)]), filename="r.xlsx"
    )
    rows = balance_rows(centre, "01/07/2568", 9000)
    rows.append([citizen_id(999), "x", "ไม่มี", "X-1", "01/07/2568", 100, None])
    data = imports.template_xlsx(imports.BALANCE_COLUMNS, rows)
    result = imports.import_balances(centre=centre, data=data, filename="b.xlsx")
    assert [e.row for e in result.errors] == [5]
    assert set(Contract.objects.values_list("outstanding", flat=True)) == {15000}


def test_upload_preview_confirm_on_screen(client, persona, centre):
    client.force_login(persona("faiwrai"))
    url = reverse("debts:import", kwargs={"centre_pk": centre.pk})
    data = workbook(bad_register()[:120])
    response = client.post(url, {"file": _upload(data)})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-row="10"' in body and 'data-row="104"' in body
    response = client.post(url, {"file": _upload(workbook([register_row(n) for n in range(6)]))})
    token = response.context["token"]
    assert token and not Contract.objects.exists()
    confirm = reverse("debts:import_confirm", kwargs={"centre_pk": centre.pk})
    response = client.post(confirm, {"token": token})
    assert response.status_code == 302
    assert Contract.objects.count() == 6


def test_the_template_has_the_thai_headers(client, persona, db):
    client.force_login(persona("faiwrai"))
    content = client.get(reverse("debts:import_template")).content
    ws = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in ws[1]] == HEADERS


def _upload(data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("register.xlsx", data)


def test_the_balance_template_with_full_citizen_ids_is_for_editors_only(client, persona, centre):
    imports.import_debtors(
        centre=centre, data=workbook([register_row(n) for n in range(3)]), filename="r.xlsx"
    )
    url = reverse("debts:balance_template", kwargs={"centre_pk": centre.pk})
    client.force_login(persona("faiwrai"))
    ws = load_workbook(io.BytesIO(client.get(url).content)).active
    assert ws.cell(row=2, column=1).value == citizen_id(0, prefix="1431599")
    client.force_login(persona("headoffice"))
    assert client.get(url).status_code == 403


def test_a_balance_after_the_one_that_paid_the_contract_off_is_a_row_error(centre):
    imports.import_debtors(
        centre=centre, data=workbook([register_row(n) for n in range(3)]), filename="r.xlsx"
    )
    rows = balance_rows(centre, "01/07/2568", 9000)
    paid_off, later = list(rows[0]), list(rows[0])
    paid_off[4], paid_off[5] = "01/05/2568", 0
    rows.append(paid_off)
    rows.append(later)  # the same contract on 01/07/2568, after it was paid off
    rows.pop(0)
    data = imports.template_xlsx(imports.BALANCE_COLUMNS, rows)
    result = imports.import_balances(centre=centre, data=data, filename="b.xlsx")
    assert not result.ok and not result.applied
    assert [e.row for e in result.errors] == [5]
    assert "ปิดแล้ว" in str(result.errors[0])
    assert set(Contract.objects.values_list("outstanding", flat=True)) == {15000}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp874"])
def test_a_csv_register_from_thai_excel_is_read(centre, encoding):
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for n in range(3):
        row = register_row(n, **{"วันที่เริ่มสัญญา (วว/ดด/ปปปป พ.ศ.)": "๑๓/๐๘/๒๕๖๖"})
        writer.writerow(["" if v is None else v for v in row])
    data = out.getvalue().encode(encoding)
    result = imports.import_debtors(centre=centre, data=data, filename="r.csv")
    assert result.ok, result.errors
    assert Contract.objects.count() == 3
    assert set(Person.objects.values_list("last_name", flat=True)) == {"ใจงาม"}
