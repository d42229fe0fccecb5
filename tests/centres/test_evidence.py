import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centres.models import Evidence
from centres.uploads import DOCX, PPTX, XLSX
from tests.centres.factories import jpeg_bytes, make_evidence, pdf_bytes, png_bytes
from tests.factories import make_centre

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def office_zip(folder: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<x/>")
    return out.getvalue()


def upload(client, centre, content, name, **extra):
    data = {
        "file": SimpleUploadedFile(name, content),
        "title": "หลักฐาน",
        "indicators": ["1.3", "2.9"],
        "fiscal_year": "2569",
        **extra,
    }
    return client.post(reverse("centres:evidence_add", args=[centre.pk]), data)


@pytest.fixture
def officer(client, persona):
    client.force_login(persona("faiwrai"))
    return client


def test_an_exe_renamed_pdf_is_refused_in_thai(officer):
    centre = make_centre()
    response = upload(officer, centre, EXE, "รายงานการประชุม.pdf")
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert "ไฟล์ต้องเป็น PDF, JPEG, PNG, DOCX, XLSX หรือ PPTX" in error
    assert not Evidence.objects.exists()


def test_an_oversized_file_is_refused_with_the_limit(officer, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    centre = make_centre()
    response = upload(officer, centre, pdf_bytes() + b"0" * (2 * 1024 * 1024), "big.pdf")
    error = response.context["form"].errors["file"][0]
    assert "เกินขนาดที่กำหนด 1 MB" in error
    assert not Evidence.objects.exists()


def pixel_bomb(size=(12000, 12000)) -> bytes:
    """A small PNG that declares a huge picture (12000×12000: 432 MB once decoded)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size).save(out, "PNG", optimize=True)
    return out.getvalue()


def test_a_photo_above_the_pixel_limit_is_refused_at_the_field_in_thai(officer):
    content = pixel_bomb()
    assert len(content) < 600 * 1024  # the reported file was 140 KB
    response = upload(officer, make_centre(), content, "bomb.png")
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert "ภาพมีจำนวนพิกเซลมากเกินไป (12,000 × 12,000 พิกเซล เกิน 40 ล้านพิกเซล)" in error
    assert not Evidence.objects.exists()


def test_the_pixel_count_is_read_from_the_header_before_decoding(monkeypatch, settings):
    from PIL import ImageFile

    from centres.uploads import check_upload

    def decoding(*args, **kwargs):
        raise AssertionError("pixels decoded before the size was checked")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decoding)
    settings.UPLOAD_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match="พิกเซลมากเกินไป"):
        check_upload(SimpleUploadedFile("bomb.png", pixel_bomb((1001, 1000))))


def test_an_image_beyond_what_pillow_accepts_is_refused_in_thai(officer):
    response = upload(officer, make_centre(), pixel_bomb((14000, 14000)), "bomb.png")
    assert "พิกเซลมากเกินไป" in response.context["form"].errors["file"][0]
    assert not Evidence.objects.exists()


def test_a_file_that_only_starts_like_a_pdf_is_refused(officer):
    response = upload(officer, make_centre(), b"%PDF-1.7\n" + b"\x8f garbage " * 500, "a.pdf")
    assert response.status_code == 200
    assert "ไฟล์ PDF เสียหรือเปิดไม่ได้" in response.context["form"].errors["file"][0]
    assert not Evidence.objects.exists()


def inflating_docx(megabytes: int) -> bytes:
    """A docx whose one member inflates to `megabytes` MB of zeros (a few hundred KB zipped)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                member.write(chunk)
    return out.getvalue()


def test_a_docx_inflating_to_200_mb_is_refused_in_thai(officer):
    content = inflating_docx(200)
    assert len(content) < 1024 * 1024
    response = upload(officer, make_centre(), content, "report.docx")
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert "เมื่อขยายแล้วมีขนาด 200 MB เกินที่กำหนด 100 MB" in error
    assert not Evidence.objects.exists()


def test_an_office_file_of_too_many_parts_is_refused(officer, settings):
    settings.UPLOAD_MAX_ZIP_MEMBERS = 50
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for n in range(60):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", "<x/>")
    response = upload(officer, make_centre(), out.getvalue(), "big.xlsx")
    assert "ส่วนประกอบ 61 ส่วน" in response.context["form"].errors["file"][0]


def test_a_cut_off_photo_is_refused_in_thai(officer):
    import weasyprint  # noqa: F401 - it makes Pillow accept cut-off images process-wide

    response = upload(officer, make_centre(), jpeg_bytes()[:2000], "cut.jpg")
    assert response.status_code == 200
    assert "ไฟล์ภาพเสียหรือเปิดไม่ได้" in response.context["form"].errors["file"][0]
    assert not Evidence.objects.exists()


def test_a_plain_zip_named_docx_is_refused(officer):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    response = upload(officer, make_centre(), out.getvalue(), "report.docx")
    assert "file" in response.context["form"].errors


@pytest.mark.parametrize(
    ("content", "name", "content_type", "kind"),
    [
        (pdf_bytes(), "a.pdf", "application/pdf", "document"),
        (png_bytes(), "a.png", "image/png", "photo"),
        (jpeg_bytes(), "photo.JPG", "image/jpeg", "photo"),
        (office_zip("word/"), "a.docx", DOCX, "document"),
        (office_zip("xl/"), "a.xlsx", XLSX, "document"),
        (office_zip("ppt/"), "slides.pptx", PPTX, "document"),
    ],
)
def test_allowed_files_are_stored_by_content(officer, content, name, content_type, kind):
    centre = make_centre()
    assert upload(officer, centre, content, name).status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.content_type, evidence.kind) == (content_type, kind)
    assert sorted(evidence.tags.values_list("indicator_code", flat=True)) == ["1.3", "2.9"]
    # Stored under a random name, never the typed one.
    assert re.fullmatch(rf"evidence/{centre.pk}/[0-9a-f]{{32}}\.\w+", evidence.file.name)
    assert bool(evidence.thumbnail) == (kind == "photo")


def test_a_png_with_the_pdf_name_is_stored_as_png(officer):
    upload(officer, make_centre(), png_bytes(), "scan.pdf")
    assert Evidence.objects.get().file.name.endswith(".png")


def test_a_thumbnail_is_small(officer):
    from PIL import Image

    upload(officer, make_centre(), jpeg_bytes((2000, 1500)), "big.jpg")
    with Image.open(Evidence.objects.get().thumbnail) as thumb:
        assert max(thumb.size) <= 320


@pytest.mark.parametrize(
    ("name", "status"),
    [("faiwrai", 200), ("phonphisai", 404), ("nongkhai", 200), ("loei", 404), ("headoffice", 200)],
)
def test_files_are_served_only_to_users_who_see_the_centre(client, persona, name, status):
    centre = make_centre()
    evidence = make_evidence(centre=centre)
    client.force_login(persona(name))
    response = client.get(reverse("centres:evidence_file", args=[centre.pk, evidence.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == evidence.file.open("rb").read()
        assert response["Content-Type"] == "image/png"


def test_evidence_cannot_be_reached_through_another_centre(officer):
    mine, other = make_centre(), make_centre()
    evidence = make_evidence(centre=other)
    url = reverse("centres:evidence_file", args=[mine.pk, evidence.pk])
    assert officer.get(url).status_code == 404


def test_the_thumbnail_is_served_through_the_same_view(officer):
    centre = make_centre()
    evidence = make_evidence(centre=centre, content=jpeg_bytes())
    url = reverse("centres:evidence_file", args=[centre.pk, evidence.pk]) + "?thumb=1"
    response = officer.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == evidence.thumbnail.open("rb").read()


def test_stored_files_have_no_public_url(officer):
    evidence = make_evidence(centre=make_centre())
    for url in (f"/{evidence.file.name}", f"/media/{evidence.file.name}"):
        assert officer.get(url).status_code == 404


def test_deleting_evidence_removes_its_files(officer, django_capture_on_commit_callbacks):
    centre = make_centre()
    evidence = make_evidence(centre=centre, content=jpeg_bytes())
    storage, names = evidence.file.storage, [evidence.file.name, evidence.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(reverse("centres:evidence_delete", args=[centre.pk, evidence.pk]))
    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert not any(storage.exists(n) for n in names)
