"""Every data rule at its boundaries (DOMAIN.md §6): pure, no database."""

import pytest

from scoring.rules import CentreFacts, suggest

POINTS = {1: 3, 2: 4, 3: 5}


def level(rule, **facts):
    return suggest(rule, CentreFacts(2568, **facts), POINTS).level


def targets(part_field, part, whole):
    return {"target_households": whole, part_field: part}


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(0, 10, 0), (499, 1000, 1), (50, 100, 2), (60, 100, 2), (601, 1000, 3), (1, 1, 3)],
)
def test_2_5_restructuring_coverage(part, whole, expected):
    assert level("restructuring_coverage", **targets("restructured", part, whole)) == expected


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(0, 10, 0), (599, 1000, 1), (60, 100, 2), (80, 100, 2), (801, 1000, 3)],
)
def test_3_2_debt_reduced(part, whole, expected):
    assert level("debt_reduced", **targets("reduced", part, whole)) == expected


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(0, 100, 0), (29, 1000, 1), (3, 100, 2), (5, 100, 2), (51, 1000, 3)],
)
def test_3_3_debt_free(part, whole, expected):
    assert level("debt_free", **targets("debt_free", part, whole)) == expected


def test_ban_sakae_khrua_gets_full_points_on_3_2_and_3_3():
    # Seed 003: 48 target households, 44 reduced (not free), 4 debt-free.
    facts = CentreFacts(2568, target_households=48, reduced=44 + 4, debt_free=4)
    reduced = suggest("debt_reduced", facts, POINTS)
    free = suggest("debt_free", facts, POINTS)
    assert (reduced.level, reduced.points) == (3, 5)
    assert (free.level, free.points) == (3, 5)
    assert "48 จาก 48" in reduced.reason and "100%" in reduced.reason
    assert "8.3%" in free.reason


def test_rates_without_targets_give_no_suggestion():
    s = suggest("debt_free", CentreFacts(2568, target_households=0, debt_free=0), POINTS)
    assert s.level is None and s.points is None
    assert s.reason.startswith("ไม่มีข้อเสนอแนะ")


@pytest.mark.parametrize(
    ("minuted", "expected"), [(0, 0), (9, 0), (10, 1), (11, 2), (12, 3), (15, 3)]
)
def test_1_3_committee_meetings(minuted, expected):
    facts = {"committee_meetings": minuted, "committee_meetings_with_minutes": minuted}
    assert level("committee_meetings", **facts) == expected


def test_1_3_counts_only_meetings_with_minutes():
    s = suggest(
        "committee_meetings",
        CentreFacts(2568, committee_meetings=12, committee_meetings_with_minutes=11),
        POINTS,
    )
    assert s.level == 2
    assert "มีบันทึกการประชุม 11 ครั้ง" in s.reason


def test_1_3_reason_reads_as_the_issue_example():
    s = suggest(
        "committee_meetings",
        CentreFacts(2568, committee_meetings=11, committee_meetings_with_minutes=11),
        POINTS,
    )
    assert s.reason == ("ประชุมคณะกรรมการ 11 ครั้ง มีบันทึกทุกครั้ง ในปีงบประมาณ 2568 → ระดับ 2 (4 คะแนน)")


@pytest.mark.parametrize(
    ("visits", "acted", "expected"),
    [(0, 0, 0), (5, 0, 1), (5, 5, 1), (6, 0, 2), (6, 6, 2), (7, 0, 2), (7, 1, 3)],
)
def test_2_10_monitoring(visits, acted, expected):
    assert level("monitoring", visits=visits, visits_acted_on=acted) == expected


@pytest.mark.parametrize(("n", "expected"), [(0, 0), (1, 1), (2, 2), (3, 3), (8, 3)])
def test_2_8_trainings(n, expected):
    assert level("trainings", trainings=n) == expected


@pytest.mark.parametrize(("n", "expected"), [(0, 0), (1, 1), (2, 2), (3, 3)])
def test_1_4_member_origin(n, expected):
    assert level("member_origin", member_funds=n) == expected


@pytest.mark.parametrize(
    ("funds", "advisor", "expected"),
    [
        (0, True, 0),
        (1, False, 1),
        (1, True, 1),
        (2, False, 1),
        (2, True, 2),
        (3, False, 1),
        (3, True, 3),
    ],
)
def test_1_1_committee_origin(funds, advisor, expected):
    assert level("committee_origin", funds_represented=funds, has_advisor=advisor) == expected


@pytest.mark.parametrize(
    ("written", "approval", "followed", "expected"),
    [
        (False, "members_meeting", True, 0),
        (True, "none", False, 1),
        (True, "committee", True, 1),
        (True, "members_meeting", False, 2),
        (True, "members_meeting", True, 3),
    ],
)
def test_1_5_regulations(written, approval, followed, expected):
    facts = {"regulations_written": written, "regulations_approval": approval}
    assert level("regulations", regulations_followed=followed, **facts) == expected


@pytest.mark.parametrize(
    ("kind", "sign", "board", "current", "expected"),
    [
        ("none", True, True, True, 0),
        ("temporary", True, True, True, 1),
        ("permanent", False, True, True, 1),
        ("permanent", True, False, True, 1),
        ("permanent", True, True, False, 2),
        ("permanent", True, True, True, 3),
    ],
)
def test_1_6_office(kind, sign, board, current, expected):
    facts = {"office_has_sign": sign, "office_has_board": board, "office_board_current": current}
    assert level("office", office_kind=kind, **facts) == expected


@pytest.mark.parametrize(
    ("funds", "updated", "expected"), [(0, 0, 0), (3, 0, 1), (3, 2, 1), (3, 3, 3)]
)
def test_2_1_fund_database(funds, updated, expected):
    assert level("fund_database", member_funds=funds, member_funds_updated=updated) == expected


@pytest.mark.parametrize(
    ("debtors", "classified", "expected"), [(0, 0, 0), (10, 0, 0), (10, 9, 1), (10, 10, 2)]
)
def test_2_2_debtor_classification(debtors, classified, expected):
    assert (
        level("debtor_classification", debtors=debtors, classified_debtors=classified) == expected
    )


@pytest.mark.parametrize(
    ("on_debtors", "negotiation", "restructured", "one", "expected"),
    [
        (0, 0, 5, 5, 0),
        (2, 0, 5, 5, 1),
        (2, 1, 0, 0, 2),
        (2, 1, 3, 0, 2),
        (2, 1, 3, 2, 3),
    ],
)
def test_2_3_restructuring_process(on_debtors, negotiation, restructured, one, expected):
    facts = {
        "meetings_on_debtors": on_debtors,
        "meetings_on_negotiation": negotiation,
        "restructured": restructured,
        "one_contract_households": one,
    }
    assert level("restructuring_process", **facts) == expected


@pytest.mark.parametrize(
    ("exists", "participated", "covers", "planned", "done", "expected"),
    [
        (False, True, True, 4, 4, 0),
        (True, False, True, 4, 4, 0),
        (True, True, False, 4, 4, 1),
        (True, True, True, 0, 0, 2),
        (True, True, True, 1000, 499, 2),
        (True, True, True, 4, 2, 3),
        (True, True, True, 4, 4, 3),
    ],
)
def test_2_4_action_plan(exists, participated, covers, planned, done, expected):
    facts = {
        "plan_exists": exists,
        "plan_members_participated": participated,
        "plan_covers_operations": covers,
        "plan_activities": planned,
        "plan_activities_done": done,
    }
    assert level("action_plan", **facts) == expected


@pytest.mark.parametrize(
    ("training", "occupation", "group", "expected"),
    [(False, True, True, 0), (True, False, True, 1), (True, True, False, 2), (True, True, True, 3)],
)
def test_2_6_household_support(training, occupation, group, expected):
    facts = {
        "support_discipline_training": training,
        "support_occupation": occupation,
        "support_group_form": group,
    }
    assert level("household_support", **facts) == expected


@pytest.mark.parametrize(
    ("plan", "members", "community", "expected"),
    [(False, True, True, 0), (True, False, True, 1), (True, True, False, 2), (True, True, True, 3)],
)
def test_2_7_welfare(plan, members, community, expected):
    facts = {"welfare_plan": plan, "welfare_members": members, "welfare_community": community}
    assert level("welfare", **facts) == expected


@pytest.mark.parametrize(
    ("attended", "expected_total", "meetings", "expected"),
    [
        (0, 100, 1, 0),
        (10, 100, 0, 0),
        (499, 1000, 2, 1),
        (50, 100, 1, 2),
        (75, 100, 1, 2),
        (751, 1000, 3, 3),
    ],
)
def test_2_9_member_participation(attended, expected_total, meetings, expected):
    facts = {
        "members_meetings": meetings,
        "members_attended": attended,
        "members_expected": expected_total,
    }
    assert level("member_participation", **facts) == expected


@pytest.mark.parametrize(
    "rule",
    [
        "committee_origin",
        "committee_meetings",
        "member_origin",
        "regulations",
        "office",
        "fund_database",
        "debtor_classification",
        "restructuring_process",
        "action_plan",
        "restructuring_coverage",
        "household_support",
        "welfare",
        "trainings",
        "member_participation",
        "monitoring",
        "debt_reduced",
        "debt_free",
    ],
)
def test_missing_facts_give_no_suggestion_with_a_reason(rule):
    facts = CentreFacts(2568, missing={"debts": "ยังไม่มีระบบข้อมูลหนี้ครัวเรือน"})
    s = suggest(rule, facts, POINTS)
    assert s.level is None
    assert s.reason.startswith("ไม่มีข้อเสนอแนะ: ")


def test_points_come_from_the_rubric():
    s = suggest("trainings", CentreFacts(2568, trainings=3), {1: 2, 2: 6, 3: 10})
    assert (s.level, s.points) == (3, 10)
    assert s.reason.endswith("→ ระดับ 3 (10 คะแนน)")


def test_not_meeting_level_one_scores_zero():
    s = suggest("trainings", CentreFacts(2568, trainings=0), POINTS)
    assert (s.level, s.points) == (0, 0)
    assert s.reason.endswith("→ ไม่ถึงระดับ 1 (0 คะแนน)")


@pytest.mark.parametrize(
    ("rule", "facts", "level_", "shown"),
    [
        ("debt_free", {"target_households": 135, "debt_free": 4}, 1, "(2.96%)"),
        ("debt_free", {"target_households": 100, "debt_free": 3}, 2, "(3%)"),
        ("restructuring_coverage", {"target_households": 2000, "restructured": 999}, 1, "(49.95%)"),
        ("debt_reduced", {"target_households": 48, "reduced": 48}, 3, "(100%)"),
    ],
)
def test_a_rate_just_below_a_threshold_is_not_shown_rounded_onto_it(rule, facts, level_, shown):
    s = suggest(rule, CentreFacts(2568, **facts), POINTS)
    assert s.level == level_
    assert shown in s.reason
