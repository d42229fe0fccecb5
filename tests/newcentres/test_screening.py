"""A district officer screens a village; criteria 1 and 2 come from the data."""

import pytest
from django.urls import reverse

from newcentres.models import Screening
from tests.factories import make_centre, make_village
from tests.newcentres.factories import make_nomination, make_round, make_screening

pytestmark = pytest.mark.django_db


def _post_data(**overrides):
    data = {
        "other_institution": "",
        "debt_households": "๒๐",
        "low_income_households": "3",
        "welfare_card_households": "41",
        "core_kind": "savings",
        "core_name": "กลุ่มออมทรัพย์เพื่อการผลิตบ้านทดสอบ",
        "core_strong": "on",
        "sufficiency_village": "on",
        "office_place": "ศาลาประชาคม",
        "leaders": "นายหนึ่ง ผู้ใหญ่บ้าน",
        "leaders_qualified": "on",
        "target_households": "32",
        "coordinator": "",
        "coordinator_phone": "",
        "remarks": "",
        "groups-TOTAL_FORMS": "5",
        "groups-INITIAL_FORMS": "0",
        "groups-MIN_NUM_FORMS": "0",
        "groups-MAX_NUM_FORMS": "1000",
    }
    groups = [("savings", "กลุ่มออมทรัพย์"), ("village_fund", "กทบ."), ("kkkj", "กข.คจ.")]
    for index, (kind, name) in enumerate(groups):
        data[f"groups-{index}-kind"] = kind
        data[f"groups-{index}-name"] = name
    data.update(overrides)
    return data


def test_an_officer_screens_a_village_and_it_passes(client, persona):
    round_, village = make_round(), make_village()
    officer = persona("faiwrai")
    client.force_login(officer)
    url = reverse("newcentres:screening_create", args=[round_.pk, village.pk])
    response = client.post(url, _post_data())
    screening = Screening.objects.get()
    assert response["Location"] == screening.get_absolute_url()
    assert screening.debt_households == 20
    assert screening.willing_names() == "กลุ่มออมทรัพย์, กทบ., กข.คจ."
    assert screening.coordinator == "faiwrai"
    page = client.get(screening.get_absolute_url())
    assert page.context["evaluation"].passes
    assert 'data-testid="nominate"' in page.content.decode()


def test_the_screen_tells_which_criteria_are_unmet(client, persona):
    screening = make_screening(groups=2, office_place="", target_households=12)
    client.force_login(persona("faiwrai"))
    page = client.get(screening.get_absolute_url())
    html = page.content.decode()
    assert [o.key for o in page.context["evaluation"].unmet] == ["6", "7"]
    assert "หลักเกณฑ์ข้อ 6: มีกลุ่ม/กองทุนสมัครใจเข้าร่วม 2 กลุ่ม ต้องไม่น้อยกว่า 3 กลุ่ม" in html
    assert "ต้องไม่น้อยกว่า 30 ครัวเรือน" in html
    assert 'data-testid="nominate"' not in html


def test_criterion_1_fails_for_a_village_that_has_a_centre():
    screening = make_screening()
    make_centre(village=screening.village)
    outcome = screening.evaluation.outcomes[0]
    assert (outcome.key, outcome.met) == ("1", False)
    assert outcome.reason == "หมู่บ้านนี้มีศูนย์จัดการกองทุนชุมชนอยู่แล้ว"


def test_criterion_2_fails_with_another_community_financial_institution(client, persona):
    screening = make_screening(other_institution="สถาบันการเงินชุมชนบ้านทดสอบ")
    assert [o.key for o in screening.evaluation.unmet] == ["2"]
    assert "สถาบันการเงินชุมชนบ้านทดสอบ" in screening.evaluation.unmet[0].reason


def test_a_second_screening_of_the_village_opens_the_first(client, persona):
    screening = make_screening()
    client.force_login(persona("faiwrai"))
    url = reverse("newcentres:screening_create", args=[screening.round_id, screening.village_id])
    response = client.get(url)
    assert response["Location"] == reverse("newcentres:screening_edit", args=[screening.pk])


def test_editing_removes_a_willing_group(client, persona):
    screening = make_screening(groups=3)
    first = screening.willing_groups.first()
    client.force_login(persona("faiwrai"))
    data = _post_data(
        **{
            "groups-TOTAL_FORMS": "3",
            "groups-INITIAL_FORMS": "3",
        }
    )
    for index, group in enumerate(screening.willing_groups.all()):
        data[f"groups-{index}-id"] = str(group.pk)
        data[f"groups-{index}-kind"] = group.kind
        data[f"groups-{index}-name"] = group.name
    data["groups-0-DELETE"] = "on"
    client.post(reverse("newcentres:screening_edit", args=[screening.pk]), data)
    assert not screening.willing_groups.filter(pk=first.pk).exists()
    screening = Screening.objects.get(pk=screening.pk)
    assert [o.key for o in screening.evaluation.unmet] == ["6"]


@pytest.mark.parametrize("size", [3, 30])
def test_the_province_page_queries_do_not_grow(
    client, persona, django_assert_max_num_queries, size
):
    round_ = make_round()
    for index in range(size):
        screening = make_screening(round_=round_)
        if index % 2:
            make_nomination(screening=screening)
        make_village()
    client.force_login(persona("nongkhai"))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("newcentres:province", args=[round_.pk, "43"]))
    assert len(response.context["nominations"]) == size // 2
