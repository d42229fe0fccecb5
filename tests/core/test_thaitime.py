import datetime

import pytest

from cdfmc import thaitime
from cdfmc.thaitime import (
    BEDateError,
    be_year,
    current_fiscal_year,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_end,
    fiscal_year_start,
    format_be_date,
    format_be_date_input,
    format_be_date_long,
    format_be_date_print,
    parse_be_date,
    quarter_range,
    to_arabic_digits,
    to_thai_digits,
)

D = datetime.date


class TestDigits:
    def test_it_writes_thai_digits(self):
        assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"

    def test_it_converts_non_strings(self):
        assert to_thai_digits(2568) == "๒๕๖๘"
        assert to_thai_digits(12.5) == "๑๒.๕"

    def test_it_leaves_other_characters(self):
        assert to_thai_digits("หมู่ที่ 3, บ้าน A") == "หมู่ที่ ๓, บ้าน A"

    def test_it_reads_thai_digits(self):
        assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
        assert to_arabic_digits("เลขที่ ๑๒/๓ ม.4") == "เลขที่ 12/3 ม.4"

    @pytest.mark.parametrize("text", ["0", "1234567890", "๑๓/๐๘/๒๕๖๘", "ม.ค. 1,234.50"])
    def test_round_trip(self, text):
        assert to_thai_digits(to_arabic_digits(text)) == to_thai_digits(text)
        assert to_arabic_digits(to_thai_digits(text)) == to_arabic_digits(text)


class TestMonths:
    def test_twelve_names_each(self):
        assert len(thaitime.THAI_MONTHS) == 12
        assert len(thaitime.THAI_MONTHS_ABBR) == 12
        assert thaitime.THAI_MONTHS[0] == "มกราคม"
        assert thaitime.THAI_MONTHS[11] == "ธันวาคม"
        assert thaitime.THAI_MONTHS_ABBR[7] == "ส.ค."


class TestParse:
    @pytest.mark.parametrize(
        "text",
        [
            "13/08/2568",
            "13-08-2568",
            "13.08.2568",
            "13/8/2568",
            "  13/08/2568  ",
            "๑๓/๐๘/๒๕๖๘",
            "๑๓/๘/๒๕๖๘",
            "13082568",
        ],
    )
    def test_it_reads_be_dates(self, text):
        assert parse_be_date(text) == D(2025, 8, 13)

    def test_single_digit_day_and_month(self):
        assert parse_be_date("1/8/2568") == D(2025, 8, 1)

    def test_leap_day_of_a_leap_year(self):
        # BE 2567 = CE 2024, a leap year.
        assert parse_be_date("29/02/2567") == D(2024, 2, 29)

    def test_it_rejects_leap_day_of_a_common_year(self):
        with pytest.raises(BEDateError) as exc:
            parse_be_date("29/02/2568")
        assert exc.value.code == "invalid_date"

    def test_it_rejects_a_ce_year_with_a_hint(self):
        with pytest.raises(ValueError, match="2568") as exc:
            parse_be_date("13/08/2025")
        assert exc.value.code == "invalid_year"
        assert exc.value.params == {"year": 2025}

    @pytest.mark.parametrize("text", ["13/08/2399", "13/08/2701", "01/01/0001"])
    def test_it_rejects_years_outside_the_be_range(self, text):
        with pytest.raises(BEDateError) as exc:
            parse_be_date(text)
        assert exc.value.code == "invalid_year"

    @pytest.mark.parametrize("text", ["01/01/2400", "31/12/2700"])
    def test_it_accepts_the_range_ends(self, text):
        parse_be_date(text)

    @pytest.mark.parametrize("text", ["32/01/2568", "13/13/2568", "00/01/2568", "31/04/2568"])
    def test_it_rejects_days_not_in_the_calendar(self, text):
        with pytest.raises(BEDateError) as exc:
            parse_be_date(text)
        assert exc.value.code == "invalid_date"

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "   ",
            None,
            "abc",
            "13/ส.ค./2568",
            "13 สิงหาคม 2568",
            "13/08/68",
            "2568-08-13",
            "13/08-2568",
            "13//08/2568",
            "1382568",
            "13/08/2568x",
            "١٣/٠٨/٢٥٦٨",  # Arabic-Indic digits are not Thai digits
        ],
    )
    def test_it_rejects_malformed_text(self, text):
        with pytest.raises(ValueError) as exc:
            parse_be_date(text)
        assert exc.value.code == "invalid"

    def test_messages_are_thai(self):
        with pytest.raises(ValueError, match="วันที่"):
            parse_be_date("x")


class TestFormat:
    def test_be_year(self):
        assert be_year(D(2025, 8, 13)) == 2568
        assert be_year(datetime.datetime(2025, 1, 1, 0, 0, tzinfo=datetime.UTC)) == 2568

    def test_screen_style(self):
        assert format_be_date(D(2025, 8, 13)) == "13 ส.ค. 2568"
        assert format_be_date(D(2026, 1, 1)) == "1 ม.ค. 2569"

    def test_long_style(self):
        assert format_be_date_long(D(2025, 8, 13)) == "13 สิงหาคม 2568"
        assert format_be_date_long(D(2024, 12, 5)) == "5 ธันวาคม 2567"

    def test_print_style_uses_thai_digits(self):
        assert format_be_date_print(D(2025, 8, 13)) == "๑๓ สิงหาคม ๒๕๖๘"

    def test_input_style(self):
        assert format_be_date_input(D(2025, 8, 1)) == "01/08/2568"

    @pytest.mark.parametrize(
        "fn", [format_be_date, format_be_date_long, format_be_date_print, format_be_date_input]
    )
    def test_none_is_empty(self, fn):
        assert fn(None) == ""

    @pytest.mark.parametrize("d", [D(2024, 2, 29), D(2025, 9, 30), D(2025, 10, 1), D(1900, 1, 1)])
    def test_input_style_round_trips(self, d):
        assert parse_be_date(format_be_date_input(d)) == d
        assert parse_be_date(to_thai_digits(format_be_date_input(d))) == d


class TestFiscalYear:
    @pytest.mark.parametrize(
        ("d", "fy"),
        [
            (D(2025, 9, 30), 2568),
            (D(2025, 10, 1), 2569),
            (D(2025, 12, 31), 2569),
            (D(2026, 1, 1), 2569),
            (D(2026, 9, 30), 2569),
            (D(2026, 10, 1), 2570),
            (D(2024, 2, 29), 2567),
        ],
    )
    def test_fiscal_year(self, d, fy):
        assert fiscal_year(d) == fy

    def test_fy2569_bounds(self):
        assert fiscal_year_start(2569) == D(2025, 10, 1)
        assert fiscal_year_end(2569) == D(2026, 9, 30)

    @pytest.mark.parametrize("fy", [2560, 2567, 2568, 2569, 2600])
    def test_bounds_belong_to_their_year(self, fy):
        start, end = fiscal_year_start(fy), fiscal_year_end(fy)
        assert fiscal_year(start) == fy
        assert fiscal_year(end) == fy
        assert fiscal_year(start - datetime.timedelta(days=1)) == fy - 1
        assert fiscal_year(end + datetime.timedelta(days=1)) == fy + 1

    @pytest.mark.parametrize(
        ("d", "q"),
        [
            (D(2025, 10, 1), 1),
            (D(2025, 12, 31), 1),
            (D(2026, 1, 1), 2),
            (D(2026, 3, 31), 2),
            (D(2026, 4, 1), 3),
            (D(2026, 6, 30), 3),
            (D(2026, 7, 1), 4),
            (D(2026, 9, 30), 4),
        ],
    )
    def test_fiscal_quarter(self, d, q):
        assert fiscal_quarter(d) == q

    def test_quarter_ranges_of_fy2569(self):
        assert quarter_range(2569, 1) == (D(2025, 10, 1), D(2025, 12, 31))
        assert quarter_range(2569, 2) == (D(2026, 1, 1), D(2026, 3, 31))
        assert quarter_range(2569, 3) == (D(2026, 4, 1), D(2026, 6, 30))
        assert quarter_range(2569, 4) == (D(2026, 7, 1), D(2026, 9, 30))

    @pytest.mark.parametrize("fy", [2567, 2568])
    def test_quarters_tile_the_year(self, fy):
        ranges = [quarter_range(fy, q) for q in (1, 2, 3, 4)]
        assert ranges[0][0] == fiscal_year_start(fy)
        assert ranges[-1][1] == fiscal_year_end(fy)
        for (_, end), (next_start, _) in zip(ranges, ranges[1:], strict=False):
            assert next_start - end == datetime.timedelta(days=1)
        for q, (first, last) in enumerate(ranges, start=1):
            assert fiscal_quarter(first) == fiscal_quarter(last) == q
            assert fiscal_year(first) == fiscal_year(last) == fy

    @pytest.mark.parametrize("q", [0, 5, -1])
    def test_it_rejects_other_quarters(self, q):
        with pytest.raises(ValueError):
            quarter_range(2569, q)

    def test_current_fiscal_year_of_a_given_day(self):
        assert current_fiscal_year(D(2025, 10, 1)) == 2569
        assert current_fiscal_year(today=D(2025, 9, 30)) == 2568

    def test_current_fiscal_year_defaults_to_today_in_thailand(self):
        today = datetime.datetime.now(thaitime.THAILAND_TZ).date()
        assert current_fiscal_year() == fiscal_year(today)
