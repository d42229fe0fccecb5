"""Household lists people can use: natural order, normalised digits, search in the area."""

import re

import pytest
from django.urls import reverse

from debts import rules
from debts.models import ContractStatus, Household
from debts.search import read_query
from tests.debts.factories import make_contract, make_creditor, make_household, make_person
from tests.factories import WAT_LUANG, make_centre

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(geography):
    return make_centre()


def listed_numbers(client, **params):
    html = client.get(reverse("debts:households"), params).content.decode()
    return re.findall(r'data-testid="house-number">([^<]+)<', html)


def test_house_numbers_list_in_natural_order(client, persona, centre):
    for number in ["100/3", "13", "2", "10/1"]:
        make_household(centre=centre, house_number=number)
    client.force_login(persona("faiwrai"))
    assert listed_numbers(client) == ["2", "10/1", "13", "100/3"]


def test_the_sort_key_is_the_databases_order():
    keys = [rules.house_number_sort_key(n) for n in ["100/3", "13", "2", "10/1", "10"]]
    assert sorted(keys) == [
        rules.house_number_sort_key(n) for n in ["2", "10", "10/1", "13", "100/3"]
    ]


def test_thai_digits_are_stored_as_arabic(centre):
    household = make_household(centre=centre, house_number=" ๔๕/๒ ")
    contract = make_contract(
        household=household, creditor=make_creditor(centre=centre), number="สัญญา ๐๑๒"
    )
    household.refresh_from_db()
    contract.refresh_from_db()
    assert household.house_number == "45/2"
    assert household.house_number_sort == "00000045/00000002"
    assert contract.number == "สัญญา 012"
    assert str(household) == f"บ้านเลขที่ 45/2 หมู่ที่ {household.village.number}"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("3-4315-00001-23-4", "citizen_id"),
        ("๑๒๓๔", "id_tail"),
        ("45/2", "house_number"),
        ("45", "house_number"),
        ("สมชาย ใจดี", "words"),
        ("ก", None),
    ],
)
def test_what_is_typed_is_read_as_one_kind_of_search(text, kind):
    query = read_query(text)
    assert bool(query.usable) == (kind is not None)
    if kind:
        assert getattr(query, kind)


@pytest.fixture
def people(centre):
    mine = make_household(centre=centre, house_number="7", with_head=False)
    head = make_person(household=mine, is_head=True, first_name="บุญมา", last_name="ศรีสุข")
    wife = make_person(household=mine, first_name="คำปุน", last_name="ศรีสุข")
    other = make_household(
        centre=make_centre(subdistrict=WAT_LUANG), house_number="7", with_head=False
    )
    stranger = make_person(household=other, is_head=True, first_name="บุญมา", last_name="ศรีสุข")
    stranger.citizen_id = "99999999" + head.citizen_id[-5:]  # the same last digits
    stranger.save()
    return {"mine": mine, "head": head, "wife": wife, "other": other}


def found(client, text):
    return list(client.get(reverse("debts:households"), {"q": text}).context["page"])


@pytest.mark.parametrize("how", ["last4", "full", "thai_full", "name", "surname_and_name", "house"])
def test_household_list_finds_the_household_in_the_area_only(client, persona, people, how):
    head = people["head"]
    text = {
        "last4": head.citizen_id[-4:],
        "full": head.formatted_id,
        "thai_full": head.citizen_id.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")),
        "name": "บุญมา",
        "surname_and_name": "ศรีสุข บุญ",
        "house": "7",
    }[how]
    client.force_login(persona("faiwrai"))
    assert found(client, text) == [people["mine"]]


def test_a_member_finds_the_household(client, persona, people):
    client.force_login(persona("faiwrai"))
    assert found(client, people["wife"].citizen_id[-4:]) == [people["mine"]]
    # the province sees both districts' households
    client.force_login(persona("nongkhai"))
    assert set(found(client, people["head"].citizen_id[-4:])) == {people["mine"], people["other"]}


def test_top_bar_search_shows_the_full_id_masked(client, persona, people):
    client.force_login(persona("faiwrai"))
    head = people["head"]
    response = client.get(reverse("search"), {"q": head.citizen_id})
    html = response.content.decode()
    start = html.index('data-testid="search-people"')  # the box echoes what was typed
    results = html[start : html.index("</table>", start)]
    assert [p.pk for p in response.context["people"][0]] == [head.pk]
    assert head.citizen_id not in results and head.formatted_id not in results
    assert head.masked_id in results


def test_top_bar_search_finds_centres_and_villages(client, persona, centre):
    client.force_login(persona("faiwrai"))
    other = make_centre(subdistrict=WAT_LUANG)
    response = client.get(reverse("search"), {"q": "บ้านทดสอบ"})
    assert centre in response.context["centres"][0]
    assert other not in response.context["centres"][0]
    assert centre.village in response.context["villages"][0]


@pytest.mark.parametrize("n", [2, 25])
def test_search_runs_a_bounded_number_of_queries(
    client, persona, centre, n, django_assert_max_num_queries
):
    creditor = make_creditor(centre=centre)
    for _ in range(n):
        household = make_household(centre=centre, house_number="5", with_head=False)
        make_person(household=household, is_head=True, first_name="สมปอง", last_name="ดีใจ")
        make_contract(household=household, creditor=creditor)
    client.force_login(persona("faiwrai"))
    with django_assert_max_num_queries(10):
        assert client.get(reverse("search"), {"q": "สมปอง"}).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("search"), {"q": "5"}).status_code == 200
    with django_assert_max_num_queries(13):
        response = client.get(reverse("debts:households"), {"q": "สมปอง"})
    assert response.context["page"].paginator.count == n


def test_household_list_pages_keep_the_search(client, persona, centre):
    for _ in range(51):
        make_household(centre=centre, house_number="9")
    client.force_login(persona("faiwrai"))
    html = client.get(reverse("debts:households"), {"q": "9"}).content.decode()
    assert "?q=9&amp;page=2" in html


def test_closed_contracts_show_no_overdue_amount(client, persona, centre):
    household = make_household(centre=centre)
    creditor = make_creditor(centre=centre)
    make_contract(
        household=household,
        creditor=creditor,
        overdue_amount=1234,
        status=ContractStatus.SUPERSEDED,
    )
    client.force_login(persona("faiwrai"))
    html = client.get(reverse("debts:household", args=[household.pk])).content.decode()
    assert "1,234.00" not in html
    assert "ปิดโดยการปรับโครงสร้างหนี้" in html


def test_household_list_has_an_add_button_for_officers(client, persona, centre):
    client.force_login(persona("faiwrai"))
    html = client.get(reverse("debts:households")).content.decode()
    assert reverse("debts:household_create", args=[centre.pk]) in html
    client.force_login(persona("headoffice"))
    assert (
        'data-testid="household-add"'
        not in client.get(reverse("debts:households")).content.decode()
    )


def test_households_are_searchable_after_an_edit(centre):
    household = make_household(centre=centre)
    person = household.people.get()
    person.citizen_id = "1" * 12 + "9"
    person.save(update_fields=["citizen_id"])
    assert Household.objects.filter(people__citizen_id_reversed__startswith="91").exists()
