"""What an evidence upload may be: checked by content, never by its name, and bounded
before anything is decoded or inflated.

- Photos (JPEG, PNG): the pixel count is read from the header and refused above
  `settings.UPLOAD_MAX_PIXELS` before a single pixel is decoded (a 140 KB PNG can
  declare 12000×12000 pixels, 432 MB once decoded); then the image is decoded to prove
  it is whole.
- PDF: opened with a PDF parser (pypdf) and must have at least one page; `%PDF-` followed
  by anything else is refused.
- Office files (DOCX, XLSX, PPTX): zip files whose directory must include word/, xl/ or
  ppt/; the member count and total uncompressed size are read from the zip directory and
  bounded before anything is inflated.
"""

import contextlib
import io
import threading
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from centres.models import EvidenceKind

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PDF = "application/pdf"
SIGNATURE_TYPES = {
    PDF: ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}
ZIP_TYPES = {"word/": (DOCX, ".docx"), "xl/": (XLSX, ".xlsx"), "ppt/": (PPTX, ".pptx")}
THUMBNAIL_SIZE = (320, 320)
# A stored file is served as a sandboxed document: no script, no form, no plugin, an
# origin of its own, whatever a crafted file manages to make the browser believe.
EVIDENCE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"

# WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process when imported, so a
# cut-off photo would decode "successfully" with grey filling. The check turns it off
# while it decodes (one check at a time; WeasyPrint only ever reads our own files).
_strict_lock = threading.Lock()


@contextlib.contextmanager
def _strict_decoding():
    with _strict_lock:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str

    @property
    def kind(self) -> str:
        return (
            EvidenceKind.PHOTO if self.content_type.startswith("image/") else EvidenceKind.DOCUMENT
        )


def check_zip_bounds(upload) -> list[str] | None:
    """The member names of a zip upload (None if it is no zip), bounded from its directory.

    Raises ValidationError in Thai when the zip has too many members or would inflate
    beyond `settings.UPLOAD_MAX_UNCOMPRESSED_BYTES`. Nothing is inflated.
    """
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if len(members) > settings.UPLOAD_MAX_ZIP_MEMBERS:
        raise ValidationError(
            _("ไฟล์มีส่วนประกอบ %(count)s ส่วน เกินกว่าที่รับได้ (%(limit)s ส่วน)")
            % {"count": f"{len(members):,}", "limit": f"{settings.UPLOAD_MAX_ZIP_MEMBERS:,}"},
            code="too_many_members",
        )
    inflated = sum(member.file_size for member in members)
    limit = settings.UPLOAD_MAX_UNCOMPRESSED_BYTES
    if inflated > limit:
        raise ValidationError(
            _("เนื้อหาของไฟล์เมื่อขยายแล้วมีขนาด %(size)s MB เกินที่กำหนด %(limit)s MB")
            % {"size": f"{inflated / 1024 / 1024:,.0f}", "limit": f"{limit / 1024 / 1024:g}"},
            code="too_large_uncompressed",
        )
    return [member.filename for member in members]


def _office_type(upload) -> tuple[str, str] | None:
    names = check_zip_bounds(upload) or []
    if "[Content_Types].xml" not in names:
        return None
    for prefix, found in ZIP_TYPES.items():
        if any(name.startswith(prefix) for name in names):
            return found
    return None


def _too_many_pixels(size=None):
    limit = f"{settings.UPLOAD_MAX_PIXELS / 1e6:g}"
    if size is None:  # Pillow itself refused the header (far beyond any photo)
        message = _("ภาพมีจำนวนพิกเซลมากเกินไป (เกิน %(limit)s ล้านพิกเซล) กรุณาย่อขนาดภาพก่อนอัปโหลด")
        return ValidationError(message % {"limit": limit}, code="too_many_pixels")
    message = _(
        "ภาพมีจำนวนพิกเซลมากเกินไป (%(width)s × %(height)s พิกเซล เกิน %(limit)s ล้านพิกเซล) "
        "กรุณาย่อขนาดภาพก่อนอัปโหลด"
    )
    params = {"width": f"{size[0]:,}", "height": f"{size[1]:,}", "limit": limit}
    return ValidationError(message % params, code="too_many_pixels")


def _check_image(upload):
    upload.seek(0)
    try:
        with Image.open(upload) as image:  # lazy: reads the header, decodes nothing
            width, height = image.size
            if width * height > settings.UPLOAD_MAX_PIXELS:
                raise _too_many_pixels(image.size)
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image, _strict_decoding():
            image.draft("RGB", THUMBNAIL_SIZE)  # JPEG: decode at 1/8 scale, whole stream read
            image.load()  # verify() does not decode JPEG data: a cut-off photo passes it
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("ไฟล์ภาพเสียหรือเปิดไม่ได้"), code="broken_image") from None
    finally:
        upload.seek(0)


def _check_pdf(upload):
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("ไฟล์ PDF ตั้งรหัสผ่านไว้ ผู้ตรวจเปิดไม่ได้ กรุณาอัปโหลดไฟล์ที่ไม่มีรหัสผ่าน"),
                code="encrypted_pdf",
            )
        pages = len(reader.pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        pages = 0
    finally:
        upload.seek(0)
    if pages < 1:
        raise ValidationError(_("ไฟล์ PDF เสียหรือเปิดไม่ได้"), code="broken_pdf")


def check_upload(upload) -> CheckedFile:
    """The file's real type, or ValidationError with a Thai message (type, size, content)."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("ไฟล์มีขนาด %(size).1f MB เกินขนาดที่กำหนด %(limit)s MB")
            % {"size": upload.size / 1024 / 1024, "limit": f"{limit / 1024 / 1024:g}"},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"PK\x03\x04"):
        office = _office_type(upload)
        if office:
            return CheckedFile(*office)
    else:
        guessed = filetype.guess(head)
        if guessed is not None and guessed.mime in SIGNATURE_TYPES:
            if guessed.mime.startswith("image/"):
                _check_image(upload)
            else:
                _check_pdf(upload)
            return CheckedFile(guessed.mime, SIGNATURE_TYPES[guessed.mime])
    raise ValidationError(
        _("ไฟล์ต้องเป็น PDF, JPEG, PNG, DOCX, XLSX หรือ PPTX (ตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์)"),
        code="file_type",
    )


def make_thumbnail(upload) -> ContentFile:
    """A small JPEG of an uploaded photo (already checked), for the centre page."""
    upload.seek(0)
    with Image.open(upload) as image:
        image.draft("RGB", THUMBNAIL_SIZE)  # JPEG: decode at reduced scale, not full size
        image = ImageOps.exif_transpose(image).convert("RGB")  # phone photos stand upright
        image.thumbnail(THUMBNAIL_SIZE)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
    upload.seek(0)
    return ContentFile(out.getvalue(), name="thumb.jpg")


def download_name(title: str, extension: str) -> str:
    """The file name a download is saved under: the title without control or path characters."""
    kept = "".join(ch for ch in title if ch.isprintable() and ch not in '\\/:*?"<>|')
    return f"{kept.strip()[:100] or 'evidence'}.{extension}"
