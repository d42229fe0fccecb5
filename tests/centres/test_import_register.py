"""Importing a provincial register sheet: parsing, matching, preview and the atomic apply."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from cdfmc.geo.models import Village
from cdfmc.thaitime import to_thai_digits
from centres.models import Centre, CentreStatus
from centres.registers import (
    CHANGED,
    ERROR,
    NEW,
    UNCHANGED,
    RegisterFileError,
    parse_register,
    plan_import,
    read_xlsx,
    register_import,
)
from tests.factories import make_centre, make_village

SEED_TSV = Path(settings.BASE_DIR) / "fixtures" / "nongkhai_register_2568.tsv"
NONGKHAI_TITLE = "ทะเบียนศูนย์จัดการกองทุนชุมชนจังหวัดหนองคาย"


def seed_rows() -> list[list[str]]:
    """The 16 rows of seed 001 attachment 2, as printed (Thai digits, "เมืองฯ", "แก้งไก่อ")."""
    with SEED_TSV.open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t")][1:]


def register_xlsx(rows=None, *, title=NONGKHAI_TITLE) -> bytes:
    """A register typed as the seed prints it: title, count, two header rows with spans."""
    rows = seed_rows() if rows is None else rows
    wb = Workbook()
    ws = wb.active
    ws.append([title])
    ws.append([f"จำนวน {to_thai_digits(len(rows))} แห่ง"])
    ws.append(["สิ่งที่ส่งมาด้วย ๒"])
    ws.append(
        [
            "ที่",
            "ชื่อศูนย์จัดการ กองทุนชุมชน",
            "ที่ตั้ง",
            None,
            None,
            None,
            "ผลการ ประเมินการ จัดระดับ การพัฒนา",
            "หมายเหตุ",
        ]
    )
    ws.append([None, None, "หมู่ ที่", "ตำบล", "อำเภอ", "จังหวัด", None, None])
    for merged in ("A4:A5", "B4:B5", "C4:F4", "G4:G5", "H4:H5", "A1:H1", "A2:H2"):
        ws.merge_cells(merged)
    for row in rows:
        ws.append([value or None for value in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def plan_of(data: bytes, user=None):
    return plan_import(parse_register(read_xlsx(data)), user=user)


def seed_import():
    return register_import(rows=parse_register(read_xlsx(register_xlsx())))


@pytest.mark.django_db
class TestSeedRegister:
    def test_every_row_is_matched(self):
        plan = plan_of(register_xlsx())
        assert len(plan.rows) == 16
        assert plan.errors == []
        assert plan.count(NEW) == 16
        assert plan.new_villages == 16

    def test_slips_and_abbreviations_are_corrected_and_shown(self):
        plan = plan_of(register_xlsx())
        by_name = {r.row.name: r for r in plan.rows}
        sok_kla = by_name["ศูนย์จัดการกองทุนชุมชนบ้านโสกกล้า"]
        assert sok_kla.subdistrict.name_th == "แก้งไก่"
        assert "แก้งไก่อ → แก้งไก่" in sok_kla.notes
        hat_kham = by_name["ศูนย์จัดการกองทุนชุมชนบ้านหาดคำ"]
        assert hat_kham.subdistrict.district.name_th == "เมืองหนองคาย"
        assert "เมืองฯ → เมืองหนองคาย" in hat_kham.notes

    def test_villages_are_named_from_the_centre(self):
        plan = plan_of(register_xlsx())
        names = {r.village_name for r in plan.rows}
        assert {"บ้านหนองควาย", "บ้านคำปะกั้ง", "บ้านวังน้ำออก"} <= names

    def test_nothing_is_written_by_the_preview(self):
        plan_of(register_xlsx())
        assert not Centre.objects.exists()
        assert not Village.objects.exists()

    def test_confirm_creates_sixteen_centres_with_status_and_level(self):
        seed_import()
        assert Centre.objects.in_province("43").count() == 16
        kham = Centre.objects.get(name="ศูนย์จัดการกองทุนชุมชนบ้านคำปะกั้ง")
        assert (kham.status, kham.model_year, kham.level) == (CentreStatus.MODEL, 2561, 3)
        assert kham.model_remark == "ศจก.ต้นแบบ ปี ๒๕๖๑"
        assert (kham.village.number, kham.village.subdistrict.name_th) == (5, "บ้านโพธิ์")
        tat = Centre.objects.get(name="ศูนย์จัดการกองทุนชุมชนบ้านตาดทอง")
        assert tat.model_year == 2567
        plain = Centre.objects.get(name="ศูนย์จัดการกองทุนบ้านหนองควาย")
        assert (plain.status, plain.level, plain.remarks) == (CentreStatus.ESTABLISHED, 2, "")

    def test_importing_again_changes_nothing(self):
        seed_import()
        history = Centre.history.count()
        plan = plan_of(register_xlsx())
        assert plan.count(UNCHANGED) == 16
        assert plan.changes == 0
        assert plan.new_villages == 0
        seed_import()
        assert Centre.objects.count() == 16
        assert Village.objects.count() == 16
        assert Centre.history.count() == history


@pytest.mark.django_db
class TestUnmatchedRows:
    def test_a_made_up_subdistrict_is_listed_with_its_reason(self):
        rows = seed_rows() + [
            ["๑๗", "ศูนย์จัดการกองทุนชุมชนบ้านสมมุติ", "๒", "ตำบลสมมุติ", "เฝ้าไร่", "หนองคาย", "๒", ""]
        ]
        plan = plan_of(register_xlsx(rows))
        [bad] = plan.errors
        assert bad.row.line == 22
        assert "ไม่พบตำบล" in bad.error and "สมมุติ" in bad.error and "เฝ้าไร่" in bad.error
        assert plan.count(NEW) == 16

    def test_an_unmatched_row_blocks_the_whole_import(self):
        rows = seed_rows() + [
            ["๑๗", "ศูนย์จัดการกองทุนชุมชนบ้านสมมุติ", "๒", "ไม่มีจริง", "ไม่มีอำเภอ", "หนองคาย", "๒", ""]
        ]
        with pytest.raises(ValidationError) as exc:
            register_import(rows=parse_register(read_xlsx(register_xlsx(rows))))
        assert "ไม่พบอำเภอ" in " ".join(exc.value.messages)
        assert not Centre.objects.exists()
        assert not Village.objects.exists()

    def test_a_failure_while_writing_rolls_back_every_row(self):
        rows = seed_rows()
        rows[-1][1] = "ศูนย์จัดการกองทุนชุมชน" + "ก" * 300  # too long for the name column
        with pytest.raises(ValidationError):
            register_import(rows=parse_register(read_xlsx(register_xlsx(rows))))
        assert not Centre.objects.exists()
        assert not Village.objects.exists()

    def test_a_name_too_long_is_a_row_error_before_anything_is_written(self):
        rows = seed_rows()
        rows[-1][1] = "ศูนย์จัดการกองทุนชุมชน" + "ก" * 300
        [bad] = plan_of(register_xlsx(rows)).errors
        assert "ชื่อศูนย์ยาวเกินไป" in bad.error

    def test_the_same_village_twice_is_an_error(self):
        rows = seed_rows()
        rows.append(["๑๗", "ศูนย์จัดการกองทุนชุมชนบ้านซ้ำ", "๒", "วังหลวง", "เฝ้าไร่", "หนองคาย", "๒", ""])
        plan = plan_of(register_xlsx(rows))
        [dup] = plan.errors
        assert "ซ้ำกับแถวที่ 6" in dup.error

    @pytest.mark.parametrize(
        ("column", "value", "reason"),
        [(2, "สอง", "หมู่ที่"), (6, "๕", "ผลการจัดระดับ"), (1, "", "ไม่มีชื่อศูนย์")],
    )
    def test_bad_values_are_reported(self, column, value, reason):
        rows = seed_rows()
        rows[0][column] = value
        plan = plan_of(register_xlsx(rows))
        [bad] = plan.errors
        assert reason in bad.error


@pytest.mark.django_db
class TestLayout:
    def test_arabic_digits_extra_spaces_and_prefixes_are_tolerated(self):
        rows = [
            ["1", "  ศูนย์จัดการกองทุนชุมชนบ้านจับไม้ ", " 3 ", "ต. เฝ้าไร่", "อ.เฝ้าไร่", "จ.หนองคาย", 3, None]
        ]
        [row] = plan_of(register_xlsx(rows)).rows
        assert row.action == NEW
        assert (row.subdistrict.name_th, row.number, row.values["level"]) == ("เฝ้าไร่", 3, 3)

    def test_the_header_is_found_by_its_texts_anywhere(self):
        wb = Workbook()
        ws = wb.active
        ws.append([])
        ws.append(["บันทึกโดยอำเภอ"])
        ws.append(["ลำดับ", "อำเภอ", "ตำบล", "หมู่ที่", "ชื่อศูนย์จัดการกองทุนชุมชน", "จังหวัด", "ระดับ"])
        ws.append(["1", "เฝ้าไร่", "วังหลวง", "2", "ศูนย์จัดการกองทุนบ้านหนองควาย", "หนองคาย", "2"])
        ws.append([])
        ws.append([None, None, None, None, None, None, None])
        out = io.BytesIO()
        wb.save(out)
        [row] = plan_of(out.getvalue()).rows
        assert row.action == NEW
        assert row.row.line == 4
        assert row.subdistrict.name_th == "วังหลวง"

    def test_province_may_come_from_the_title(self):
        wb = Workbook()
        ws = wb.active
        ws.append([NONGKHAI_TITLE])
        ws.append(["ที่", "ชื่อศูนย์จัดการกองทุนชุมชน", "หมู่ที่", "ตำบล", "อำเภอ"])
        ws.append(["๑", "ศูนย์จัดการกองทุนบ้านหนองควาย", "๒", "วังหลวง", "เฝ้าไร่"])
        out = io.BytesIO()
        wb.save(out)
        [row] = plan_of(out.getvalue()).rows
        assert row.subdistrict.district.province.name_th == "หนองคาย"

    def test_a_sheet_without_the_header_is_refused(self):
        wb = Workbook()
        wb.active.append(["อะไรก็ได้"])
        out = io.BytesIO()
        wb.save(out)
        with pytest.raises(RegisterFileError, match="ไม่พบแถวหัวตาราง"):
            parse_register(read_xlsx(out.getvalue()))

    def test_a_file_that_is_not_xlsx_is_refused(self):
        with pytest.raises(RegisterFileError, match="xlsx"):
            read_xlsx(b"MZ\x90\x00 not a workbook")


@pytest.mark.django_db
class TestChanges:
    def test_an_existing_centre_shows_what_changes(self):
        village = make_village(subdistrict="431504", number=2, name="บ้านหนองควาย")  # ต.วังหลวง
        centre = make_centre(village=village, name="ศูนย์จัดการกองทุนบ้านหนองควาย", level=3)
        [row] = plan_of(register_xlsx(seed_rows()[:1])).rows
        assert row.village == village and row.centre == centre
        assert row.action == CHANGED
        assert [(c.label, c.old, c.new) for c in row.changes] == [("ผลการจัดระดับ", "๓", "๒")]

    def test_blank_cells_keep_what_is_recorded(self):
        village = make_village(subdistrict="431504", number=2)
        make_centre(
            village=village,
            name="ศูนย์จัดการกองทุนบ้านหนองควาย",
            level=2,
            status=CentreStatus.MODEL,
            model_year=2565,
            remarks="บันทึกของอำเภอ",
        )
        rows = seed_rows()[:1]
        [row] = plan_of(register_xlsx(rows)).rows
        assert row.action == UNCHANGED

    def test_a_district_officer_imports_only_their_district(self, persona):
        plan = plan_of(register_xlsx(), user=persona("faiwrai"))
        matched = {r.row.name for r in plan.rows if r.action != ERROR}
        assert matched == {
            "ศูนย์จัดการกองทุนบ้านหนองควาย",
            "ศูนย์จัดการกองทุนชุมชนบ้านจับไม้",
            "ศูนย์จัดการกองทุนชุมชนบ้านหนองบัวเงิน",
        }
        assert len(plan.errors) == 13
        assert "อ.โพนพิสัย จ.หนองคาย อยู่นอกพื้นที่ของคุณ" in {r.error for r in plan.errors}

    def test_staff_of_another_province_can_import_none_of_it(self, persona):
        plan = plan_of(register_xlsx(), user=persona("loei"))
        assert len(plan.errors) == 16

    @pytest.mark.parametrize("size", [3, 16])
    def test_planning_runs_a_bounded_number_of_queries(self, django_assert_max_num_queries, size):
        data = register_xlsx(seed_rows()[:size])
        seed_import()
        # provinces ×2, districts of one province, subdistricts of each of 9 districts, villages
        with django_assert_max_num_queries(14):
            plan = plan_of(data)
        assert plan.count(UNCHANGED) == size


@pytest.mark.django_db
def test_the_fixture_tsv_parses_like_the_sheet():
    """So that centres/demo.py can load the demo register through the same importer."""
    with SEED_TSV.open(encoding="utf-8") as fh:
        rows = parse_register(list(csv.reader(fh, delimiter="\t")))
    assert [r.name for r in rows] == [r.name for r in parse_register(read_xlsx(register_xlsx()))]
    plan = register_import(rows=rows)
    assert plan.count(NEW) == 16
