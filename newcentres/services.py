"""Writes of the new-centres round: quotas, screenings, nominations, selection, establishment."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cdfmc.access import can_manage_province
from cdfmc.geo.models import Province
from cdfmc.thaitime import format_be_date
from centres.models import Centre, CentreStatus
from newcentres.models import (
    ACTIVE_STATUSES,
    Nomination,
    NominationStatus,
    Quota,
    Round,
    Screening,
)

CENTRE_NAME_PREFIX = "ศูนย์จัดการกองทุนชุมชน"


def district_deadline(round_: Round, province_code: str) -> datetime.date:
    """The province's own deadline for its districts if it set one, else the round's."""
    quota = (
        Quota.objects.filter(round=round_, province_id=province_code)
        .select_related("round")
        .first()
    )
    return quota.deadline if quota else round_.district_deadline


@transaction.atomic
def quotas_set(*, round_: Round, quotas: dict[str, tuple[int, datetime.date | None]]) -> None:
    """Set each province's quota (and its own district deadline); 0 and no date removes it."""
    existing = {q.province_id: q for q in Quota.objects.filter(round=round_)}
    for code, (amount, deadline) in quotas.items():
        quota = existing.get(code)
        if not amount and not deadline:
            if quota:
                quota.delete()
            continue
        if quota is None:
            Quota.objects.create(
                round=round_, province_id=code, quota=amount or 0, district_deadline=deadline
            )
        elif (quota.quota, quota.district_deadline) != (amount or 0, deadline):
            quota.quota, quota.district_deadline = amount or 0, deadline
            quota.save()


@transaction.atomic
def screening_save(*, form, formset, user) -> Screening:
    """Save a screening with its willing groups (the form and formset are valid)."""
    screening = form.save(commit=False)
    screening.screened_by = user
    if not screening.coordinator:
        screening.coordinator = user.get_full_name() or user.username
        screening.coordinator_phone = screening.coordinator_phone or user.phone
    screening.save()
    formset.instance = screening
    formset.save()
    return screening


def screening_is_locked(screening: Screening) -> bool:
    """A nominated village's facts stay as sent until the province returns it."""
    nomination = getattr(screening, "nomination", None)
    return nomination is not None and nomination.status in ACTIVE_STATUSES


@transaction.atomic
def nomination_create(*, screening: Screening, user, today: datetime.date | None = None):
    """The district (or, after the district deadline, the province) proposes a village."""
    today = today or timezone.localdate()
    village = screening.village
    if Centre.objects.filter(village=village).exists():
        raise ValidationError(
            _("%(village)s มีศูนย์จัดการกองทุนชุมชนอยู่แล้ว จึงเสนอจัดตั้งใหม่ไม่ได้") % {"village": village.name}
        )
    if screening_is_locked(screening):
        raise ValidationError(_("%(village)s ได้รับการเสนอแล้ว") % {"village": village.name})
    evaluation = screening.evaluation
    if not evaluation.passes:
        refused = _("%(village)s ยังไม่ผ่านหลักเกณฑ์ จึงเสนอไม่ได้") % {"village": village.name}
        raise ValidationError([refused, *evaluation.problems()])
    deadline = district_deadline(screening.round, village.province_code)
    if today > deadline and not can_manage_province(user, village.province_code):
        raise ValidationError(
            _("พ้นกำหนดส่งทะเบียนเป้าหมายของอำเภอ (%(deadline)s) แล้ว เฉพาะเจ้าหน้าที่จังหวัดเท่านั้นที่เพิ่มหมู่บ้านได้")
            % {"deadline": format_be_date(deadline)}
        )
    nomination, created = Nomination.objects.get_or_create(
        screening=screening, defaults={"nominated_by": user}
    )
    if not created:  # returned earlier, sent again after correction
        nomination.status = NominationStatus.NOMINATED
        nomination.nominated_by = user
        nomination.decided_by = None
        nomination.decided_at = None
        nomination.save()
    return nomination


@transaction.atomic
def nomination_select(*, nomination: Nomination, user) -> Nomination:
    """The province picks a nominated village as a target, within its quota."""
    if nomination.status != NominationStatus.NOMINATED:
        raise ValidationError(
            _("เลือกได้เฉพาะหมู่บ้านที่อำเภอเสนอ (สถานะปัจจุบัน: %(status)s)")
            % {"status": nomination.get_status_display()}
        )
    screening = nomination.screening
    province_code = screening.village.province_code
    quota = (
        Quota.objects.select_for_update()
        .filter(round=screening.round, province_id=province_code)
        .first()
    )
    province = Province.objects.get(code=province_code)
    if quota is None or quota.quota == 0:
        raise ValidationError(
            _("จังหวัด%(province)sไม่ได้รับจัดสรรเป้าหมายในรอบนี้") % {"province": province.name_th}
        )
    chosen = (
        Nomination.objects.selected()
        .filter(screening__round=screening.round)
        .in_province(province_code)
        .count()
    )
    if chosen >= quota.quota:
        raise ValidationError(
            _("จังหวัด%(province)sได้รับจัดสรร %(quota)s แห่ง เลือกครบแล้ว")
            % {"province": province.name_th, "quota": quota.quota}
        )
    return _decide(nomination, user, NominationStatus.SELECTED)


@transaction.atomic
def nomination_return(*, nomination: Nomination, user, comment: str) -> Nomination:
    """The province sends a nomination back to the district with a comment."""
    if nomination.status not in (NominationStatus.NOMINATED, NominationStatus.SELECTED):
        raise ValidationError(
            _("ส่งคืนไม่ได้ (สถานะปัจจุบัน: %(status)s)") % {"status": nomination.get_status_display()}
        )
    if not comment.strip():
        raise ValidationError(_("กรุณาระบุเหตุผลที่ส่งคืนให้อำเภอ"))
    nomination.comment = comment.strip()
    return _decide(nomination, user, NominationStatus.RETURNED)


@transaction.atomic
def nomination_establish(
    *, nomination: Nomination, user, established_on: datetime.date | None = None
) -> Centre:
    """The selected village's centre is established: create it and link it to the round."""
    if nomination.status != NominationStatus.SELECTED:
        raise ValidationError(_("จัดตั้งได้เฉพาะหมู่บ้านที่จังหวัดคัดเลือกแล้ว"))
    village = nomination.screening.village
    if Centre.objects.filter(village=village).exists():
        raise ValidationError(_("%(village)s มีศูนย์จัดการกองทุนชุมชนอยู่แล้ว") % {"village": village.name})
    centre = Centre.objects.create(
        village=village,
        name=f"{CENTRE_NAME_PREFIX}{village.name}",
        status=CentreStatus.ESTABLISHED,
        established_on=established_on or timezone.localdate(),
    )
    nomination.centre = centre
    _decide(nomination, user, NominationStatus.ESTABLISHED)
    return centre


def _decide(nomination: Nomination, user, status: str) -> Nomination:
    nomination.status = status
    nomination.decided_by = user
    nomination.decided_at = timezone.now()
    nomination.save()
    return nomination
