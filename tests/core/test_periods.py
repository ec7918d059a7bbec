from datetime import date

import pytest

from labor_portal.core.periods import HalfYear, InvalidPeriod
from labor_portal.core.roc import roc_date


def test_first_half_is_half_open_january_to_june():
    h1 = HalfYear.parse("2020H1")
    assert (h1.start, h1.end, h1.last_day) == (date(2020, 1, 1), date(2020, 7, 1), date(2020, 6, 30))
    assert h1.contains(date(2020, 6, 30))
    assert not h1.contains(date(2020, 7, 1))


def test_second_half_ends_at_new_year():
    h2 = HalfYear.parse("2020H2")
    assert (h2.start, h2.end) == (date(2020, 7, 1), date(2021, 1, 1))
    assert h2.contains(date(2020, 12, 31))
    assert not h2.contains(date(2021, 1, 1))


def test_roc_labels():
    assert HalfYear.parse("2020H1").label_zh == "109年1月至6月"
    assert HalfYear.parse("2020H2").label_zh == "109年7月至12月"
    assert HalfYear.parse("2020h1").as_dict() == {"year": 2020, "half": 1, "label_zh": "109年1月至6月"}


def test_previous_and_same_half_of_earlier_years():
    assert HalfYear.parse("2020H1").previous() == HalfYear(2019, 2)
    assert HalfYear.parse("2020H2").previous() == HalfYear(2020, 1)
    assert HalfYear(2019, 2).next() == HalfYear(2020, 1)
    assert HalfYear(2020, 1).same_half_of_previous_years(3) == [HalfYear(2019, 1), HalfYear(2018, 1), HalfYear(2017, 1)]


def test_containing_and_recent():
    assert HalfYear.containing(date(2020, 6, 30)) == HalfYear(2020, 1)
    assert HalfYear.containing(date(2020, 7, 1)) == HalfYear(2020, 2)
    assert HalfYear.recent(2, today=date(2021, 3, 1)) == [HalfYear(2020, 2), HalfYear(2020, 1)]


@pytest.mark.parametrize("text", ["2020H3", "abc", "2020", "H1", "2020H0", "20201H1", ""])
def test_malformed_periods_give_a_clear_error(text):
    with pytest.raises(InvalidPeriod) as excinfo:
        HalfYear.parse(text)
    assert "2020H1" in str(excinfo.value)


def test_roc_dates():
    assert roc_date(date(2020, 6, 30)) == "109年6月30日"
    assert roc_date(None) == ""
