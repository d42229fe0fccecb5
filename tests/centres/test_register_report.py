"""The provincial register: one exporter class for the screen and the xlsx file."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cdfmc.collation import thai_sort_key
from cdfmc.geo.models import Province
from cdfmc.thaitime import to_arabic_digits
from centres.models import CentreStatus
from centres.reports import CentreRegister
from tests.centres.test_import_register import NONGKHAI_TITLE, seed_import, seed_rows
from tests.factories import FAI_RAI, LOEI_KUT_PONG, WAT_LUANG, make_centre, make_village

HEADER = [
    ["ที่", "ชื่อศูนย์จัดการกองทุนชุมชน", "ที่ตั้ง", None, None, None]
    + ["ผลการประเมินการจัดระดับการพัฒนา", "หมายเหตุ"],
    [None, None, "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", None, None],
]
# What the register corrects when it prints the official names.
OFFICIAL = {"เมืองฯ": "เมืองหนองคาย", "แก้งไก่อ": "แก้งไก่"}


def sheet(content: bytes):
    ws = load_workbook(io.BytesIO(content)).worksheets[0]
    return ws, [
        [c if c is not None else None for c in row] for row in ws.iter_rows(values_only=True)
    ]


def nongkhai():
    return Province.objects.get(code="43")


def seed_as_exported() -> set[tuple]:
    """The seed's rows with the official names, without the running number."""
    return {tuple(OFFICIAL.get(v, v) for v in row[1:]) for row in seed_rows()}


def data_rows(values) -> list[list]:
    return [[v if v is not None else "" for v in row] for row in values[4:]]


@pytest.mark.django_db
class TestRegisterFile:
    def test_the_imported_seed_exports_as_the_same_sixteen_rows(self, admin_client):
        seed_import()
        response = admin_client.get(reverse("centres:register_xlsx"), {"province": "43"})
        assert response["Content-Disposition"] == 'attachment; filename="centre-register-43.xlsx"'
        ws, values = sheet(response.content)
        assert values[0][0] == NONGKHAI_TITLE
        assert values[1][0] == "จำนวน ๑๖ แห่ง"
        assert [list(v) for v in values[2:4]] == HEADER
        rows = data_rows(values)
        assert len(rows) == 16
        assert {tuple(row[1:]) for row in rows} == seed_as_exported()
        assert [row[0] for row in rows] == ["๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"] + [
            "๑๐", "๑๑", "๑๒", "๑๓", "๑๔", "๑๕", "๑๖",
        ]  # fmt: skip
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert {"A1:H1", "A2:H2", "C3:F3", "A3:A4", "B3:B4", "G3:G4", "H3:H4"} <= merged

    def test_rows_are_in_dictionary_order_of_district_subdistrict_and_village(self):
        seed_import()
        [table] = CentreRegister(province=nongkhai()).tables()
        keys = [
            (thai_sort_key(r[4]), thai_sort_key(r[3]), int(to_arabic_digits(r[2])))
            for r in table.rows
        ]
        assert keys == sorted(keys)
        assert table.rows[0][4] == "ท่าบ่อ"  # ท before ฝ, ม, ร, ศ, ส, โ (leading vowel: พ)

    def test_model_centres_show_their_year_and_remarks_follow(self):
        seed_import()
        centre = make_centre(
            subdistrict=FAI_RAI, status=CentreStatus.MODEL, model_year=2568, remarks="ย้ายที่ทำการ"
        )
        rows = {r[1]: r for r in CentreRegister(province=nongkhai()).tables()[0].rows}
        assert rows["ศูนย์จัดการกองทุนชุมชนบ้านคำปะกั้ง"][7] == "ศจก.ต้นแบบ ปี ๒๕๖๑"
        assert rows[centre.name][7] == "ศจก.ต้นแบบ ปี ๒๕๖๘ ย้ายที่ทำการ"

    @pytest.mark.parametrize(
        ("order", "column", "expected_first"),
        [("level", 6, "๓"), ("name", 1, "ศูนย์จัดการกองทุนชุมชนบ้านคำปะกั้ง")],
    )
    def test_the_province_may_choose_another_order(self, order, column, expected_first):
        seed_import()
        rows = CentreRegister(province=nongkhai(), order=order).tables()[0].rows
        assert rows[0][column] == expected_first
        if order == "level":
            assert [r[6] for r in rows] == sorted((r[6] for r in rows), reverse=True)

    def test_the_command_line_report_is_the_whole_province(self):
        seed_import()
        make_centre(subdistrict=LOEI_KUT_PONG)
        [table] = CentreRegister(province=nongkhai()).tables()
        assert len(table.rows) == 16


@pytest.mark.django_db
class TestRegisterScreen:
    def test_screen_and_file_show_the_same_rows(self, client, persona):
        seed_import()
        client.force_login(persona("nongkhai"))
        page = client.get(reverse("centres:register"))
        file = client.get(reverse("centres:register_xlsx"))
        [table] = page.context["tables"]
        assert table.rows == data_rows(sheet(file.content)[1])
        html = page.content.decode()
        assert NONGKHAI_TITLE in html and "จำนวน ๑๖ แห่ง" in html
        assert '<th colspan="4" rowspan="1">ที่ตั้ง</th>' in html
        assert 'data-testid="register-import"' in html

    def test_a_district_officer_sees_only_their_district(self, client, persona):
        seed_import()
        client.force_login(persona("faiwrai"))
        [table] = client.get(reverse("centres:register")).context["tables"]
        assert table.title_lines == [NONGKHAI_TITLE, "จำนวน ๓ แห่ง"]
        assert {r[4] for r in table.rows} == {"เฝ้าไร่"}

    def test_staff_of_another_province_get_404(self, client, persona):
        client.force_login(persona("loei"))
        assert client.get(reverse("centres:register"), {"province": "หนองคาย"}).status_code == 404
        assert client.get(reverse("centres:register_xlsx"), {"province": "43"}).status_code == 404

    def test_own_province_is_the_default(self, client, persona):
        make_centre(subdistrict=LOEI_KUT_PONG, name="ศูนย์จัดการกองทุนชุมชนบ้านเลย")
        make_centre(subdistrict=FAI_RAI)
        client.force_login(persona("loei"))
        [table] = client.get(reverse("centres:register")).context["tables"]
        assert table.title_lines[0] == "ทะเบียนศูนย์จัดการกองทุนชุมชนจังหวัดเลย"
        assert [r[1] for r in table.rows] == ["ศูนย์จัดการกองทุนชุมชนบ้านเลย"]

    def test_head_office_without_a_province_gets_every_province(self, client, persona):
        make_centre(subdistrict=LOEI_KUT_PONG)
        make_centre(subdistrict=FAI_RAI)
        client.force_login(persona("headoffice"))
        page = client.get(reverse("centres:register"))
        [table] = page.context["tables"]
        assert table.title_lines == ["ทะเบียนศูนย์จัดการกองทุนชุมชน", "จำนวน ๒ แห่ง"]
        assert [r[5] for r in table.rows] == ["เลย", "หนองคาย"]
        assert 'data-testid="register-import"' not in page.content.decode()


def _centres(n: int):
    subdistricts = [FAI_RAI, WAT_LUANG, "431504"]
    for i in range(n):
        village = make_village(subdistrict=subdistricts[i % 3], number=i // 3 + 1)
        status = CentreStatus.MODEL if i % 4 == 0 else CentreStatus.ESTABLISHED
        make_centre(village=village, level=i % 3 + 1, status=status, model_year=2560 + i % 7)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("url", ["centres:register", "centres:register_xlsx"])
def test_register_runs_a_bounded_number_of_queries(
    client, persona, django_assert_max_num_queries, size, url
):
    _centres(size)
    client.force_login(persona("nongkhai"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse(url), {"province": "43", "order": "level"})
    assert response.status_code == 200
