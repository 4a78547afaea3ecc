"""The working-day calendar: package data, 调休, provisional years, loaded notices.

Dates from 国办发明电〔2024〕12号 (2025) and 国办发明电〔2023〕7号 (2024).
"""

import datetime as dt

import pytest

from gongkai.calendar import (
    CalendarRangeError,
    DayKind,
    HolidayNotice,
    NoticeDay,
    WorkCalendar,
    add_workdays,
    default_calendar,
    fixed_holidays,
    is_workday,
    workdays_between,
)

D = dt.date.fromisoformat

# date, working?, kind — each from the notices
DAY_TABLE = [
    ("2025-01-26", True, DayKind.MAKEUP),  # 春节调休上班（星期日）
    ("2025-02-08", True, DayKind.MAKEUP),  # 春节调休上班（星期六）
    ("2025-01-28", False, DayKind.HOLIDAY),  # 除夕，放假
    ("2025-02-04", False, DayKind.HOLIDAY),  # last day of 春节
    ("2025-02-05", True, DayKind.WEEKDAY),
    ("2025-09-28", True, DayKind.MAKEUP),  # 国庆节调休上班（星期日）
    ("2025-10-06", False, DayKind.HOLIDAY),  # 中秋节
    ("2025-10-11", True, DayKind.MAKEUP),  # 国庆节调休上班（星期六）
    ("2025-10-12", False, DayKind.WEEKEND),
    ("2024-02-09", True, DayKind.WEEKDAY),  # 除夕 2024 was a working day
    ("2024-02-18", True, DayKind.MAKEUP),
]


@pytest.mark.parametrize(("day", "working", "kind"), DAY_TABLE)
def test_official_days(day, working, kind):
    info = default_calendar().day(D(day))
    assert info.working is working and info.kind is kind and not info.provisional
    assert is_workday(D(day)) is working


def test_holiday_names_in_chinese():
    calendar = default_calendar()
    assert calendar.day(D("2025-10-06")).name == "中秋节"
    assert calendar.day(D("2025-10-01")).name == "国庆节"
    assert calendar.day(D("2025-01-26")).name == "春节"


def test_add_workdays_and_between_agree():
    start = D("2025-09-26")
    # 9/28 (1), 9/29 (2), 9/30 (3), 10/9 (4), 10/10 (5), 10/11 (6)
    assert add_workdays(start, 6) == D("2025-10-11")
    assert workdays_between(start, D("2025-10-11")) == 6
    assert workdays_between(D("2025-10-11"), start) == -6
    assert add_workdays(start, 0) == start
    # before 10/11: 10/10 (1), 10/9 (2), 9/30 (3), 9/29 (4), 9/28 (5), 9/26 (6)
    assert add_workdays(D("2025-10-11"), -5) == D("2025-09-28")
    assert add_workdays(D("2025-10-11"), -6) == start


def test_provisional_year_uses_weekends_and_fixed_holidays():
    calendar = default_calendar()
    assert calendar.is_provisional(D("2027-05-03"))
    # 2027-05-03 is a Monday, not fixed: a working day (provisionally)
    assert calendar.is_workday(D("2027-05-03"))
    # 5/1 and 5/2 are fixed by the 2024 办法; in 2027 they are a Saturday and Sunday
    assert fixed_holidays(2027)[D("2027-05-02")] == "劳动节"
    assert not calendar.is_workday(D("2027-10-01"))  # 国庆节, a Friday
    assert not calendar.is_workday(D("2027-01-01"))  # 元旦, a Friday
    info = calendar.day(D("2027-10-01"))
    assert info.provisional and info.kind is DayKind.HOLIDAY


def test_fixed_holidays_follow_the_version_of_the_rules():
    assert D("2024-05-02") not in fixed_holidays(2024)  # one day until 2024
    assert D("2025-05-02") in fixed_holidays(2025)
    assert D("2005-05-03") in fixed_holidays(2005)  # 1999 rules: three days


def test_loading_a_notice_makes_the_year_final_and_overrides_days():
    notice = HolidayNotice(
        year=2027,
        document_number="测试用虚构通知",  # fictitious test data
        loaded_at=dt.datetime(2026, 11, 1),
        days=(NoticeDay(D("2027-02-06"), False, "春节"), NoticeDay(D("2027-02-20"), True, "春节")),
    )
    calendar = WorkCalendar().with_notices(notice)
    assert calendar.is_final(2027)
    assert not calendar.is_workday(D("2027-02-06"))
    assert calendar.is_workday(D("2027-02-20"))  # a Saturday declared a working day
    assert calendar.day(D("2027-02-20")).kind is DayKind.MAKEUP
    assert calendar.day(D("2027-02-20")).source == "测试用虚构通知"
    # with the notice, the fixed-date guess no longer applies: the notice is complete
    assert calendar.is_workday(D("2027-10-01"))
    assert default_calendar().is_provisional(D("2027-02-06"))  # the default is unchanged


def test_a_later_notice_wins_on_the_same_date():
    first = HolidayNotice(
        2027, "甲", dt.datetime(2026, 11, 1), (NoticeDay(D("2027-03-01"), False, "x"),)
    )
    second = HolidayNotice(
        2027, "乙", dt.datetime(2026, 11, 2), (NoticeDay(D("2027-03-01"), True, "x"),)
    )
    assert WorkCalendar().with_notices(second, first).is_workday(D("2027-03-01"))


def test_coverage_warning():
    calendar = default_calendar()
    assert calendar.coverage_warning(D("2026-09-30")) is None
    assert "2027" in (calendar.coverage_warning(D("2026-10-01")) or "")
    assert "2027" in (calendar.coverage_warning(D("2027-01-05")) or "")  # this year missing
    loaded = calendar.with_notices(HolidayNotice(2027, "x", dt.datetime(2026, 11, 1), ()))
    assert loaded.coverage_warning(D("2026-12-01")) is None


def test_out_of_range_years_are_refused_not_guessed():
    with pytest.raises(CalendarRangeError):
        default_calendar().is_workday(D("2300-01-02"))


def test_counting_far_ahead_grows_the_span():
    calendar = WorkCalendar()
    # 2060-01-01 is a Thursday (元旦, fixed); 1/2 Fri (1), 1/5 Mon (2)
    assert calendar.add_workdays(D("2060-01-01"), 2) == D("2060-01-05")
    assert calendar.add_workdays(D("2025-09-26"), 6) == D("2025-10-11")
