import pytest
from django.http import Http404

from cdfmc.access import can_edit_area, can_see_area, can_see_province
from cdfmc.geo.access import get_village_for_user
from cdfmc.geo.models import Village
from tests.factories import LOEI_KUT_PONG, WAT_LUANG, make_village
from tests.personas import make_persona

pytestmark = pytest.mark.django_db


@pytest.fixture
def villages():
    return {
        "faiwrai": make_village(),
        "phonphisai": make_village(subdistrict=WAT_LUANG),
        "loei": make_village(subdistrict=LOEI_KUT_PONG),
    }


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("faiwrai", {"faiwrai"}),
        ("phonphisai", {"phonphisai"}),
        ("nongkhai", {"faiwrai", "phonphisai"}),
        ("loei", {"loei"}),
        ("headoffice", {"faiwrai", "phonphisai", "loei"}),
        ("admin", {"faiwrai", "phonphisai", "loei"}),
    ],
)
def test_each_role_sees_only_its_area(villages, persona, expected):
    visible = set(Village.objects.visible_to(make_persona(persona)))
    assert visible == {villages[key] for key in expected}


def test_anonymous_sees_nothing(villages, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert not Village.objects.visible_to(AnonymousUser()).exists()


def test_another_districts_village_is_a_404(villages):
    with pytest.raises(Http404):
        get_village_for_user(make_persona("phonphisai"), villages["faiwrai"].pk)


@pytest.mark.parametrize(
    ("persona", "can_edit"),
    [("faiwrai", True), ("nongkhai", True), ("headoffice", False), ("admin", True)],
)
def test_edit_rights_follow_the_role(villages, persona, can_edit):
    _, allowed = get_village_for_user(make_persona(persona), villages["faiwrai"].pk)
    assert allowed is can_edit


def test_rules_by_code():
    officer = make_persona("faiwrai")
    assert can_see_area(officer, "4315") and not can_see_area(officer, "4305")
    assert can_edit_area(make_persona("nongkhai"), "4305")
    assert not can_see_area(make_persona("loei"), "4305")
    assert can_see_province(officer, "43") and not can_see_province(officer, "42")
