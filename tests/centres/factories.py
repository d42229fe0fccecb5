"""Factories for a centre's parts (the centre itself: tests/factories.py)."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from centres import services
from centres.models import (
    ActionPlan,
    CommitteeMember,
    CommitteeRole,
    Division,
    Meeting,
    MeetingKind,
    PlanActivity,
    Training,
    TrainingKind,
    Visit,
    VisitorLevel,
)
from centres.uploads import check_upload


def png_bytes(size=(40, 30), color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size=(800, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def pdf_bytes(pages=1) -> bytes:
    """A real PDF (A4 pages, blank), as a PDF parser reads it."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_committee_member(*, centre, role=CommitteeRole.MEMBER, name="นายสมศักดิ์ ทดสอบ", **kw):
    return CommitteeMember.objects.create(centre=centre, role=role, name=name, **kw)


def make_division(*, centre, name="ฝ่ายอำนวยการ"):
    return Division.objects.create(centre=centre, name=name, duties="ประสานงาน")


def make_meeting(*, centre, kind=MeetingKind.COMMITTEE, held_on=None, attendees=9, **kw):
    held_on = held_on or datetime.date(2025, 11, 5)
    return Meeting.objects.create(
        centre=centre, kind=kind, held_on=held_on, attendees=attendees, **kw
    )


def make_training(*, centre, held_on=None):
    return Training.objects.create(
        centre=centre,
        kind=TrainingKind.TRAINING,
        held_on=held_on or datetime.date(2025, 12, 1),
        title="อบรมการบริหารจัดการหนี้",
        participants=20,
    )


def make_visit(*, centre, visited_on=None):
    return Visit.objects.create(
        centre=centre,
        visited_on=visited_on or datetime.date(2025, 12, 10),
        visitor_level=VisitorLevel.DISTRICT,
        visitor_name="พัฒนาการอำเภอเฝ้าไร่",
        recommendations="ให้จัดทำทะเบียนลูกหนี้",
    )


def make_action_plan(*, centre, fiscal_year=2569, activities=("ประชุมประจำเดือน",)):
    plan = ActionPlan.objects.create(centre=centre, fiscal_year=fiscal_year)
    for name in activities:
        PlanActivity.objects.create(plan=plan, name=name)
    return plan


def make_evidence(*, centre, user=None, content=None, name="photo.png", indicators=("1.3",)):
    upload = SimpleUploadedFile(name, content or png_bytes())
    return services.evidence_upload(
        centre=centre,
        user=user,
        upload=upload,
        checked=check_upload(upload),
        title="ภาพการประชุม",
        indicator_codes=list(indicators),
        fiscal_year=2569,
    )
