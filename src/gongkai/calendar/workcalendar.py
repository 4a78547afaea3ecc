"""Official working days: the ``chinesecalendar`` tables, loaded notices, and provisional years.

A :class:`WorkCalendar` is a value: built from the package's tables and an
:class:`~gongkai.calendar.notices.Overrides` table, it answers every question with pure
lookups. Internally it keeps, for a span of years, every working day in order and a
running count per day, so ``add_workdays`` and ``workdays_between`` are two list lookups
(the clock computes a million due dates in a few seconds). The span grows on demand; that
cache is invisible from outside.

A year with neither the package's table nor a loaded notice is *provisional*: weekends,
the holidays of 《全国年节及纪念日放假办法》 and their days in lieu (第六条), as
:mod:`gongkai.calendar.statutory` computes them. A loaded notice replaces all of that.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from gongkai.calendar.notices import HolidayNotice, NoticeDay, Overrides
from gongkai.calendar.official import OfficialTables, official_tables
from gongkai.calendar.statutory import (
    PROVISIONAL_CAVEAT,
    PROVISIONAL_RULE,
    provisional_days_off,
)

FIRST_YEAR = 1949  # dates outside these years are refused, not guessed
LAST_YEAR = 2199
_MARGIN_YEARS = 5  # build a few years past the newest known one at once


class CalendarRangeError(ValueError):
    """A date outside the years the calendar can compute."""


class DayKind(StrEnum):
    WEEKDAY = "weekday"  # an ordinary Monday–Friday working day
    WEEKEND = "weekend"  # an ordinary Saturday or Sunday
    HOLIDAY = "holiday"  # a day off of a holiday (including bridging weekend days)
    MAKEUP = "makeup"  # a weekend day declared a working day (调休上班)


@dataclass(frozen=True, slots=True)
class DayInfo:
    date: dt.date
    kind: DayKind
    name: str | None  # the holiday a HOLIDAY or MAKEUP day belongs to
    provisional: bool  # the year's notice is not loaded: weekends and the 办法's holidays only
    source: str  # where the answer comes from (package, notice number, or the 办法 and article)
    in_lieu: bool = False  # a provisional day in lieu (补假) of a holiday on a weekend (第六条)

    @property
    def working(self) -> bool:
        return self.kind in (DayKind.WEEKDAY, DayKind.MAKEUP)


PACKAGE_SOURCE = "chinesecalendar"
STATUTORY_SOURCE = "《全国年节及纪念日放假办法》（暂定，尚未载入当年国务院通知）"


@dataclass(frozen=True, slots=True)
class _Index:
    base: int  # ordinal of 1 January of the first year
    first_year: int
    last_year: int
    working: bytes  # per day from base: 1 = working day
    count: list[int]  # per day: working days from base up to and including that day
    workday_dates: list[dt.date]  # every working day in order (counting creates no objects)


class WorkCalendar:
    """Working days per the State Council, with provisional years marked."""

    def __init__(
        self, overrides: Overrides | None = None, *, official: OfficialTables | None = None
    ) -> None:
        self.overrides = overrides or Overrides()
        self.official = official or official_tables()
        self._notice_days: dict[dt.date, tuple[NoticeDay, str]] = _notice_days(self.overrides)
        self._final_years = (
            frozenset(range(self.official.first_year, self.official.last_year + 1))
            | self.overrides.years
        )
        # the unbroken run of final years from the package's first: answers most
        # "provisional?" questions with two comparisons (the clock asks it for every case)
        self.final_run = (self.official.first_year, self.last_final_year)
        self._lock = threading.Lock()
        self._coverage: dict[dt.date, tuple[int | None, str | None]] = {}  # per as-of day
        top = min(LAST_YEAR, max(self._final_years) + _MARGIN_YEARS)
        self._index = self._build(min(2000, self.official.first_year), top)

    # ---- what is known ----------------------------------------------------------------

    @property
    def last_final_year(self) -> int:
        """The last year of the unbroken run of final years from the package's first."""
        year = self.official.first_year
        while year + 1 in self._final_years:
            year += 1
        return year

    def is_final(self, year: int) -> bool:
        return year in self._final_years

    def is_provisional(self, day: dt.date) -> bool:
        return day.year not in self._final_years

    def provisional_years(self, first: dt.date, last: dt.date) -> tuple[int, ...]:
        """The provisional years from ``first`` to ``last`` (either order), in order."""
        low, high = first.year, last.year
        if low > high:
            low, high = high, low
        if self.final_run[0] <= low and high <= self.final_run[1]:
            return ()  # the common case, two comparisons (the clock asks for every case)
        return tuple(y for y in range(low, high + 1) if y not in self._final_years)

    def provisional_between(self, first: dt.date, last: dt.date) -> bool:
        """Whether any day from ``first`` to ``last`` (either order) is provisional."""
        return bool(self.provisional_years(first, last))

    def with_notices(self, *notices: HolidayNotice) -> WorkCalendar:
        """A new calendar with more notices loaded (the calendar itself never changes)."""
        return WorkCalendar(self.overrides.plus(*notices), official=self.official)

    def coverage_warning(self, today: dt.date) -> str | None:
        """From October on, warn when next year's notice is missing (and always for this year)."""
        return self.coverage(today)[1]

    def coverage(self, today: dt.date) -> tuple[int | None, str | None]:
        """The missing year as of ``today`` and the warning about it (cached per day)."""
        try:
            return self._coverage[today]
        except KeyError:
            if len(self._coverage) > 1024:  # a cache of a few as-of days, not a history
                self._coverage.clear()
            year = self.missing_year(today)
            found = self._coverage[today] = (year, self._coverage_warning(today, year))
            return found

    def missing_year(self, today: dt.date) -> int | None:
        """The year whose notice should be loaded by ``today`` and is not: this year, or from
        October (the State Council announces in the autumn) next year."""
        if not self.is_final(today.year):
            return today.year
        if today.month >= 10 and not self.is_final(today.year + 1):
            return today.year + 1
        return None

    def _coverage_warning(self, today: dt.date, year: int | None) -> str | None:
        if year is None:
            return None
        if year == today.year:
            return (
                f"尚未载入 {year} 年的国务院节假日安排通知：{year} 年的工作日暂按"
                f"{PROVISIONAL_RULE}；{PROVISIONAL_CAVEAT}，结果为暂定。"
            )
        return (
            f"尚未载入 {year} 年的国务院节假日安排通知：跨入 {year} 年的期限暂按"
            f"{PROVISIONAL_RULE}；{PROVISIONAL_CAVEAT}，结果为暂定；通知发布后请及时载入。"
        )

    # ---- one day ------------------------------------------------------------------------

    def day(self, day: dt.date) -> DayInfo:
        """Everything the calendar knows about one day, with its source."""
        _check_year(day.year)
        weekend = day.weekday() >= 5
        plain = DayKind.WEEKEND if weekend else DayKind.WEEKDAY
        noticed = self._notice_days.get(day)
        if noticed is not None:
            entry, number = noticed
            return DayInfo(day, _kind(entry.working, weekend), entry.name, False, number)
        if self.official.covers(day.year):
            if day in self.official.workdays:
                return DayInfo(
                    day, _kind(True, weekend), self.official.workdays[day], False, PACKAGE_SOURCE
                )
            if day in self.official.days_off:
                return DayInfo(
                    day, DayKind.HOLIDAY, self.official.days_off[day], False, PACKAGE_SOURCE
                )
            return DayInfo(day, plain, None, False, PACKAGE_SOURCE)
        notice = self.overrides.notice_for(day.year)
        if notice is not None:
            return DayInfo(day, plain, None, False, notice.document_number)
        statutory = provisional_days_off(day.year).get(day)
        if statutory is not None:
            return DayInfo(
                day, DayKind.HOLIDAY, statutory.name, True, statutory.source, statutory.in_lieu
            )
        return DayInfo(day, plain, None, True, STATUTORY_SOURCE)

    def special_days(self, after: dt.date, through: dt.date) -> list[DayInfo]:
        """Holiday days off and make-up working days in ``(after, through]``."""
        found = []
        day = after + dt.timedelta(days=1)
        while day <= through:
            info = self.day(day)
            if info.kind in (DayKind.HOLIDAY, DayKind.MAKEUP):
                found.append(info)
            day += dt.timedelta(days=1)
        return found

    # ---- counting -------------------------------------------------------------------------

    def is_workday(self, day: dt.date) -> bool:
        index = self._covering(day.toordinal())
        return bool(index.working[day.toordinal() - index.base])

    def add_workdays(self, day: dt.date, workdays: int) -> dt.date:
        """The ``workdays``-th working day after ``day`` (before it when negative; 0: ``day``).

        ``day`` itself never counts: counting starts with the next working day.
        """
        if workdays == 0:
            return day
        ordinal = day.toordinal()
        index = self._index
        offset = ordinal - index.base
        if not 0 <= offset < len(index.count):
            index = self._covering(ordinal)
            offset = ordinal - index.base
        if workdays > 0:
            position = index.count[offset] + workdays - 1
        else:
            position = index.count[offset] - index.working[offset] + workdays
        while position >= len(index.workday_dates) or position < 0:
            index = self._grow(index, forward=position >= 0)
            offset = ordinal - index.base
            if workdays > 0:
                position = index.count[offset] + workdays - 1
            else:
                position = index.count[offset] - index.working[offset] + workdays
        return index.workday_dates[position]

    def workdays_between(self, after: dt.date, through: dt.date) -> int:
        """Working days in ``(after, through]``; negative when ``through`` is earlier."""
        a, b = after.toordinal(), through.toordinal()
        index = self._covering(a)
        if not index.base <= b < index.base + len(index.count):
            index = self._covering(b)
        return index.count[b - index.base] - index.count[a - index.base]

    # ---- the index ------------------------------------------------------------------------

    def _covering(self, ordinal: int) -> _Index:
        index = self._index
        if index.base <= ordinal < index.base + len(index.count):
            return index
        year = dt.date.fromordinal(max(1, ordinal)).year
        _check_year(year)
        with self._lock:
            index = self._index
            first = min(index.first_year, year - 1)
            last = max(index.last_year, year + _MARGIN_YEARS)
            if (first, last) != (index.first_year, index.last_year):
                index = self._index = self._build(max(FIRST_YEAR, first), min(LAST_YEAR, last))
        return index

    def _grow(self, index: _Index, *, forward: bool) -> _Index:
        if (forward and index.last_year >= LAST_YEAR) or (
            not forward and index.first_year <= FIRST_YEAR
        ):
            raise CalendarRangeError(f"超出工作日历可计算的范围（{FIRST_YEAR}—{LAST_YEAR} 年）")
        year = index.last_year + 1 if forward else index.first_year - 1
        edge = dt.date(year, 1, 1) if forward else dt.date(year, 12, 31)
        return self._covering(edge.toordinal())

    def _build(self, first_year: int, last_year: int) -> _Index:
        base = dt.date(first_year, 1, 1).toordinal()
        end = dt.date(last_year, 12, 31).toordinal()
        working = bytearray(end - base + 1)
        special = self._special_working()
        for year in range(first_year, last_year + 1):
            if not self.is_final(year):  # a few lunar-python calls per year, cached
                for day in provisional_days_off(year):
                    special.setdefault(day.toordinal(), False)  # a listed notice date wins
        weekday = dt.date(first_year, 1, 1).weekday()
        for offset in range(len(working)):
            flag = special.get(base + offset)
            working[offset] = (weekday + offset) % 7 < 5 if flag is None else flag
        count: list[int] = []
        dates: list[dt.date] = []
        running = 0
        for offset, value in enumerate(working):
            if value:
                running += 1
                dates.append(dt.date.fromordinal(base + offset))
            count.append(running)
        return _Index(base, first_year, last_year, bytes(working), count, dates)

    def _special_working(self) -> dict[int, bool]:
        """Days whose working status differs from plain weekday/weekend, by ordinal."""
        special: dict[int, bool] = {}
        for day in self.official.days_off:
            special[day.toordinal()] = False
        for day in self.official.workdays:
            special[day.toordinal()] = True
        for day, (entry, _number) in self._notice_days.items():
            special[day.toordinal()] = entry.working
        return special


def _notice_days(overrides: Overrides) -> dict[dt.date, tuple[NoticeDay, str]]:
    """Each listed date with its entry and notice number; the later-loaded notice wins."""
    found: dict[dt.date, tuple[NoticeDay, str]] = {}
    for notice in sorted(overrides.notices, key=lambda n: n.loaded_at.timestamp()):
        for entry in notice.days:
            found[entry.date] = (entry, notice.document_number)
    return found


def _kind(working: bool, weekend: bool) -> DayKind:
    if working:
        return DayKind.MAKEUP if weekend else DayKind.WEEKDAY
    return DayKind.HOLIDAY


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarRangeError(
            f"{year} 年超出工作日历可计算的范围（{FIRST_YEAR}—{LAST_YEAR} 年）"
        )


@cache
def default_calendar() -> WorkCalendar:
    """The calendar of the installed package with no notices loaded (shared, read-only)."""
    return WorkCalendar()


__all__ = [
    "PACKAGE_SOURCE",
    "STATUTORY_SOURCE",
    "CalendarRangeError",
    "DayInfo",
    "DayKind",
    "WorkCalendar",
    "default_calendar",
]
