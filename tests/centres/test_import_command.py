"""The command-line twins: import_centres and export_report centre-register."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from centres.models import Centre
from tests.centres.test_import_register import NONGKHAI_TITLE, register_xlsx, seed_rows
from tests.centres.test_register_report import data_rows, seed_as_exported


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "ทะเบียนหนองคาย.xlsx"
    path.write_bytes(register_xlsx())
    return path


@pytest.mark.django_db
def test_dry_run_prints_the_preview_and_writes_nothing(seed_file):
    out = run("import_centres", str(seed_file), "--dry-run")
    assert "ทั้งหมด 16 แถว: ใหม่ 16 แก้ไข 0 ไม่เปลี่ยนแปลง 0 ผิดพลาด 0 หมู่บ้านใหม่ 16" in out
    assert "แก้ชื่อ แก้งไก่อ → แก้งไก่" in out
    assert not Centre.objects.exists()


@pytest.mark.django_db
def test_import_then_export_gives_the_same_register(seed_file, tmp_path):
    run("import_centres", str(seed_file))
    assert Centre.objects.count() == 16
    out = tmp_path / "register.xlsx"
    run("export_report", "centre-register", "--province", "หนองคาย", "--out", str(out))
    values = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert values[0][0] == NONGKHAI_TITLE
    assert values[1][0] == "จำนวน ๑๖ แห่ง"
    assert {tuple(r[1:]) for r in data_rows(values)} == seed_as_exported()
    # The exported file imports back with nothing to change.
    again = run("import_centres", str(out))
    assert "ใหม่ 0 แก้ไข 0 ไม่เปลี่ยนแปลง 16 ผิดพลาด 0 หมู่บ้านใหม่ 0" in again


@pytest.mark.django_db
def test_errors_exit_non_zero_and_write_nothing(tmp_path):
    path = tmp_path / "bad.xlsx"
    rows = [*seed_rows(), ["๑๗", "ศูนย์บ้านสมมุติ", "๒", "สมมุติ", "เฝ้าไร่", "หนองคาย", "๒", ""]]
    path.write_bytes(register_xlsx(rows))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 แถวมีข้อผิดพลาด"):
        call_command("import_centres", str(path), stdout=io.StringIO(), stderr=err)
    assert "แถว 22: ศูนย์บ้านสมมุติ — นำเข้าไม่ได้: ไม่พบตำบล “สมมุติ”" in err.getvalue()
    assert not Centre.objects.exists()


@pytest.mark.django_db
def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="ไม่พบไฟล์"):
        run("import_centres", str(tmp_path / "none.xlsx"))
