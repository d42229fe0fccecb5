"""Head office opens a round and sets quotas per province; the round page sums them by group."""

import datetime

import pytest
from django.urls import reverse

from newcentres.models import Quota, Round
from tests.newcentres.factories import GROUP_PROVINCES, make_round

pytestmark = pytest.mark.django_db


def test_head_office_opens_a_round_with_be_dates(client, persona):
    client.force_login(persona("headoffice"))
    response = client.post(
        reverse("newcentres:round_create"),
        {
            "fiscal_year": "๒๕๖๙",
            "activity": "จัดตั้งศูนย์จัดการกองทุนชุมชน",
            "national_total": "300",
            "district_deadline": "20/08/2568",
            "province_deadline": "29/08/2568",
        },
    )
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("newcentres:quotas", args=[round_.pk])
    assert round_.fiscal_year == 2569
    assert round_.district_deadline == datetime.date(2025, 8, 20)


def test_the_province_deadline_cannot_come_before_the_districts(client, persona):
    client.force_login(persona("headoffice"))
    response = client.post(
        reverse("newcentres:round_create"),
        {
            "fiscal_year": "2569",
            "activity": "จัดตั้งศูนย์จัดการกองทุนชุมชน",
            "national_total": "300",
            "district_deadline": "20/08/2568",
            "province_deadline": "19/08/2568",
        },
    )
    assert response.status_code == 200
    assert "กำหนดส่งของจังหวัดต้องไม่ก่อนกำหนดส่งของอำเภอ" in response.content.decode()


@pytest.mark.parametrize("name", ["loei", "faiwrai"])
def test_others_cannot_open_rounds_or_set_quotas(client, persona, name):
    round_ = make_round()
    client.force_login(persona(name))
    assert client.post(reverse("newcentres:round_create"), {}).status_code == 403
    assert client.post(reverse("newcentres:quotas", args=[round_.pk]), {}).status_code == 403


def test_head_office_sets_the_seed_quotas_and_loeis_own_deadline(client, persona):
    round_ = make_round(quotas={})
    client.force_login(persona("headoffice"))
    data = {f"quota_{code}": "๔" for code in GROUP_PROVINCES}
    data["deadline_42"] = "20/08/2568"
    response = client.post(reverse("newcentres:quotas", args=[round_.pk]), data)
    assert response.status_code == 302
    quotas = {q.province_id: q for q in Quota.objects.filter(round=round_)}
    assert {code: q.quota for code, q in quotas.items()} == dict.fromkeys(GROUP_PROVINCES, 4)
    assert quotas["42"].deadline == datetime.date(2025, 8, 20)
    assert quotas["43"].deadline == round_.district_deadline

    page = client.get(reverse("newcentres:round", args=[round_.pk]))
    group = page.context["summary"].groups[0]
    assert group.name == "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน ๑"
    assert group.totals.quota == 20


def test_quotas_may_not_exceed_the_national_total(client, persona):
    round_ = make_round(quotas={}, national_total=10)
    client.force_login(persona("headoffice"))
    data = {f"quota_{code}": "4" for code in GROUP_PROVINCES}
    response = client.post(reverse("newcentres:quotas", args=[round_.pk]), data)
    assert response.status_code == 200
    assert "เกินเป้าหมายทั้งประเทศ 10 แห่ง" in response.content.decode()
    assert not Quota.objects.exists()


def test_clearing_a_quota_removes_it(client, persona):
    round_ = make_round(quotas={"43": 4, "42": 4})
    client.force_login(persona("headoffice"))
    client.post(reverse("newcentres:quotas", args=[round_.pk]), {"quota_42": "4", "quota_43": ""})
    assert list(Quota.objects.values_list("province_id", flat=True)) == ["42"]


def test_the_round_list_shows_every_round(client, persona):
    make_round()
    make_round(fiscal_year=2570)
    client.force_login(persona("faiwrai"))
    response = client.get(reverse("newcentres:rounds"))
    assert [r.fiscal_year for r in response.context["rounds"]] == [2570, 2569]
