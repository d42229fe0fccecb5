"""Importing a register on the web: upload → preview (nothing written) → confirm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cdfmc.geo.models import Village
from centres.models import Centre
from centres.register_views import SESSION_KEY
from tests.centres.test_import_register import register_xlsx, seed_import, seed_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNMATCHED = ["๑๗", "ศูนย์จัดการกองทุนชุมชนบ้านสมมุติ", "๒", "ตำบลสมมุติ", "เฝ้าไร่", "หนองคาย", "๒", ""]


def upload(client, data: bytes, name="ทะเบียนศูนย์.xlsx"):
    file = SimpleUploadedFile(name, data, content_type=XLSX)
    return client.post(reverse("centres:register_import"), {"file": file})


def confirm(client, response):
    return client.post(
        reverse("centres:register_import_confirm"), {"token": response.context["token"]}
    )


@pytest.fixture
def provincial(client, persona):
    client.force_login(persona("nongkhai"))
    return client


@pytest.mark.django_db
class TestPreviewAndConfirm:
    def test_the_preview_shows_every_row_and_writes_nothing(self, provincial):
        response = upload(provincial, register_xlsx())
        assert response.status_code == 200
        plan = response.context["plan"]
        assert plan.summary["new"] == 16 and plan.summary["error"] == 0
        html = response.content.decode()
        assert html.count('data-action="new"') == 16
        assert "แก้งไก่อ → แก้งไก่" in html
        assert "จะสร้างใหม่" in html and "บ้านโสกกล้า" in html
        assert 'data-testid="import-confirm"' in html
        assert not Centre.objects.exists() and not Village.objects.exists()

    def test_confirm_applies_the_sheet_and_clears_the_session(self, provincial):
        preview = upload(provincial, register_xlsx())
        response = confirm(provincial, preview)
        assert response.status_code == 302
        assert response["Location"] == reverse("centres:register")
        assert Centre.objects.in_province("43").count() == 16
        assert SESSION_KEY not in provincial.session
        # The same token cannot apply twice.
        again = confirm(provincial, preview)
        assert again["Location"] == reverse("centres:register_import")

    def test_the_same_sheet_again_shows_no_change(self, provincial):
        seed_import()
        response = upload(provincial, register_xlsx())
        assert response.context["plan"].changes == 0
        html = response.content.decode()
        assert 'data-testid="import-nothing"' in html
        assert 'data-testid="import-confirm"' not in html

    def test_an_unmatched_row_is_listed_and_confirm_is_refused(self, provincial):
        preview = upload(provincial, register_xlsx([*seed_rows(), UNMATCHED]))
        html = preview.content.decode()
        assert 'data-testid="import-blocked"' in html
        assert "ไม่พบตำบล “ตำบลสมมุติ” ในอำเภอเฝ้าไร่" in html
        assert 'data-testid="import-confirm"' not in html
        # Posting the confirm anyway writes nothing.
        response = confirm(provincial, preview)
        assert response.status_code == 200
        assert "แถวที่ 22" in response.content.decode()
        assert not Centre.objects.exists() and not Village.objects.exists()

    def test_a_wrong_token_writes_nothing(self, provincial):
        upload(provincial, register_xlsx())
        response = provincial.post(reverse("centres:register_import_confirm"), {"token": "x"})
        assert response["Location"] == reverse("centres:register_import")
        assert not Centre.objects.exists()


@pytest.mark.django_db
class TestScope:
    def test_a_district_officer_is_refused_other_districts_rows(self, client, persona):
        client.force_login(persona("faiwrai"))
        preview = upload(client, register_xlsx())
        assert preview.context["plan"].summary["error"] == 13
        assert "อ.โพนพิสัย จ.หนองคาย อยู่นอกพื้นที่ของคุณ" in preview.content.decode()
        confirm(client, preview)
        assert not Centre.objects.exists()

    def test_a_district_officer_imports_their_own_rows(self, client, persona):
        own = [row for row in seed_rows() if row[4] == "เฝ้าไร่"]
        client.force_login(persona("faiwrai"))
        response = confirm(client, upload(client, register_xlsx(own)))
        assert response.status_code == 302
        assert Centre.objects.in_district("4315").count() == 3

    def test_head_office_may_not_import(self, client, persona):
        client.force_login(persona("headoffice"))
        assert upload(client, register_xlsx()).status_code == 403


@pytest.mark.django_db
class TestFiles:
    def test_a_renamed_program_is_refused_in_thai(self, provincial):
        response = upload(provincial, b"MZ\x90\x00\x03" + b"\x00" * 100, name="ทะเบียน.xlsx")
        assert response.status_code == 200
        assert "อ่านไฟล์ไม่ได้ ต้องเป็นไฟล์ Excel (.xlsx)" in response.content.decode()

    def test_another_extension_is_refused(self, provincial):
        response = upload(provincial, register_xlsx(), name="ทะเบียน.exe")
        assert "ต้องเป็นไฟล์ Excel นามสกุล .xlsx" in response.content.decode()

    def test_an_oversized_file_is_refused(self, provincial, monkeypatch):
        monkeypatch.setattr("centres.register_views.MAX_UPLOAD_BYTES", 1000)
        response = upload(provincial, register_xlsx())
        assert "ไฟล์ใหญ่เกิน" in response.content.decode()
        assert SESSION_KEY not in provincial.session

    def test_the_upload_form_renders(self, provincial):
        response = provincial.get(reverse("centres:register_import"))
        assert 'data-testid="register-upload-form"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 16])
def test_the_preview_runs_a_bounded_number_of_queries(
    provincial, django_assert_max_num_queries, size
):
    seed_import()
    data = register_xlsx(seed_rows()[:size])
    with django_assert_max_num_queries(20):
        response = upload(provincial, data)
    assert response.context["plan"].count("unchanged") == size
