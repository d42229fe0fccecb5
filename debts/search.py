"""Finding households and people by name, citizen ID (full or its last digits) or house number.

Every query starts from the user's area. What PostgreSQL needs to answer fast on the national
data set is indexed (migrations 0003/0004): the reversed citizen ID (a suffix is an indexed
prefix), trigram indexes on names and house numbers.
"""

import re
from dataclasses import dataclass

from django.db.models import Q

from cdfmc.access import area_q
from debts import rules
from debts.models import Household, Person

MIN_TAIL = 4  # "the last 4 digits" of a citizen ID
MIN_TEXT = 2
_SEPARATORS = re.compile(r"[\s\-]")
_HOUSE_NUMBER = re.compile(r"^\d+(/\d+)?$")


@dataclass(frozen=True)
class Query:
    """What was typed, read once: a full ID, an ID's last digits, a house number or names."""

    text: str
    citizen_id: str = ""
    id_tail: str = ""
    house_number: str = ""
    words: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return bool(self.citizen_id or self.id_tail or self.house_number or self.words)


def read_query(text) -> Query:
    text = rules.clean_number(text or "")
    digits = _SEPARATORS.sub("", text)
    if digits.isdigit() and digits.isascii():
        if len(digits) == 13:
            return Query(text, citizen_id=digits)
        if len(digits) >= MIN_TAIL:
            return Query(text, id_tail=digits, house_number=digits)
        return Query(text, house_number=digits)
    if _HOUSE_NUMBER.match(text):
        return Query(text, house_number=text)
    words = tuple(w for w in text.split() if len(w) >= MIN_TEXT)
    return Query(text, words=words)


def _person_q(query: Query, prefix: str = "") -> Q | None:
    if query.citizen_id:
        return Q(**{f"{prefix}citizen_id": query.citizen_id})
    if query.id_tail:
        return Q(**{f"{prefix}citizen_id_reversed__startswith": query.id_tail[::-1]})
    if query.words:
        q = Q()
        for word in query.words:
            q &= Q(**{f"{prefix}first_name__icontains": word}) | Q(
                **{f"{prefix}last_name__icontains": word}
            )
        return q
    return None


def _house_q(query: Query) -> Q | None:
    if not query.house_number:
        return None
    number = query.house_number
    return Q(house_number=number) | Q(house_number__startswith=f"{number}/")


def people_matching(user, text):
    query = read_query(text)
    q = _person_q(query)
    if q is None:
        return Person.objects.none()
    area = area_q(user, "household__centre__village__subdistrict__district")
    return Person.objects.filter(area, q)


def households_matching(households, text):
    """`households` (already scoped) whose house number or any member matches."""
    query = read_query(text)
    person, house = _person_q(query), _house_q(query)
    if person is None and house is None:
        return households.none()
    q = Q(pk__in=Person.objects.filter(person).values("household_id")) if person else Q()
    if house is not None:
        q = (q | house) if person else house
    return households.filter(q)


def households_by_number(user, text):
    house = _house_q(read_query(text))
    if house is None:
        return Household.objects.none()
    return Household.objects.visible_to(user).filter(house)
