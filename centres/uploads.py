"""What an evidence upload may be: checked by content (magic bytes), not by its name.

PDF, JPEG and PNG are recognised by their signatures; DOCX and XLSX are zip files whose
entries must include word/ or xl/ (a zip of anything else is refused).
"""

import io
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from centres.models import EvidenceKind

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SIGNATURE_TYPES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}
ZIP_TYPES = {"word/": (DOCX, ".docx"), "xl/": (XLSX, ".xlsx")}
THUMBNAIL_SIZE = (320, 320)


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str

    @property
    def kind(self) -> str:
        return (
            EvidenceKind.PHOTO if self.content_type.startswith("image/") else EvidenceKind.DOCUMENT
        )


def _zip_office_type(upload) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for prefix, found in ZIP_TYPES.items():
        if any(name.startswith(prefix) for name in names):
            return found
    return None


def _check_image(upload):
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()  # verify() does not decode JPEG data: a cut-off photo passes it
    except Image.DecompressionBombError:
        # A small file can declare billions of pixels; making its thumbnail would exhaust memory.
        raise ValidationError(
            _("ภาพมีจำนวนพิกเซลมากเกินไป กรุณาย่อขนาดภาพก่อนอัปโหลด"), code="too_many_pixels"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError(_("ไฟล์ภาพเสียหรือเปิดไม่ได้"), code="broken_image") from None
    finally:
        upload.seek(0)


def check_upload(upload) -> CheckedFile:
    """The file's real type, or ValidationError with a Thai message (type or size)."""
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
        office = _zip_office_type(upload)
        if office:
            return CheckedFile(*office)
    else:
        guessed = filetype.guess(head)
        if guessed is not None and guessed.mime in SIGNATURE_TYPES:
            if guessed.mime.startswith("image/"):
                _check_image(upload)
            return CheckedFile(guessed.mime, SIGNATURE_TYPES[guessed.mime])
    raise ValidationError(
        _("ไฟล์ต้องเป็น PDF, JPEG, PNG, DOCX หรือ XLSX (ตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์)"),
        code="file_type",
    )


def make_thumbnail(upload) -> ContentFile:
    """A small JPEG of an uploaded photo, for the centre page."""
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")  # phone photos stand upright
        image.thumbnail(THUMBNAIL_SIZE)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
    upload.seek(0)
    return ContentFile(out.getvalue(), name="thumb.jpg")
