"""Which centres a user may see and change; every centre view comes through here."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from cdfmc.access import get_for_user
from centres.models import Centre


def get_centre_for_user(user, pk: int) -> tuple[Centre, bool]:
    """The centre if it is in the user's area (else 404), and whether they may edit it."""
    return get_for_user(Centre.objects.with_location(), user, pk=pk)


def get_centre_for_editing(user, pk: int) -> Centre:
    """The centre for a write view: 404 outside the area, 403 where the user only reads."""
    centre, can_edit = get_centre_for_user(user, pk)
    if not can_edit:
        raise PermissionDenied
    return centre


def get_part_for_editing(user, pk: int, related_name: str, part_pk: int):
    """(centre, row) for a row of one of the centre's parts, e.g. ("member_funds", 7)."""
    centre = get_centre_for_editing(user, pk)
    return centre, get_object_or_404(getattr(centre, related_name), pk=part_pk)
