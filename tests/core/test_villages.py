import pytest
from django.urls import reverse

from cdfmc.geo.forms import VillageForm
from cdfmc.geo.models import Subdistrict, Village
from tests.factories import make_village
from tests.personas import make_persona

pytestmark = pytest.mark.django_db


def test_officer_form_offers_only_subdistricts_of_their_district():
    form = VillageForm(user=make_persona("faiwrai"))
    offered = set(form.fields["subdistrict"].queryset.values_list("code", flat=True))
    assert offered == set(
        Subdistrict.objects.filter(district="4315").values_list("code", flat=True)
    )
    assert offered and all(code.startswith("4315") for code in offered)


def test_provincial_form_offers_the_province():
    form = VillageForm(user=make_persona("nongkhai"))
    codes = form.fields["subdistrict"].queryset.values_list("code", flat=True)
    assert {code[:2] for code in codes} == {"43"}


def test_officer_creates_a_village_with_thai_digits(client):
    client.force_login(make_persona("faiwrai"))
    response = client.post(
        reverse("villages:create"),
        {"subdistrict": "431501", "number": "๗", "name": "บ้านดอนสวรรค์", "population": "๑,๒๐๐"},
    )
    village = Village.objects.get(name="บ้านดอนสวรรค์")
    assert response.status_code == 302
    assert (village.number, village.population, village.code) == (7, 1200, "43150107")


def test_officer_cannot_post_another_districts_subdistrict(client):
    client.force_login(make_persona("faiwrai"))
    response = client.post(
        reverse("villages:create"), {"subdistrict": "430502", "number": "1", "name": "บ้านนอก"}
    )
    assert response.status_code == 200
    assert "subdistrict" in response.context["form"].errors
    assert not Village.objects.filter(name="บ้านนอก").exists()


def test_duplicate_number_is_refused_at_the_field(client):
    make_village(number=9)
    client.force_login(make_persona("faiwrai"))
    response = client.post(
        reverse("villages:create"), {"subdistrict": "431501", "number": "9", "name": "บ้านซ้ำ"}
    )
    assert "ตำบลนี้มีหมู่ที่นี้อยู่แล้ว" in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_village_list_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, rows):
    for number in range(1, rows + 1):
        make_village(number=number)
    client.force_login(make_persona("nongkhai"))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("villages:list"))
    assert len(response.context["page"]) == rows
