from decimal import Decimal

from cdfmc.templatetags.thai import is_number, report_cell


def test_amounts_and_counts_read_with_thousands_separators():
    assert report_cell(Decimal("2033000")) == "2,033,000.00"
    assert report_cell(12500) == "12,500"
    assert report_cell(65.6) == 65.6
    assert report_cell("ศจก.ต้นแบบ ปี ๒๕๖๑") == "ศจก.ต้นแบบ ปี ๒๕๖๑"
    assert report_cell(None) == ""


def test_only_numbers_are_right_aligned():
    assert is_number(3) and is_number(Decimal("1.5")) and is_number(2.5)
    assert not is_number("๑") and not is_number(True) and not is_number(None)
