"""Nominating screened villages, choosing within the quota, returning and establishing."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from centres.models import Centre, CentreStatus
from newcentres import services
from newcentres.models import Nomination, NominationStatus
from tests.factories import make_centre, make_village
from tests.newcentres.factories import (
    GROUP_PROVINCES,
    LOEI_SUBDISTRICTS,
    make_loei_officer,
    make_nomination,
    make_round,
    make_screening,
)

pytestmark = pytest.mark.django_db

SEED_QUOTAS = dict.fromkeys(GROUP_PROVINCES, 4)
# Six Loei villages: (core group kind, target households) — nominated in this order.
LOEI_SIX = [
    ("village_fund", 60),
    ("savings", 35),
    ("other_financial", 90),
    ("kkkj", 50),
    ("savings", 45),
    ("village_fund", 40),
]
PRIORITY = [3, 4, 1, 0, 5, 2]  # indexes of LOEI_SIX in priority order


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def seed_round(db):
    return make_round(quotas=SEED_QUOTAS)


@pytest.fixture
def loei_six(seed_round):
    screenings = []
    for index, (kind, households) in enumerate(LOEI_SIX):
        village = make_village(subdistrict=LOEI_SUBDISTRICTS[index % 4], name=f"บ้านเลย {index}")
        screenings.append(
            make_screening(
                round_=seed_round, village=village, core_kind=kind, target_households=households
            )
        )
    return screenings


def test_loei_nominates_six_the_province_selects_four_and_the_fifth_is_refused(
    client, persona, loei_six
):
    client.force_login(make_loei_officer())
    for screening in loei_six:
        response = client.post(reverse("newcentres:nominate", args=[screening.pk]))
        assert response.status_code == 302
    assert Nomination.objects.filter(status=NominationStatus.NOMINATED).count() == 6

    client.force_login(persona("loei"))
    by_priority = [loei_six[i].nomination for i in PRIORITY]
    for nomination in by_priority[:4]:
        client.post(reverse("newcentres:select", args=[nomination.pk]))
    response = client.post(reverse("newcentres:select", args=[by_priority[4].pk]))

    assert "จังหวัดเลยได้รับจัดสรร 4 แห่ง เลือกครบแล้ว" in _messages(response)
    by_priority[4].refresh_from_db()
    assert by_priority[4].status == NominationStatus.NOMINATED
    assert Nomination.objects.selected().count() == 4


def test_the_province_page_lists_nominations_in_priority_order(client, persona, loei_six):
    officer = make_loei_officer()
    for screening in loei_six:
        services.nomination_create(screening=screening, user=officer)
    client.force_login(persona("loei"))
    response = client.get(reverse("newcentres:province", args=[loei_six[0].round_id, "42"]))
    shown = [n.screening.pk for n in response.context["nominations"]]
    assert shown == [loei_six[i].pk for i in PRIORITY]


def test_a_village_with_a_centre_cannot_be_nominated(client, seed_round):
    officer = make_loei_officer()
    screening = make_screening(round_=seed_round, subdistrict=LOEI_SUBDISTRICTS[0])
    make_centre(village=screening.village)
    client.force_login(officer)
    response = client.post(reverse("newcentres:nominate", args=[screening.pk]))
    assert response.status_code == 302
    assert not Nomination.objects.exists()
    assert any("มีศูนย์จัดการกองทุนชุมชนอยู่แล้ว" in m for m in _messages(response))


def test_a_village_with_two_willing_groups_fails_criterion_6_and_is_refused(seed_round):
    screening = make_screening(round_=seed_round, groups=2, subdistrict=LOEI_SUBDISTRICTS[0])
    assert [o.key for o in screening.evaluation.unmet] == ["6"]
    with pytest.raises(ValidationError) as exc:
        services.nomination_create(screening=screening, user=make_loei_officer())
    assert any("หลักเกณฑ์ข้อ 6" in m for m in exc.value.messages)


def test_after_the_district_deadline_the_officer_is_refused_and_the_province_may_add(persona):
    round_ = make_round(quotas=SEED_QUOTAS, district_deadline=datetime.date(2025, 8, 20))
    late = datetime.date(2025, 8, 21)
    screening = make_screening(round_=round_, subdistrict=LOEI_SUBDISTRICTS[0])
    with pytest.raises(ValidationError) as exc:
        services.nomination_create(screening=screening, user=make_loei_officer(), today=late)
    assert "พ้นกำหนดส่งทะเบียนเป้าหมายของอำเภอ (20 ส.ค. 2568)" in exc.value.messages[0]
    assert "เฉพาะเจ้าหน้าที่จังหวัด" in exc.value.messages[0]

    nomination = services.nomination_create(screening=screening, user=persona("loei"), today=late)
    assert nomination.status == NominationStatus.NOMINATED


def test_on_the_deadline_day_the_officer_may_still_nominate():
    round_ = make_round(quotas=SEED_QUOTAS, district_deadline=datetime.date(2025, 8, 20))
    screening = make_screening(round_=round_, subdistrict=LOEI_SUBDISTRICTS[0])
    services.nomination_create(
        screening=screening, user=make_loei_officer(), today=datetime.date(2025, 8, 20)
    )


def test_a_province_deadline_for_its_districts_wins_over_the_rounds(persona):
    round_ = make_round(quotas=SEED_QUOTAS, district_deadline=datetime.date(2025, 9, 30))
    round_.quotas.filter(province_id="42").update(district_deadline=datetime.date(2025, 8, 20))
    screening = make_screening(round_=round_, subdistrict=LOEI_SUBDISTRICTS[0])
    with pytest.raises(ValidationError):
        services.nomination_create(
            screening=screening, user=make_loei_officer(), today=datetime.date(2025, 9, 1)
        )


def test_the_province_returns_a_nomination_with_a_comment_and_the_district_sends_it_again(
    client, persona
):
    nomination = make_nomination()
    client.force_login(persona("nongkhai"))
    response = client.post(
        reverse("newcentres:return", args=[nomination.pk]), {"comment": "ขอรายชื่อกลุ่มเพิ่ม"}
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.RETURNED
    assert nomination.comment == "ขอรายชื่อกลุ่มเพิ่ม"

    client.force_login(persona("faiwrai"))
    client.post(reverse("newcentres:nominate", args=[nomination.screening_id]))
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.NOMINATED


def test_returning_needs_a_comment(persona):
    nomination = make_nomination()
    with pytest.raises(ValidationError, match="เหตุผล"):
        services.nomination_return(nomination=nomination, user=persona("nongkhai"), comment=" ")


def test_establishing_creates_the_villages_centre_linked_to_the_round(client, persona):
    nomination = make_nomination(status=NominationStatus.SELECTED)
    village = nomination.screening.village
    client.force_login(persona("nongkhai"))
    client.post(
        reverse("newcentres:establish", args=[nomination.pk]), {"established_on": "15/12/2568"}
    )
    nomination.refresh_from_db()
    centre = Centre.objects.get(village=village)
    assert nomination.status == NominationStatus.ESTABLISHED
    assert nomination.centre == centre
    assert centre.status == CentreStatus.ESTABLISHED
    assert centre.name == f"ศูนย์จัดการกองทุนชุมชน{village.name}"
    assert centre.established_on == datetime.date(2025, 12, 15)
    # The centre this round created does not count against the village's own criterion 1.
    nomination.screening.refresh_from_db()
    assert "1" in nomination.screening.evaluation.met_keys


def test_only_a_selected_nomination_can_be_established(persona):
    nomination = make_nomination()
    with pytest.raises(ValidationError):
        services.nomination_establish(nomination=nomination, user=persona("nongkhai"))
    assert not Centre.objects.filter(village=nomination.screening.village).exists()


def test_returning_a_selected_village_frees_its_place_in_the_quota(persona):
    round_ = make_round(quotas={"43": 1})
    first = make_nomination(screening=make_screening(round_=round_))
    second = make_nomination(screening=make_screening(round_=round_))
    staff = persona("nongkhai")
    services.nomination_select(nomination=first, user=staff)
    with pytest.raises(ValidationError, match="จังหวัดหนองคายได้รับจัดสรร 1 แห่ง เลือกครบแล้ว"):
        services.nomination_select(nomination=second, user=staff)
    services.nomination_return(nomination=first, user=staff, comment="สลับลำดับ")
    services.nomination_select(nomination=second, user=staff)


def test_a_province_without_a_quota_cannot_select(persona):
    nomination = make_nomination(screening=make_screening(round_=make_round(quotas={})))
    with pytest.raises(ValidationError, match="ไม่ได้รับจัดสรร"):
        services.nomination_select(nomination=nomination, user=persona("nongkhai"))


def test_a_nominated_screening_is_locked_until_returned(client, persona):
    nomination = make_nomination()
    client.force_login(persona("faiwrai"))
    response = client.get(reverse("newcentres:screening_edit", args=[nomination.screening_id]))
    assert response.status_code == 302
