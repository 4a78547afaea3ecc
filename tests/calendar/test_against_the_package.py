"""Property: inside the package's years, counting agrees with a day-by-day walk using
``chinese_calendar.is_workday`` itself (an independent oracle, not our index)."""

import datetime as dt

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.calendar import default_calendar

DAYS = st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2026, 9, 30))


def walk(start: dt.date, workdays: int) -> dt.date:
    day, counted = start, 0
    while counted < workdays:
        day += dt.timedelta(days=1)
        counted += chinese_calendar.is_workday(day)
    return day


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(min_value=1, max_value=60))
def test_add_workdays_matches_a_walk_over_the_package(start, workdays):
    calendar = default_calendar()
    due = calendar.add_workdays(start, workdays)
    assert due == walk(start, workdays)
    assert calendar.workdays_between(start, due) == workdays
    assert calendar.is_workday(due)


@settings(max_examples=300, deadline=None)
@given(DAYS)
def test_is_workday_matches_the_package(day):
    assert default_calendar().is_workday(day) is chinese_calendar.is_workday(day)
