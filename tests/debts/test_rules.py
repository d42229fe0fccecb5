"""The pure debt rules, without a database."""

from decimal import Decimal

import pytest

from debts import rules


def test_it_accepts_a_valid_citizen_id_in_thai_digits_with_dashes():
    digits = rules.normalize_citizen_id("๑-๑๐๒๐-๐๐๐๐๐-๕๖-๕")
    assert digits == "1102000000565"
    assert rules.citizen_id_is_valid(digits)


def test_it_rejects_a_bad_check_digit():
    assert not rules.citizen_id_is_valid("1102000000562")
    assert not rules.citizen_id_is_valid("110200000056")
    assert not rules.citizen_id_is_valid("11020000005x2")


def test_it_masks_the_middle_digits():
    assert rules.mask_citizen_id("1102000000562") == "1-1020-xxxxx-56-2"
    assert rules.format_citizen_id("1102000000562") == "1-1020-00000-56-2"


@pytest.mark.parametrize(
    ("rate", "financial", "expected"),
    [("15", False, False), ("15.01", False, True), ("18", True, False), (None, False, False)],
)
def test_the_legal_maximum_applies_to_non_financial_lenders(rate, financial, expected):
    assert rules.rate_exceeds_legal_max(rate, financial_institution=financial) is expected


@pytest.mark.parametrize(
    ("baseline", "current", "outcome"),
    [
        (100, 0, rules.DEBT_FREE),
        (100, 99, rules.REDUCED),
        (100, 100, rules.NOT_REDUCED),
        (100, 120, rules.NOT_REDUCED),
        (None, 0, rules.NO_BASELINE),
        (0, 0, rules.NO_BASELINE),
    ],
)
def test_it_classifies_outcomes(baseline, current, outcome):
    assert rules.classify_outcome(baseline, current) == outcome


def test_percent_and_overdue_rate():
    assert rules.percent(4, 48) == Decimal("8.3")
    assert rules.percent(48, 48) == Decimal("100.0")
    assert rules.percent(1, 0) == 0
    assert rules.overdue_rate(5, 200) == Decimal("2.50")
    assert rules.overdue_rate(5, 0) is None


def test_one_household_one_contract():
    assert rules.one_contract_status(0) == rules.NO_CONTRACT
    assert rules.one_contract_status(1) == rules.ONE_CONTRACT
    assert rules.one_contract_status(3) == rules.MANY_CONTRACTS


def test_six_steps_follow_the_counts():
    steps = rules.six_steps(
        debtors=40, classified=40, targets=12, restructured=12, supported=3, followed_up=0
    )
    assert [s.state for s in steps] == [
        rules.DONE,
        rules.DONE,
        rules.IN_PROGRESS,
        rules.DONE,
        rules.IN_PROGRESS,
        rules.NOT_STARTED,
    ]
    assert steps[2].detail == "12/30"


def test_six_steps_of_an_empty_centre_have_not_started():
    steps = rules.six_steps(
        debtors=0, classified=0, targets=0, restructured=0, supported=0, followed_up=0
    )
    assert {s.state for s in steps} == {rules.NOT_STARTED}
