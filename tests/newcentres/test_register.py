"""The target register (DOMAIN §7.2) per province and head office's national sheet."""

import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from newcentres import services
from newcentres.models import Nomination, NominationStatus
from tests.factories import make_village
from tests.newcentres.factories import (
    GROUP_PROVINCES,
    LOEI_SUBDISTRICTS,
    make_loei_officer,
    make_nomination,
    make_round,
    make_screening,
)

pytestmark = pytest.mark.django_db

SEED_QUOTAS = dict.fromkeys(GROUP_PROVINCES, 4)
FIRST_ROW = 5  # two title lines, the sheet's own line, two header rows


def _workbook(response) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _village_names(sheet) -> list[str]:
    return [row[4] for row in sheet.iter_rows(min_row=FIRST_ROW + 1, values_only=True)]


@pytest.fixture
def loei_round(persona):
    """Six Loei nominations; the province selected the first four in priority order."""
    round_ = make_round(quotas=SEED_QUOTAS)
    kinds = [
        ("บ้านกทบ", "village_fund", 70),
        ("บ้านออมทรัพย์", "savings", 35),
        ("บ้านอื่น", "other_financial", 90),
        ("บ้านกขคจ", "kkkj", 50),
        ("บ้านออมทรัพย์ใหญ่", "savings", 45),
        ("บ้านกทบเล็ก", "village_fund", 40),
    ]
    officer, staff = make_loei_officer(), persona("loei")
    for index, (name, kind, households) in enumerate(kinds):
        village = make_village(subdistrict=LOEI_SUBDISTRICTS[index % 4], name=name)
        screening = make_screening(
            round_=round_, village=village, core_kind=kind, target_households=households
        )
        services.nomination_create(screening=screening, user=officer)
    ordered = Nomination.objects.with_details().in_priority_order()
    for nomination in ordered[:4]:
        services.nomination_select(nomination=nomination, user=staff)
    return round_


PRIORITY_NAMES = ["บ้านกขคจ", "บ้านออมทรัพย์ใหญ่", "บ้านออมทรัพย์", "บ้านกทบ", "บ้านกทบเล็ก", "บ้านอื่น"]


def test_the_xlsx_lists_the_four_selected_then_all_nominations_in_priority_order(
    client, persona, loei_round
):
    client.force_login(persona("loei"))
    response = client.get(reverse("newcentres:register_xlsx"), {"province": "42", "fy": "2569"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = _workbook(response)
    selected, everything = book.worksheets
    assert selected["A1"].value == (
        "แบบรายงานทะเบียนเป้าหมายการจัดตั้งศูนย์จัดการกองทุนชุมชน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
    )
    assert selected["A2"].value == "จังหวัดเลย ได้รับจัดสรร ๔ แห่ง · อำเภอเสนอ ๖ แห่ง · คัดเลือก ๔ แห่ง"
    assert _village_names(selected) == PRIORITY_NAMES[:4]
    assert _village_names(everything) == PRIORITY_NAMES


def test_the_register_columns_follow_domain_7_2(client, persona, loei_round):
    client.force_login(persona("loei"))
    response = client.get(reverse("newcentres:register_xlsx"), {"province": "เลย", "fy": "2569"})
    sheet = _workbook(response).worksheets[0]
    header = [cell.value for cell in sheet[4]]
    assert header[:8] == [
        "ที่",
        "อำเภอ",
        "ตำบล",
        "หมู่ที่",
        "ชื่อหมู่บ้าน",
        "กลุ่มแกนหลัก",
        "กลุ่ม/กองทุนที่สมัครใจเข้าร่วม",
        "จำนวนครัวเรือนเป้าหมาย",
    ]
    assert header[8] == "หลักเกณฑ์ที่ผ่าน"
    assert header[-2:] == ["เจ้าหน้าที่ผู้ประสานงานและโทรศัพท์", "หมายเหตุ"]
    assert [cell.value for cell in sheet[5]][8:16] == ["1", "2", "3", "4", "5", "6", "7", "บุคคล"]
    first = [cell.value for cell in sheet[FIRST_ROW + 1]]
    assert first[0] == 1 and first[1] == "เมืองเลย"
    assert first[7] == 50
    assert first[8:16] == ["✓"] * 8
    assert "กลุ่มที่ 1 บ้านกขคจ" in first[6]
    assert first[16] == "นางสาวพัฒนา ชุมชน 081 234 5678"
    assert first[17].startswith("จังหวัดคัดเลือกแล้ว")


def test_the_command_line_writes_the_register(tmp_path, loei_round):
    out = tmp_path / "loei.xlsx"
    call_command(
        "export_report", "target-register", "--province", "เลย", "--fy", "2569", "--out", str(out)
    )
    book = openpyxl.load_workbook(out)
    assert _village_names(book.worksheets[0]) == PRIORITY_NAMES[:4]


def test_a_district_officer_sees_only_their_districts_rows(client, loei_round):
    other = make_screening(round_=loei_round, subdistrict="420301")  # อ.เชียงคาน
    make_nomination(screening=other)
    client.force_login(make_loei_officer())
    response = client.get(reverse("newcentres:register"), {"province": "42", "fy": "2569"})
    rows = response.context["tables"][1].rows
    assert len(rows) == 6
    assert {row[1] for row in rows} == {"เมืองเลย"}


def test_another_provinces_register_is_not_found(client, persona, loei_round):
    client.force_login(persona("nongkhai"))
    response = client.get(reverse("newcentres:register_xlsx"), {"province": "42"})
    assert response.status_code == 404


def _fill_quotas(round_):
    """Every province of the group nominates and selects four villages."""
    for subdistrict in ["420101", "431501", "390101", "410101", "380101"]:
        for _ in range(4):
            make_nomination(
                screening=make_screening(round_=round_, subdistrict=subdistrict),
                status=NominationStatus.SELECTED,
            )


def test_the_national_sheet_subtotals_the_group_at_twenty(client, persona):
    round_ = make_round(quotas=SEED_QUOTAS)
    _fill_quotas(round_)
    make_round(fiscal_year=2570, quotas={"42": 9})  # another year does not count
    client.force_login(persona("headoffice"))
    response = client.get(reverse("newcentres:national_xlsx"), {"fy": "2569"})
    sheet = _workbook(response).worksheets[0]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    provinces = [row[2] for row in rows[:5]]
    assert provinces == ["บึงกาฬ", "เลย", "หนองคาย", "หนองบัวลำภู", "อุดรธานี"]
    subtotal = rows[5]
    assert subtotal[1] == "รวมกลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน ๑"
    assert list(subtotal[3:]) == [20, 20, 20, 0]
    assert rows[-1][1] == "รวมทั้งประเทศ"


def test_the_national_sheet_is_head_offices(client, persona):
    make_round(quotas=SEED_QUOTAS)
    client.force_login(persona("loei"))
    assert client.get(reverse("newcentres:national_xlsx")).status_code == 403


@pytest.mark.parametrize("size", [3, 30])
def test_the_register_queries_do_not_grow_with_rows(
    client, persona, django_assert_max_num_queries, size
):
    round_ = make_round(quotas={"43": 40})
    for _ in range(size):
        make_nomination(screening=make_screening(round_=round_), status=NominationStatus.SELECTED)
    client.force_login(persona("nongkhai"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("newcentres:register_xlsx"), {"province": "43", "fy": "2569"})
    assert len(_village_names(_workbook(response).worksheets[0])) == size


@pytest.mark.parametrize("size", [3, 30])
def test_the_national_sheet_and_round_page_queries_do_not_grow(
    client, persona, django_assert_max_num_queries, size
):
    round_ = make_round(quotas=SEED_QUOTAS)
    for _ in range(size):
        make_nomination(screening=make_screening(round_=round_))
    client.force_login(persona("headoffice"))
    with django_assert_max_num_queries(10):
        client.get(reverse("newcentres:national"), {"fy": "2569"})
    with django_assert_max_num_queries(10):
        response = client.get(reverse("newcentres:round", args=[round_.pk]))
    assert response.context["summary"].totals.nominated == size
