"""Writes that touch several rows of a centre's records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cdfmc.access import can_edit_area
from centres.models import Centre, Evidence, EvidenceTag
from centres.uploads import CheckedFile, make_thumbnail


def centre_create(*, user, form) -> Centre:
    """Save a new centre from a valid CentreForm, refusing a village outside the user's area."""
    village = form.cleaned_data["village"]
    if not can_edit_area(user, village.district_code):
        raise ValidationError({"village": _("หมู่บ้านนี้อยู่นอกพื้นที่ของท่าน")})
    return form.save()


@transaction.atomic
def evidence_upload(
    *,
    centre: Centre,
    user,
    upload,
    checked: CheckedFile,
    title: str,
    indicator_codes: list[str],
    fiscal_year: int | None = None,
) -> Evidence:
    """Store an already checked file under a random name, its thumbnail, and its tags."""
    evidence = Evidence(
        centre=centre,
        title=title,
        kind=checked.kind,
        content_type=checked.content_type,
        size=upload.size,
        uploaded_by=user,
        fiscal_year=fiscal_year,
    )
    evidence.file.save(f"upload{checked.extension}", upload, save=False)
    try:
        if checked.kind == "photo":
            evidence.thumbnail.save("thumb.jpg", make_thumbnail(upload), save=False)
        evidence.save()
        for code in sorted(set(indicator_codes)):
            EvidenceTag.objects.create(evidence=evidence, indicator_code=code)
    except Exception:
        # No row will point at the stored files: remove them, then let the error through.
        _delete_files(evidence)
        raise
    return evidence


def _delete_files(evidence: Evidence) -> None:
    for field in (evidence.file, evidence.thumbnail):
        if field:
            field.storage.delete(field.name)


@transaction.atomic
def evidence_delete(*, evidence: Evidence) -> None:
    """Delete the record, then its files once the deletion is committed."""
    for tag in evidence.tags.all():
        tag.delete()  # one by one, so each removal is in the history
    evidence.delete()
    transaction.on_commit(lambda: _delete_files(evidence))


@transaction.atomic
def action_plan_save(*, form, formset):
    """The plan and its activities together, all or nothing."""
    plan = form.save()
    formset.instance = plan
    formset.save()
    return plan
