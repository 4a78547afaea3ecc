"""Official working days (State Council, including 调休), with provisional years marked.

``chinesecalendar`` carries the State Council's tables up to the newest announced year;
an administrator loads later notices as :class:`Overrides`. Beyond both, days are counted
provisionally on weekends, the holidays of 《全国年节及纪念日放假办法》 (the lunar ones
computed) and their days in lieu (第六条), and marked provisional.
"""

from __future__ import annotations

import datetime as dt

from gongkai.calendar.labels import cn_date, cn_span, weekday
from gongkai.calendar.notices import (
    BEIJING,
    HolidayNotice,
    NoticeDay,
    NoticeError,
    Overrides,
    load_notices,
    notice_from_dict,
    notice_to_dict,
    notices_from_csv,
)
from gongkai.calendar.official import OfficialTables, official_tables
from gongkai.calendar.statutory import (
    VERSIONS,
    StatutoryDay,
    fixed_holidays,
    provisional_days_off,
    statutory_holidays,
)
from gongkai.calendar.workcalendar import (
    CalendarRangeError,
    DayInfo,
    DayKind,
    WorkCalendar,
    default_calendar,
)


def is_workday(day: dt.date, calendar: WorkCalendar | None = None) -> bool:
    """Whether ``day`` is an official working day (default calendar unless given)."""
    return (calendar or default_calendar()).is_workday(day)


def add_workdays(day: dt.date, workdays: int, calendar: WorkCalendar | None = None) -> dt.date:
    """The ``workdays``-th working day after ``day`` (``day`` itself not counted)."""
    return (calendar or default_calendar()).add_workdays(day, workdays)


def workdays_between(after: dt.date, through: dt.date, calendar: WorkCalendar | None = None) -> int:
    """Working days in ``(after, through]``."""
    return (calendar or default_calendar()).workdays_between(after, through)


__all__ = [
    "BEIJING",
    "VERSIONS",
    "CalendarRangeError",
    "DayInfo",
    "DayKind",
    "HolidayNotice",
    "NoticeDay",
    "NoticeError",
    "OfficialTables",
    "Overrides",
    "StatutoryDay",
    "WorkCalendar",
    "add_workdays",
    "cn_date",
    "cn_span",
    "default_calendar",
    "fixed_holidays",
    "is_workday",
    "load_notices",
    "notice_from_dict",
    "notice_to_dict",
    "notices_from_csv",
    "official_tables",
    "provisional_days_off",
    "statutory_holidays",
    "weekday",
    "workdays_between",
]
