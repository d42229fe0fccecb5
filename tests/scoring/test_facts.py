import datetime
from decimal import Decimal

import pytest

from centres.models import CommitteeRole, MeetingKind
from scoring.facts import centre_facts
from scoring.rules import suggest
from tests.centres.factories import make_committee_member, make_meeting, make_visit
from tests.debts.factories import make_creditor, make_household
from tests.factories import make_centre, make_member_fund
from tests.scoring.factories import make_assessment, make_proposal

pytestmark = pytest.mark.django_db
POINTS = {1: 3, 2: 4, 3: 5}


def ban_sakae_khrua():
    """Seed 003: 48 target households in the programme, 44 reduced (not free), 4 debt-free."""
    centre = make_centre(name="ศูนย์จัดการกองทุนชุมชนบ้านสะแกเครือ")
    creditor = make_creditor(centre=centre)
    from tests.debts.factories import make_contract

    joined = {"is_target": True, "target_since": datetime.date(2024, 11, 1)}
    for _ in range(44):
        household = make_household(centre=centre, baseline_total=Decimal(50000), **joined)
        make_contract(household=household, creditor=creditor, outstanding=30000)
    for _ in range(4):
        make_household(centre=centre, baseline_total=Decimal(20000), **joined)
    return centre


def test_ban_sakae_khrua_from_its_records_gives_5_points_on_3_2_and_3_3():
    facts = centre_facts(ban_sakae_khrua(), 2568)
    assert (facts.target_households, facts.reduced, facts.debt_free) == (48, 48, 4)
    reduced, free = suggest("debt_reduced", facts, POINTS), suggest("debt_free", facts, POINTS)
    assert reduced.points == 5 and free.points == 5
    assert (
        free.reason == "ปลดหนี้ได้ 4 จาก 48 ครัวเรือนเป้าหมาย (8.3%) ในปีงบประมาณ 2568 → ระดับ 3 (5 คะแนน)"
    )


def test_ban_sakae_khrua_assessment_is_prefilled_with_5_and_5(persona):
    assessment = make_assessment(proposal=make_proposal(centre=ban_sakae_khrua()))
    points = dict(assessment.scores.values_list("indicator__code", "points"))
    assert points["3.2"] == 5 and points["3.3"] == 5


def test_only_the_fiscal_years_meetings_count():
    centre = make_centre()
    # 11 committee meetings in FY2568 (1 Oct 2024 – 30 Sep 2025), on both of its edges
    days = [datetime.date(2024, 10, 1), datetime.date(2025, 9, 30)]
    days += [datetime.date(2025, month, 5) for month in range(1, 10)]
    for day in days:
        make_meeting(centre=centre, held_on=day, has_minutes=True)
    make_meeting(centre=centre, held_on=datetime.date(2024, 9, 30), has_minutes=True)  # FY2567
    make_meeting(centre=centre, held_on=datetime.date(2025, 10, 5), has_minutes=True)  # FY2569
    s = suggest("committee_meetings", centre_facts(centre, 2568), POINTS)
    assert s.reason == "ประชุมคณะกรรมการ 11 ครั้ง มีบันทึกทุกครั้ง ในปีงบประมาณ 2568 → ระดับ 2 (4 คะแนน)"


def test_members_meetings_give_the_mean_attendance():
    centre = make_centre()
    for attendees in (40, 60):
        make_meeting(
            centre=centre,
            kind=MeetingKind.MEMBERS,
            held_on=datetime.date(2025, 3, 1),
            attendees=attendees,
            members_total=100,
        )
    facts = centre_facts(centre, 2568)
    assert suggest("member_participation", facts, POINTS).level == 2  # 50%


def test_committee_origin_counts_funds_represented_and_advisors():
    centre = make_centre()
    funds = [make_member_fund(centre=centre, name=f"กองทุน {n}") for n in range(3)]
    for fund in funds:
        make_committee_member(centre=centre, represents=fund)
    make_committee_member(centre=centre, role=CommitteeRole.ADVISOR)
    facts = centre_facts(centre, 2568)
    assert (facts.funds_represented, facts.has_advisor, facts.member_funds) == (3, True, 3)
    assert suggest("committee_origin", facts, POINTS).level == 3


def test_visits_acted_on():
    centre = make_centre()
    for day in range(1, 8):
        visit = make_visit(centre=centre, visited_on=datetime.date(2025, 1, day))
    visit.acted_on = True
    visit.save()
    assert suggest("monitoring", centre_facts(centre, 2568), POINTS).level == 3


def test_facts_take_a_bounded_number_of_queries(django_assert_max_num_queries):
    centre = make_centre()
    with django_assert_max_num_queries(10):
        centre_facts(centre, 2568)
