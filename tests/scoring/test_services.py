import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdfmc.accounts.models import Role, User
from centres.models import CentreStatus
from scoring import services
from scoring.loading import load_rubrics, nongkhai_2568
from scoring.models import Assessment, Rubric, Score
from tests.factories import WAT_LUANG, make_centre
from tests.scoring.factories import make_assessment, make_proposal, make_round, score_all

pytestmark = pytest.mark.django_db


def test_the_reference_rubric_has_3_areas_20_indicators_100_points():
    rubric = nongkhai_2568()
    indicators = [i for a in rubric.areas.all() for i in a.indicators.all()]
    assert len(indicators) == 20
    assert sum(i.max_points for i in indicators) == 100
    by_area = {a.number: sum(i.max_points for i in a.indicators.all()) for a in rubric.areas.all()}
    assert by_area == {1: 30, 2: 50, 3: 20}
    assert [
        lv.points for lv in rubric.areas.get(number=1).indicators.get(code="1.3").levels.all()
    ] == [3, 4, 5]
    judged = rubric.areas.get(number=3).indicators.get(code="3.4")
    assert judged.judged and [lv.points for lv in judged.levels.all()] == [1, 2, 3, 4, 5]


def test_loading_rubrics_twice_changes_nothing():
    load_rubrics()
    load_rubrics()
    assert Rubric.objects.count() == 1


def test_a_model_centre_is_refused_with_the_reason(persona):
    centre = make_centre(status=CentreStatus.MODEL, model_year=2561)
    with pytest.raises(ValidationError) as exc:
        services.proposal_create(
            selection_round=make_round(), centre=centre, user=persona("faiwrai")
        )
    assert "ศูนย์ต้นแบบ" in str(exc.value) and "๒๕๖๑" in str(exc.value)


def test_a_district_proposes_one_centre_per_round(persona):
    selection_round = make_round()
    services.proposal_create(
        selection_round=selection_round, centre=make_centre(), user=persona("faiwrai")
    )
    with pytest.raises(ValidationError) as exc:
        services.proposal_create(
            selection_round=selection_round, centre=make_centre(), user=persona("faiwrai")
        )
    assert "อำเภอละ ๑ แห่ง" in str(exc.value)


def test_a_centre_already_proposed_is_refused(persona):
    centre = make_centre()
    make_proposal(centre=centre)
    with pytest.raises(ValidationError) as exc:
        services.proposal_create(
            selection_round=make_round(), centre=centre, user=persona("nongkhai")
        )
    assert "ถูกเสนอแล้ว" in str(exc.value)


def test_a_centre_of_another_province_is_refused(persona):
    from tests.factories import LOEI_KUT_PONG

    centre = make_centre(subdistrict=LOEI_KUT_PONG)
    with pytest.raises(ValidationError):
        services.proposal_create(
            selection_round=make_round(), centre=centre, user=persona("nongkhai")
        )


def test_assessment_starts_with_suggestions_and_their_reasons(persona):
    assessment = make_assessment(proposal=make_proposal(centre=make_centre()))
    trainings = assessment.scores.get(indicator__code="2.8")
    assert trainings.suggested_level == 0 and trainings.level == 0 and trainings.points == 0
    assert "ในปีงบประมาณ 2568" in trainings.suggestion_reason
    judged = assessment.scores.get(indicator__code="3.4")
    assert judged.level is None and judged.suggested_level is None
    assert assessment.scores.count() == 20


def test_overriding_a_suggestion_without_a_reason_is_refused(persona):
    assessment = make_assessment(proposal=make_proposal(centre=make_centre()))
    score = assessment.scores.get(indicator__code="2.8")
    with pytest.raises(ValidationError) as exc:
        services.score_set(score=score, user=assessment.assessor, level=3, override_reason="  ")
    assert exc.value.message_dict["override_reason"] == ["เลือกระดับต่างจากที่ระบบเสนอ ต้องระบุเหตุผล"]
    score.refresh_from_db()
    assert score.level == 0


def test_every_change_keeps_who_when_before_after_and_why(persona):
    assessment = make_assessment(proposal=make_proposal(centre=make_centre()))
    score = assessment.scores.get(indicator__code="2.8")
    services.score_set(
        score=score, user=assessment.assessor, level=2, override_reason="มีหลักฐานการอบรม 2 ครั้ง"
    )
    first, second = score.history.order_by("history_date", "history_id")
    assert (first.points, second.points) == (0, 4)
    assert second.history_user == assessment.assessor
    assert second.history_change_reason == "มีหลักฐานการอบรม 2 ครั้ง"
    assert first.history_change_reason == "ระบบเสนอระดับจากข้อมูล"


def test_only_the_assessor_changes_their_scores(persona):
    assessment = make_assessment(proposal=make_proposal(centre=make_centre()))
    score = assessment.scores.get(indicator__code="1.2")
    with pytest.raises(PermissionDenied):
        services.score_set(score=score, user=persona("admin"), level=1)


def test_a_panel_member_may_not_score_their_own_districts_centre(persona):
    proposal = make_proposal(centre=make_centre())  # อ.เฝ้าไร่
    selection_round = proposal.round
    services.panel_appoint(
        selection_round=selection_round, member=persona("faiwrai"), user=persona("nongkhai")
    )
    services.panel_appoint(
        selection_round=selection_round, member=persona("phonphisai"), user=persona("nongkhai")
    )
    with pytest.raises(PermissionDenied):
        services.assessment_start(proposal=proposal, assessor=persona("faiwrai"))
    assert services.assessment_start(proposal=proposal, assessor=persona("phonphisai"))


def test_officers_off_the_panel_may_not_score(persona):
    proposal = make_proposal(centre=make_centre(subdistrict=WAT_LUANG))
    assert services.assess_refusal(persona("faiwrai"), proposal)
    assert services.assess_refusal(persona("headoffice"), proposal)
    assert services.assess_refusal(persona("nongkhai"), proposal) is None


def test_the_panel_is_the_provinces_own_officers(persona):
    loei_officer = User.objects.create(
        username="loeiofficer", role=Role.DISTRICT, district_id="4201"
    )
    with pytest.raises(ValidationError):
        services.panel_appoint(
            selection_round=make_round(), member=loei_officer, user=persona("nongkhai")
        )


def test_staff_without_a_province_cannot_join_a_panel(persona):
    nowhere = User.objects.create(username="noprovince", role=Role.PROVINCE)
    with pytest.raises(ValidationError):
        services.panel_appoint(
            selection_round=make_round(), member=nowhere, user=persona("nongkhai")
        )


def test_finalising_needs_every_indicator_and_then_locks_the_rubric(persona):
    assessment = make_assessment(proposal=make_proposal(centre=make_centre()))
    with pytest.raises(ValidationError) as exc:
        services.assessment_finalise(assessment=assessment, user=assessment.assessor)
    assert "3.4" in str(exc.value)
    score_all(assessment)
    services.assessment_finalise(assessment=assessment, user=assessment.assessor)
    assert Assessment.objects.get().is_final
    rubric = nongkhai_2568()
    assert rubric.is_locked
    indicator = rubric.areas.get(number=1).indicators.get(code="1.2")
    with pytest.raises(ValidationError) as locked:
        services.indicator_update(indicator=indicator, title="x", levels=[], evidence=[])
    assert "แก้ไขไม่ได้" in str(locked.value)
    with pytest.raises(ValidationError):
        services.score_set(
            score=assessment.scores.first(), user=assessment.assessor, level=1, override_reason="x"
        )


def test_a_copied_rubric_is_editable_and_leaves_the_original_alone(persona):
    original = nongkhai_2568()
    copy = services.rubric_copy(
        rubric=original, fiscal_year=2569, province=None, name="เกณฑ์ระดับประเทศ 2569"
    )
    indicator = copy.areas.get(number=1).indicators.get(code="1.3")
    services.indicator_update(
        indicator=indicator,
        title="การประชุมคณะกรรมการ",
        levels=[(1, "ปีละ 6 ครั้ง", 2), (2, "ปีละ 9 ครั้ง", 3), (3, "ปีละ 12 ครั้ง", 6)],
        evidence=["รายงานการประชุม"],
    )
    assert [lv.points for lv in indicator.levels.all()] == [2, 3, 6]
    assert indicator.rule == "committee_meetings"
    assert copy.areas.count() == 3 and Score.objects.count() == 0
    kept = original.areas.get(number=1).indicators.get(code="1.3")
    assert [lv.points for lv in kept.levels.all()] == [3, 4, 5]
    assert kept.evidence_items.count() == 3
