from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.factories import make_centre
from tests.personas import make_persona
from tests.urlmatrix import PERSONA_NAMES, all_cases, all_url_names

CASES = all_cases()
URL_NAMES = all_url_names()


def test_every_url_has_an_access_case():
    missing = [name for name in URL_NAMES if name not in CASES]
    assert not missing, f"URL patterns without an access case in tests/<app>/urlcases.py: {missing}"


def test_no_case_is_left_for_a_removed_url():
    assert not [name for name in CASES if name not in URL_NAMES]


@pytest.fixture
def world(db):
    """Records in อ.เฝ้าไร่ จ.หนองคาย that URL kwargs point at."""
    centre = make_centre()
    return SimpleNamespace(centre=centre, village=centre.village)


def _request(client, case, world, name):
    url = reverse(name, kwargs=case.kwargs(world)) + case.query
    data = case.data(world) if case.data else None
    if case.method == "post":
        return client.post(url, data or {})
    return client.get(url, data or {})


@pytest.mark.parametrize("name", URL_NAMES)
def test_anonymous_is_sent_to_login(client, world, name):
    case = CASES.get(name)
    if case is None:
        pytest.fail(f"no access case for {name}")
    response = _request(client, case, world, name)
    assert response.status_code == case.anonymous, name
    if case.anonymous == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona_name", PERSONA_NAMES)
@pytest.mark.parametrize("name", URL_NAMES)
def test_persona_gets_expected_status(client, world, name, persona_name):
    case = CASES.get(name)
    if case is None:
        pytest.fail(f"no access case for {name}")
    client.force_login(make_persona(persona_name))
    response = _request(client, case, world, name)
    expected = case.expect[persona_name]
    assert response.status_code == expected, f"{name} as {persona_name}"
