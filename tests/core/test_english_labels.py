"""English mode is complete: no form label or table heading stays Thai on the main pages."""

import re

import pytest
from django.urls import reverse

from cdfmc.geo.models import Village
from centres.models import Centre
from debts.models import Creditor
from tests.debts.factories import make_contract, make_creditor, make_household
from tests.factories import make_centre

pytestmark = pytest.mark.django_db
THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture
def pages(geography):
    centre = make_centre()
    household = make_household(centre=centre)
    make_contract(household=household, creditor=make_creditor(centre=centre))
    return [
        reverse("home"),
        reverse("search") + "?q=1234",
        reverse("villages:list"),
        reverse("villages:create"),
        reverse("centres:list"),
        reverse("centres:create"),
        centre.get_absolute_url(),
        reverse("debts:households"),
        reverse("debts:contracts"),
        reverse("debts:household_create", args=[centre.pk]),
        household.get_absolute_url(),
        reverse("debts:consolidate", args=[household.pk]),
        reverse("debts:results"),
        reverse("newcentres:nominations"),
        reverse("scoring:proposals"),
    ]


def _data(user):
    """Names that are data (Thai in any language): places, centres, creditors, the user's area."""
    names = {user.area_label, "ไทย"}  # the language button names itself
    names |= set(Centre.objects.values_list("name", flat=True))
    names |= set(Creditor.objects.values_list("name", flat=True))
    for village in Village.objects.select_related("subdistrict__district__province"):
        names |= {village.name, village.location, f"ต.{village.subdistrict.name_th}"}
    return sorted(names, key=len, reverse=True)


def test_labels_and_headings_are_english(client, persona, pages):
    user = persona("faiwrai")
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    data = _data(user)
    stay_thai = []
    for url in pages:
        html = client.get(url).content.decode()
        for tag in ("label", "th", "h1", "h2", "button", "title"):
            for text in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, flags=re.S):
                text = re.sub(r"<[^>]+>", "", text).strip()
                for name in data:
                    text = text.replace(name, "")
                if THAI.search(text):
                    stay_thai.append((url, tag, text))
    assert not stay_thai, "\n".join(f"{u} <{t}> {x}" for u, t, x in stay_thai)
