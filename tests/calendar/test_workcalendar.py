"""The working-day calendar: package data, 调休, provisional years, loaded notices.

Dates from 国办发明电〔2024〕12号 (2025) and 国办发明电〔2023〕7号 (2024); 2027 is provisional
(the package ends with 2026): 《全国年节及纪念日放假办法》 as amended by 国务院令第795号.
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
    is_workday,
    workdays_between,
)
from gongkai.calendar.workcalendar import STATUTORY_SOURCE

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


# 2027 (provisional): date, working?, name, in lieu? — the 2024 办法 (国务院令第795号),
# lunar dates from lunar-python
PROVISIONAL_2027 = [
    ("2027-01-01", False, "元旦", False),  # Friday
    ("2027-02-04", True, None, False),
    ("2027-02-05", False, "春节", False),  # 除夕, Friday
    ("2027-02-06", False, "春节", False),  # 正月初一, Saturday
    ("2027-02-08", False, "春节", False),  # 正月初三, Monday
    ("2027-02-09", False, "春节", True),  # in lieu of 初一 (第六条)
    ("2027-02-10", False, "春节", True),  # in lieu of 初二
    ("2027-02-11", True, None, False),
    ("2027-04-05", False, "清明节", False),  # Monday
    ("2027-05-03", False, "劳动节", True),  # 5/1, 5/2 are a Saturday and Sunday
    ("2027-05-04", False, "劳动节", True),
    ("2027-05-05", True, None, False),
    ("2027-06-09", False, "端午节", False),  # Wednesday
    ("2027-09-15", False, "中秋节", False),  # Wednesday
    ("2027-10-01", False, "国庆节", False),  # Friday
    ("2027-10-04", False, "国庆节", True),  # 10/2, 10/3 are a Saturday and Sunday
    ("2027-10-05", False, "国庆节", True),
    ("2027-10-06", True, None, False),
]


@pytest.mark.parametrize(("day", "working", "name", "in_lieu"), PROVISIONAL_2027)
def test_provisional_year_counts_the_lunar_holidays_and_days_in_lieu(day, working, name, in_lieu):
    calendar = default_calendar()
    info = calendar.day(D(day))
    assert calendar.is_workday(D(day)) is working is info.working
    assert info.provisional and info.name == name and info.in_lieu is in_lieu
    if name is not None:
        assert info.kind is DayKind.HOLIDAY
        assert "《全国年节及纪念日放假办法》" in info.source and "国务院令第795号" in info.source
        assert ("第六条" if in_lieu else "第二条") in info.source
        assert "暂定" in info.source
    else:
        assert info.kind is DayKind.WEEKDAY and info.source == STATUTORY_SOURCE


def test_provisional_weekend_holidays_are_holidays():
    info = default_calendar().day(D("2027-02-06"))  # 正月初一, a Saturday
    assert info.kind is DayKind.HOLIDAY and info.name == "春节" and not info.in_lieu
    assert default_calendar().day(D("2027-02-13")).kind is DayKind.WEEKEND


def test_a_notice_replaces_the_provisional_year_completely():
    notice = HolidayNotice(
        year=2027,
        document_number="测试用虚构通知",  # fictitious test data
        loaded_at=dt.datetime(2026, 11, 1),
        days=(NoticeDay(D("2027-02-05"), False, "春节"),),
    )
    calendar = WorkCalendar().with_notices(notice)
    for day in ("2027-02-08", "2027-02-09", "2027-04-05", "2027-06-09", "2027-09-15"):
        info = calendar.day(D(day))
        assert calendar.is_workday(D(day)) and info.working and not info.provisional
        assert info.source == "测试用虚构通知" and not info.in_lieu
    assert not calendar.is_workday(D("2027-02-05"))
    assert default_calendar().day(D("2027-02-09")).in_lieu  # the default is unchanged


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
    # with the notice, the 办法's provisional days no longer apply: the notice is complete
    assert calendar.is_workday(D("2027-10-01"))
    assert calendar.is_workday(D("2027-02-08"))  # 正月初三: off provisionally, not listed
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
