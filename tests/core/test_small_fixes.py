"""The small fixes of the data-entry review: page titles, wording, dropdowns, village actions."""

import re

import pytest
from django import forms
from django.urls import reverse

from cdfmc.formfields import REQUIRED, ThaiFormMixin
from cdfmc.wording import yes_no
from tests.debts.factories import make_household
from tests.factories import LOEI_KUT_PONG, make_centre, make_village
from tests.newcentres.factories import make_round

pytestmark = pytest.mark.django_db


def test_home_page_title_is_text_only(client, persona):
    make_household(centre=make_centre(), debtor_class="")  # the attention list is not empty
    client.force_login(persona("faiwrai"))
    html = client.get(reverse("home")).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1)
    assert "<" not in title and title.strip() == "หน้าหลัก · cdfmc"


def test_required_fields_say_so_in_natural_thai(client, persona):
    client.force_login(persona("faiwrai"))
    response = client.post(reverse("villages:create"), {"name": ""})
    html = response.content.decode()
    assert "กรุณากรอกข้อมูลช่องนี้" in html and "ฟิลด์นี้จำเป็น" not in html


def _project_forms():
    import importlib

    for module in [
        "centres.forms",
        "centres.reports",
        "centres.register_views",
        "debts.forms",
        "debts.entry_forms",
        "debts.reports",
        "newcentres.forms",
        "newcentres.reports",
        "scoring.forms",
        "scoring.reports",
        "cdfmc.geo.forms",
    ]:
        importlib.import_module(module)

    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    return [
        c
        for c in walk(forms.BaseForm)
        if c.__module__.split(".")[0] in {"centres", "debts", "newcentres", "scoring", "cdfmc"}
    ]


def test_every_project_form_has_the_thai_required_message():
    project_forms = _project_forms()
    assert len(project_forms) > 20
    missing = [c.__qualname__ for c in project_forms if not issubclass(c, ThaiFormMixin)]
    assert not missing, f"forms not built on ThaiForm/ThaiModelForm: {missing}"
    assert str(REQUIRED) == "กรุณากรอกข้อมูลช่องนี้"


@pytest.mark.parametrize(
    ("label", "yes", "no"),
    [
        ("มีป้ายชื่อศูนย์", "มี", "ไม่มี"),
        ("เป็นหมู่บ้านเศรษฐกิจพอเพียง", "เป็น", "ไม่เป็น"),
        ("ใช้ที่ทำการร่วมกับกลุ่มอื่น", "ใช่", "ไม่ใช่"),
    ],
)
def test_yes_no_facts_read_with_their_verb(label, yes, no):
    assert (yes_no(label, True), yes_no(label, False)) == (yes, no)


def test_results_province_dropdown_lists_only_the_users_province(client, persona):
    client.force_login(persona("nongkhai"))
    response = client.get(reverse("debts:results"))
    options = [
        str(label) for _value, label in response.context["form"].fields["province"].widget.choices
    ]
    assert options[1:] == ["หนองคาย"]
    client.force_login(persona("headoffice"))
    response = client.get(reverse("debts:results"))
    assert len(list(response.context["form"].fields["province"].widget.choices)) > 70


def test_village_page_offers_a_centre_and_a_screening_where_allowed(client, persona, geography):
    round_ = make_round()
    free = make_village()
    taken = make_centre().village
    client.force_login(persona("faiwrai"))
    html = client.get(reverse("villages:detail", args=[free.pk])).content.decode()
    assert f"{reverse('centres:create')}?village={free.pk}" in html
    assert reverse("newcentres:screening_create", args=[round_.pk, free.pk]) in html
    html = client.get(reverse("villages:detail", args=[taken.pk])).content.decode()
    assert 'data-testid="village-create-centre"' not in html
    assert 'data-testid="village-screen"' not in html
    assert taken.centre.get_absolute_url() in html
    client.force_login(persona("headoffice"))  # reads only
    html = client.get(reverse("villages:detail", args=[free.pk])).content.decode()
    assert 'data-testid="village-create-centre"' not in html


def test_centre_form_starts_with_the_village_it_came_from(client, persona, geography):
    village = make_village()
    client.force_login(persona("faiwrai"))
    form = client.get(reverse("centres:create"), {"village": village.pk}).context["form"]
    assert str(form["village"].value()) == str(village.pk)


def test_screening_lists_only_villages_without_a_centre(client, persona, geography):
    round_ = make_round()
    free = make_village()
    taken = make_centre().village
    make_village(subdistrict=LOEI_KUT_PONG)
    client.force_login(persona("nongkhai"))
    response = client.get(reverse("newcentres:province", args=[round_.pk, "43"]))
    unscreened = list(response.context["unscreened"])
    assert free in unscreened and taken not in unscreened
