from decimal import Decimal as D

from scoring.ranking import Entry, rank
from scoring.results import median_points


def entry(key, total, a1=0, a2=0, a3=0, i32=0):
    return Entry(key, D(total), D(a1), D(a2), D(a3), D(i32))


def order(entries):
    return [(r.rank, r.entry.key) for r in rank(entries)]


def test_it_orders_by_total():
    assert order([entry("a", 70), entry("b", 90), entry("c", 80)]) == [(1, "b"), (2, "c"), (3, "a")]


def test_a_tie_on_total_is_broken_by_area_3():
    assert order([entry("a", 80, a3=15), entry("b", 80, a3=18)]) == [(1, "b"), (2, "a")]


def test_then_by_area_2():
    e = [entry("a", 80, a3=15, a2=40), entry("b", 80, a3=15, a2=42)]
    assert order(e) == [(1, "b"), (2, "a")]


def test_then_by_area_1():
    e = [entry("a", 80, 20, 40, 15), entry("b", 80, 25, 40, 15)]
    assert order(e) == [(1, "b"), (2, "a")]


def test_then_by_indicator_3_2():
    e = [entry("a", 80, 25, 40, 15, i32=4), entry("b", 80, 25, 40, 15, i32=5)]
    assert order(e) == [(1, "b"), (2, "a")]


def test_still_tied_share_the_rank_and_say_so():
    e = [
        entry("x", 90),
        entry("a", 80, 25, 40, 15, 4),
        entry("b", 80, 25, 40, 15, 4),
        entry("z", 70),
    ]
    ranked = rank(e)
    assert [(r.rank, r.entry.key, r.tied) for r in ranked] == [
        (1, "x", False),
        (2, "a", True),
        (2, "b", True),
        (4, "z", False),
    ]


def test_median_of_assessors():
    assert median_points([3, 5]) == D(4)
    assert median_points([3, 4, 5]) == D(4)
    assert median_points([4, 5]) == D("4.5")
    assert median_points([]) is None
