"""Every alert on the home page opens a list showing exactly the records it counted."""

import re

import pytest
from django.urls import reverse

from centres.models import CentreStatus
from debts import services
from newcentres.models import NominationStatus
from scoring.models import Assessment
from tests.debts.factories import make_household
from tests.factories import LOEI_KUT_PONG, WAT_LUANG, make_centre, make_village
from tests.newcentres.factories import make_nomination
from tests.personas import make_persona
from tests.scoring.factories import make_assessment, make_proposal, make_round

pytestmark = pytest.mark.django_db

ROW = {
    "debts:households": 'data-testid="house-number"',
    "centres:list": 'data-testid="centre-row"',
    "villages:list": 'data-testid="village-row"',
    "newcentres:nominations": 'data-testid="nomination-row"',
    "scoring:proposals": 'data-testid="proposal-row"',
}


@pytest.fixture
def area(geography):
    """Records in and out of อ.เฝ้าไร่ / จ.หนองคาย so that each alert has something to count
    and something it must leave out."""
    short = make_centre()
    for _ in range(2):
        make_household(centre=short, debtor_class="")  # unclassified
    make_household(centre=short, debtor_class="normal")
    full = make_centre()
    households = [make_household(centre=full, debtor_class="normal") for _ in range(30)]
    services.targets_select(centre=full, households=households, on_date=full.created_at.date())
    make_centre(status=CentreStatus.TARGET)  # a target village is not short of households
    make_village()  # without a centre
    make_household(centre=make_centre(subdistrict=WAT_LUANG), debtor_class="")
    make_household(centre=make_centre(subdistrict=LOEI_KUT_PONG), debtor_class="")
    make_village(subdistrict=WAT_LUANG)
    for status in (NominationStatus.RETURNED, NominationStatus.NOMINATED):
        make_nomination(status=status)
        make_nomination(status=status, subdistrict=WAT_LUANG)
    make_nomination(status=NominationStatus.RETURNED, subdistrict=LOEI_KUT_PONG)
    scored = make_proposal(centre=full)
    assessment = make_assessment(proposal=scored)
    Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.FINAL)
    make_proposal(centre=short, selection_round=make_round(fiscal_year=2567))
    make_proposal(centre=make_centre(subdistrict=WAT_LUANG))


def alerts(client):
    """(count, url) of every alert on the home page, read from its HTML."""
    html = client.get(reverse("home")).content.decode()
    found = re.findall(
        r'<a class="list-group-item[^"]*" href="([^"]+)">.*?rounded-pill">(\d+)</span>',
        html,
        flags=re.S,
    )
    village = re.search(
        r'href="([^"]+)" class="small" data-testid="villages-without-centre">'
        r"[^<]*?(\d+)",
        html,
    )
    found.append(village.groups())
    target = re.search(
        r'href="([^"]+)" class="small" data-testid="target-villages">[^<]*?(\d+)', html
    )
    found.append(target.groups())
    return [(int(n), url.replace("&amp;", "&")) for url, n in found]


def rows_shown(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    name = response.resolver_match.view_name
    assert response.context["page"].paginator.num_pages == 1
    return response.content.decode().count(ROW[name]), name


@pytest.mark.parametrize("persona", ["faiwrai", "nongkhai", "admin"])
def test_each_alert_lists_exactly_what_it_counts(client, area, persona):
    client.force_login(make_persona(persona))
    seen = set()
    for count, url in alerts(client):
        shown, name = rows_shown(client, url)
        assert shown == count, f"{url}: home says {count}, the list shows {shown}"
        seen.add(name)
    expected = {"debts:households", "centres:list", "villages:list", "newcentres:nominations"}
    if persona != "faiwrai":
        expected.add("scoring:proposals")
    assert expected <= seen


def test_the_counts_are_the_expected_ones_for_a_district_officer(client, area):
    client.force_login(make_persona("faiwrai"))
    counts = {url.split("?")[0]: n for n, url in alerts(client)}
    assert counts[reverse("debts:households")] == 2  # unclassified in Fai Rai
    assert counts[reverse("centres:list")] == 1  # the centre short of 30 targets
    assert counts[reverse("newcentres:nominations")] == 1  # returned, in Fai Rai
