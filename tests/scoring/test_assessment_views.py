import pytest
from django.urls import reverse

from tests.factories import make_centre
from tests.scoring.factories import make_assessment, make_proposal

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def assessment(persona):
    return make_assessment(proposal=make_proposal(centre=make_centre()))


def post_score(client, assessment, code, **data):
    score = assessment.scores.get(indicator__code=code)
    url = reverse("scoring:score", args=[assessment.pk, score.pk])
    return client.post(url, {f"s{score.pk}-{k}": v for k, v in data.items()}, **HTMX), score


def test_the_page_shows_suggestions_with_reasons(client, assessment):
    client.force_login(assessment.assessor)
    page = client.get(reverse("scoring:assessment", args=[assessment.pk])).content.decode()
    assert "ฝึกอบรม/สัมมนา/ศึกษาดูงาน 0 ครั้ง ในปีงบประมาณ 2568 → ไม่ถึงระดับ 1 (0 คะแนน)" in page
    assert 'data-testid="total"' in page


def test_overriding_without_a_reason_is_refused_at_the_field(client, assessment):
    client.force_login(assessment.assessor)
    response, score = post_score(client, assessment, "2.8", level="2")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="override-error"' in html
    assert "เลือกระดับต่างจากที่ระบบเสนอ ต้องระบุเหตุผล" in html
    score.refresh_from_db()
    assert score.level == 0


def test_a_score_with_a_reason_saves_and_updates_the_totals(client, assessment):
    client.force_login(assessment.assessor)
    response, score = post_score(
        client, assessment, "2.8", level="3", override_reason="อบรม 3 ครั้ง (มีหนังสือเชิญ)"
    )
    html = response.content.decode()
    assert 'data-testid="saved"' in html
    assert 'id="totals" class="card sticky-top mb-3 totals-card" hx-swap-oob="true"' in html
    assert 'data-testid="area-total-2">5 / 50<' in html
    score.refresh_from_db()
    assert (score.level, score.points, score.override_reason) == (3, 5, "อบรม 3 ครั้ง (มีหนังสือเชิญ)")


def test_evidence_items_are_ticked(client, assessment):
    client.force_login(assessment.assessor)
    score = assessment.scores.get(indicator__code="1.2")
    items = list(score.indicator.evidence_items.values_list("pk", flat=True))
    post_score(client, assessment, "1.2", level="2", evidence=items[:2])
    assert set(score.evidence_items.values_list("pk", flat=True)) == set(items[:2])


def test_the_history_shows_before_and_after(client, assessment):
    client.force_login(assessment.assessor)
    post_score(client, assessment, "2.8", level="2", override_reason="เหตุผลทดสอบ")
    page = client.get(reverse("scoring:assessment", args=[assessment.pk])).content.decode()
    assert "0 → 4 คะแนน — เหตุผลทดสอบ" in page


def test_medians_are_shown_beside_each_assessor(client, persona, assessment):
    second = make_assessment(proposal=assessment.proposal, assessor="admin")
    client.force_login(assessment.assessor)
    post_score(client, assessment, "1.2", level="1")
    client.force_login(second.assessor)
    post_score(client, second, "1.2", level="2")
    client.force_login(persona("nongkhai"))
    page = client.get(reverse("scoring:proposal", args=[assessment.proposal.pk])).content.decode()
    assert "3.5" in page


def test_the_centre_page_shows_the_booklet_button_and_the_proposal(client, assessment):
    client.force_login(assessment.assessor)
    centre = assessment.proposal.centre
    page = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    assert 'data-testid="booklet-download"' in page
    assert reverse("scoring:booklet", args=[centre.pk]) in page
    assert "ปีงบประมาณ 2568" in page
