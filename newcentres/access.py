"""Where access to the new-centres round is decided.

Screenings and nominations belong to their village's district: the district officer and
the province's staff may change them, head office reads. Choosing targets within the
quota, returning and establishing are the province's decisions (`can_manage_province`).
Rounds and quotas are head office's.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from cdfmc.access import can_manage_province, can_see_province, get_for_user
from cdfmc.geo.models import Province
from newcentres.models import Nomination, Screening


def can_manage_rounds(user) -> bool:
    return user.is_authenticated and (user.is_head_office or user.is_administrator)


def require_round_manager(user) -> None:
    if not can_manage_rounds(user):
        raise PermissionDenied


def get_province_for_user(user, code: str) -> Province:
    province = get_object_or_404(Province.objects.select_related("group"), code=code)
    if not can_see_province(user, code):
        raise Http404
    return province


def get_screening_for_user(user, pk: int) -> tuple[Screening, bool]:
    return get_for_user(Screening.objects.with_details(), user, pk=pk)


def get_nomination_for_user(user, pk: int) -> tuple[Nomination, bool]:
    return get_for_user(Nomination.objects.with_details(), user, pk=pk)


def get_nomination_for_decision(user, pk: int) -> Nomination:
    """A nomination the user may decide on as the province (404 outside, 403 otherwise)."""
    nomination, _ = get_nomination_for_user(user, pk)
    if not can_manage_province(user, nomination.screening.village.province_code):
        raise PermissionDenied
    return nomination
