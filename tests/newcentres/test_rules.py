"""The screening criteria and the priority order, without a database."""

from newcentres import rules
from newcentres.rules import ScreeningFacts, evaluate, priority_key

PASSING = ScreeningFacts(
    debt_households=12,
    core_kind="savings",
    core_strong=True,
    sufficiency_village=True,
    willing_groups=("กลุ่มออมทรัพย์", "กทบ.", "กข.คจ."),
    office_place="ศาลาประชาคม",
    leaders="นายหนึ่ง นางสอง",
    leaders_qualified=True,
    target_households=30,
)


def _with(**changes) -> ScreeningFacts:
    return ScreeningFacts(**{**PASSING.__dict__, **changes})


def _unmet(facts) -> list[str]:
    return [o.key for o in evaluate(facts).unmet]


def test_a_village_meeting_every_criterion_passes():
    evaluation = evaluate(PASSING)
    assert evaluation.passes
    assert evaluation.met_keys == rules.CRITERIA


def test_it_fails_criterion_1_when_the_village_has_a_centre():
    evaluation = evaluate(_with(has_centre=True))
    assert _unmet(_with(has_centre=True)) == ["1"]
    assert "มีศูนย์จัดการกองทุนชุมชนอยู่แล้ว" in evaluation.problems()[0]


def test_it_fails_criterion_2_with_the_other_institution_named():
    evaluation = evaluate(_with(other_institution="สถาบันการเงินชุมชนบ้านนาดินดำ"))
    assert [o.key for o in evaluation.unmet] == ["2"]
    assert "สถาบันการเงินชุมชนบ้านนาดินดำ" in evaluation.unmet[0].reason


def test_criterion_3_needs_any_of_debt_low_income_or_welfare_households():
    none = _with(debt_households=0, low_income_households=0, welfare_card_households=0)
    assert _unmet(none) == ["3"]
    assert _unmet(_with(debt_households=0, welfare_card_households=25)) == []


def test_criterion_4_needs_a_strong_core_group():
    assert _unmet(_with(core_kind="")) == ["4"]
    assert _unmet(_with(core_strong=False)) == ["4"]
    assert _unmet(_with(core_kind="village_fund")) == []


def test_criterion_5_is_only_considered():
    evaluation = evaluate(_with(sufficiency_village=False))
    assert evaluation.passes
    assert "5" not in evaluation.met_keys


def test_two_willing_groups_fail_criterion_6():
    evaluation = evaluate(_with(willing_groups=("กลุ่มออมทรัพย์", "กทบ.")))
    assert [o.key for o in evaluation.unmet] == ["6"]
    assert "2 กลุ่ม" in evaluation.unmet[0].reason


def test_blank_group_names_do_not_count():
    assert _unmet(_with(willing_groups=("ก", "ข", "  "))) == ["6"]


def test_criterion_7_and_the_person_factor():
    assert _unmet(_with(office_place="")) == ["7"]
    assert _unmet(_with(leaders="")) == [rules.PERSON]
    assert _unmet(_with(leaders_qualified=False)) == [rules.PERSON]


def test_fewer_than_30_target_households_fails_with_the_reason():
    evaluation = evaluate(_with(target_households=29))
    assert not evaluation.passes
    assert evaluation.unmet == []
    assert "ไม่น้อยกว่า 30" in evaluation.problems()[0]


def test_priority_puts_savings_and_kkkj_first_then_village_fund_then_others():
    villages = [
        ("other", priority_key("other_financial", 80, 1)),
        ("vf", priority_key("village_fund", 90, 2)),
        ("kkkj", priority_key("kkkj", 30, 3)),
        ("savings", priority_key("savings", 40, 4)),
        ("none", priority_key("", 100, 5)),
    ]
    order = [name for name, key in sorted(villages, key=lambda v: v[1])]
    assert order == ["savings", "kkkj", "vf", "other", "none"]


def test_within_a_kind_more_target_households_then_earlier_nomination_come_first():
    assert priority_key("savings", 50, 9) < priority_key("savings", 40, 1)
    assert priority_key("savings", 40, 1) < priority_key("savings", 40, 2)
