"""Who sees and changes rounds, proposals, assessments and rubrics.

A province's round and its proposals are seen by everyone in the province (districts
propose and compare) and by head office; provincial staff decide. An assessment is
seen by its assessor, the province's staff and head office, and changed only by its
assessor. Rubrics are edited by head office.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from cdfmc.access import can_manage_province
from cdfmc.accounts.models import Role
from scoring.models import Assessment, Indicator, Proposal, Rubric, SelectionRound


def can_manage_rubrics(user) -> bool:
    return user.is_authenticated and (user.is_administrator or user.role == Role.HEAD_OFFICE)


def can_open_round(user) -> bool:
    return user.is_authenticated and (user.is_administrator or user.role == Role.PROVINCE)


def get_round_for_user(user, pk: int) -> tuple[SelectionRound, bool]:
    """The round (404 outside the user's province) and whether the user decides in it."""
    selection_round = get_object_or_404(
        SelectionRound.objects.visible_to(user).select_related("province", "rubric"), pk=pk
    )
    return selection_round, can_manage_province(user, selection_round.province_id)


def get_proposal_for_user(user, pk: int) -> tuple[Proposal, bool]:
    proposal = get_object_or_404(
        Proposal.objects.visible_to(user).select_related(
            "round__province",
            "round__rubric",
            "district",
            "centre__village__subdistrict__district__province",
        ),
        pk=pk,
    )
    return proposal, can_manage_province(user, proposal.round.province_id)


def get_assessment_for_user(user, pk: int) -> tuple[Assessment, bool]:
    """The assessment and whether the user may change it (its assessor, while a draft).

    Outside the province: 404. A district officer who is not the assessor: 403.
    """
    assessment = get_object_or_404(
        Assessment.objects.filter(proposal__in=Proposal.objects.visible_to(user)).select_related(
            "assessor",
            "proposal__round__rubric",
            "proposal__round__province",
            "proposal__centre__village__subdistrict__district__province",
        ),
        pk=pk,
    )
    if assessment.assessor_id == user.pk:
        return assessment, not assessment.is_final
    if user.role == Role.DISTRICT and not user.is_administrator:
        raise PermissionDenied
    return assessment, False


def get_rubric_for_user(user, pk: int) -> tuple[Rubric, bool]:
    rubric = get_object_or_404(Rubric.objects.visible_to(user).select_related("province"), pk=pk)
    return rubric, can_manage_rubrics(user)


def get_indicator_for_editing(user, pk: int) -> Indicator:
    indicator = get_object_or_404(
        Indicator.objects.filter(area__rubric__in=Rubric.objects.visible_to(user)).select_related(
            "area__rubric"
        ),
        pk=pk,
    )
    if not can_manage_rubrics(user):
        raise PermissionDenied
    return indicator
