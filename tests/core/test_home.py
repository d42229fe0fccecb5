import pytest
from django.urls import reverse

from tests.debts.factories import make_household
from tests.factories import LOEI_KUT_PONG, WAT_LUANG, make_centre, make_village
from tests.personas import make_persona

pytestmark = pytest.mark.django_db


@pytest.fixture
def area():
    make_centre()
    make_village()
    make_centre(subdistrict=WAT_LUANG)
    make_centre(subdistrict=LOEI_KUT_PONG)


@pytest.mark.parametrize(
    ("persona", "villages", "centres"),
    [("faiwrai", 2, 1), ("nongkhai", 3, 2), ("loei", 1, 1), ("headoffice", 4, 3)],
)
def test_home_counts_the_users_area(client, area, persona, villages, centres):
    client.force_login(make_persona(persona))
    counts = client.get(reverse("home")).context["counts"]
    assert counts["villages"]["total"] == villages
    assert counts["centres"]["total"] == centres


def test_menu_follows_the_role(client):
    client.force_login(make_persona("faiwrai"))
    names = [item["name"] for item in client.get(reverse("home")).context["menu"]]
    assert "villages:list" in names
    assert "scoring:rubrics" not in names


def test_attention_lists_what_waits_in_the_users_area(client):
    centre = make_centre()
    for _ in range(3):
        make_household(centre=centre, debtor_class="")
    client.force_login(make_persona("faiwrai"))
    items = {item.text: item.count for item in client.get(reverse("home")).context["attention"]}
    assert items["ลูกหนี้ที่ยังไม่ได้จำแนกประเภท"] == 3
    assert items["ศูนย์ที่ครัวเรือนเป้าหมายยังไม่ถึง 30 ครัวเรือน"] == 1
    client.force_login(make_persona("loei"))
    response = client.get(reverse("home"))
    assert response.context["attention"] == []
    assert 'data-testid="attention-none"' in response.text


@pytest.mark.parametrize("extra", [1, 20])
def test_home_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, extra):
    for _ in range(extra):
        make_centre()
    client.force_login(make_persona("nongkhai"))
    with django_assert_max_num_queries(16):
        client.get(reverse("home"))
