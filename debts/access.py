"""Where access to households, contracts and restructurings is decided.

Each helper returns (object, can_edit) and raises Http404 outside the user's area
(`cdfmc.access.get_for_user`). A citizen ID is shown in full only to a user who may
edit the household it belongs to; everywhere else it is masked.
"""

from django.utils.translation import gettext as _

from cdfmc.access import get_for_user
from centres.models import Centre
from debts.models import Contract, Household, Person, Restructuring

HOUSEHOLD_PATH = "centre__village__subdistrict__district__province"


def get_centre_for_user(user, pk: int) -> tuple[Centre, bool]:
    return get_for_user(Centre.objects.with_location(), user, pk=pk)


def get_household_for_user(user, pk: int) -> tuple[Household, bool]:
    return get_for_user(Household.objects.select_related("village", HOUSEHOLD_PATH), user, pk=pk)


def get_contract_for_user(user, pk: int) -> tuple[Contract, bool]:
    qs = Contract.objects.select_related(
        "creditor",
        "borrower",
        "closed_by",
        "created_by_restructuring",
        "household__village",
        f"household__{HOUSEHOLD_PATH}",
    )
    return get_for_user(qs, user, pk=pk)


def get_person_for_user(user, pk: int) -> tuple[Person, bool]:
    household_qs = Household.objects.select_related(HOUSEHOLD_PATH)
    found = Person.objects.filter(pk=pk).values_list("household_id", flat=True).first()
    household, can_edit = get_for_user(household_qs, user, pk=found or 0)
    return household.people.get(pk=pk), can_edit


def get_restructuring_for_user(user, pk: int) -> tuple[Restructuring, bool]:
    qs = Restructuring.objects.select_related("household__village", f"household__{HOUSEHOLD_PATH}")
    return get_for_user(qs, user, pk=pk)


def where_is_citizen_id(user, citizen_id: str, *, exclude_person=None) -> str | None:
    """A Thai message naming the household that already has this ID, if the user may see it."""
    found = Person.objects.filter(citizen_id=citizen_id)
    if exclude_person is not None and exclude_person.pk:
        found = found.exclude(pk=exclude_person.pk)
    person = found.select_related("household__village", f"household__{HOUSEHOLD_PATH}").first()
    if person is None:
        return None
    visible = Household.objects.visible_to(user).filter(pk=person.household_id).exists()
    if visible:
        return _("เลขประจำตัวประชาชนนี้เป็นของ %(name)s ในครัวเรือน%(household)s %(centre)s แล้ว") % {
            "name": person.full_name,
            "household": person.household,
            "centre": person.household.centre,
        }
    return _("เลขประจำตัวประชาชนนี้มีอยู่ในระบบแล้ว (ในครัวเรือนนอกพื้นที่ของท่าน)")
