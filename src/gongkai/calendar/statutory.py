"""The statutory holidays of a year whose State Council notice has not reached us.

《全国年节及纪念日放假办法》 fixes the holidays (第二条) and says that a holiday of all
citizens falling on a Saturday or Sunday is made up on a working day (第六条); the State
Council's yearly notice then arranges them (bridging days off, make-up working days
调休, where the days in lieu fall). For a year without a loaded notice the calendar
counts, provisionally:

- the 第二条 days of the version of the 办法 in force on that day (:data:`VERSIONS`):
  the Gregorian ones (元旦, 劳动节, 国庆节) and, computed with ``lunar-python``, the
  lunar ones (除夕 and 正月初一…, 端午 = 五月初五, 中秋 = 八月十五) and 清明 (the day of
  the solar term);
- for each such day that falls on a Saturday or Sunday, one day in lieu (补假, 第六条) on
  the next Monday–Friday that is not already a holiday or a day in lieu; likewise for a
  holiday that falls on another holiday's day (中秋 on 10月1日–3日, as in 2020), since
  the notices have always given both days (2020: 国庆节、中秋节 8 days, 4 of them
  statutory).

Make-up working days and bridging days off are never known before the notice, so a
provisional year has none; every date computed here is marked provisional and cites the
version and the article. Checked against the package's official tables in
``tests/calendar/test_statutory.py``: from 2008 to 2026 every notice's net weekday days off
per holiday (weekday days off less its 调休 working days; 中秋 and 国庆 together, as the
notices sometimes moved 中秋's day in lieu into the 国庆 week) equal this model's, except
the 2020 春节, extended for COVID-19 (国办发明电〔2020〕1号). Gross, a notice has more
weekday days off (bridging days, paid back by make-up working days), so a provisional due
date may still move by a few days either way once the notice is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from types import MappingProxyType
from typing import Any

RULES_TITLE = "《全国年节及纪念日放假办法》"
HOLIDAYS_ARTICLE = "第二条"  # 全体公民放假的节日
IN_LIEU_ARTICLE = "第六条"  # 适逢周六、周日，应当在工作日补假


# How a provisional year is counted, and what the notice may still change (for the
# explanations: the coverage warning, the timeline).
PROVISIONAL_RULE = (
    "周末和《全国年节及纪念日放假办法》第二条规定的节日计算（春节、清明节、端午节、中秋节"
    "按农历和节气推算），适逢周六、周日的节日按第六条暂在其后的第一个工作日补假"
)
PROVISIONAL_CAVEAT = (
    "国务院当年的通知还可能安排调休（周末调休上班、与周末连休），载入通知后期限可能前后变动几天"
)


class DateRule(StrEnum):
    GREGORIAN = "gregorian"  # month and day of the Gregorian calendar
    LUNAR = "lunar"  # month and day of the lunar calendar (农历, never the leap month)
    LUNAR_NEW_YEARS_EVE = "new_years_eve"  # 除夕: the day before 正月初一
    QINGMING = "qingming"  # the day of the solar term 清明


@dataclass(frozen=True)
class HolidayDay:
    """One day off of 第二条, as the 办法 states it."""

    name: str  # 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节
    rule: DateRule
    month: int = 0
    day: int = 0


def _gregorian(name: str, *days: tuple[int, int]) -> tuple[HolidayDay, ...]:
    return tuple(HolidayDay(name, DateRule.GREGORIAN, m, d) for m, d in days)


def _lunar(name: str, *days: tuple[int, int]) -> tuple[HolidayDay, ...]:
    return tuple(HolidayDay(name, DateRule.LUNAR, m, d) for m, d in days)


_EVE = (HolidayDay("春节", DateRule.LUNAR_NEW_YEARS_EVE),)
_QINGMING = (HolidayDay("清明节", DateRule.QINGMING),)


@dataclass(frozen=True)
class RulesVersion:
    """A version of the 办法: its 第二条 days and whether 第六条 (补假) is in it."""

    title: str  # e.g. 2024年修订
    decree: str  # the act that made it, e.g. 国务院令第795号
    promulgated: dt.date
    in_force: dt.date  # the first day it governs (until the next version's)
    days: tuple[HolidayDay, ...]
    in_lieu: bool  # 第六条: a holiday on a Saturday or Sunday is made up on a working day

    @property
    def citation(self) -> str:
        return f"{RULES_TITLE}（{self.title}，{self.decree}）"


# The versions, oldest first. Texts: 政务院 1949-12-23; 《国务院关于修改〈全国年节及纪念
# 日放假办法〉的决定》 1999-09-18 (国务院令第270号), 2007-12-14 (令第513号, in force
# 2008-01-01), 2013-12-11 (令第644号, in force 2014-01-01), 2024-11-10 (令第795号, in force
# 2025-01-01). 第六条 (补假) as quoted has stood since the 1999 text; the 1949 text's days in
# lieu (then for Sundays only, in a six-day week) are not modelled.
VERSIONS: tuple[RulesVersion, ...] = (
    RulesVersion(
        "1949年",
        "政务院发布",
        dt.date(1949, 12, 23),
        dt.date(1949, 12, 23),
        # 新年1天；春节3天（夏历正月初一、初二、初三）；劳动节1天；国庆纪念日2天
        (
            *_gregorian("元旦", (1, 1)),
            *_lunar("春节", (1, 1), (1, 2), (1, 3)),
            *_gregorian("劳动节", (5, 1)),
            *_gregorian("国庆节", (10, 1), (10, 2)),
        ),
        in_lieu=False,
    ),
    RulesVersion(
        "1999年修订",
        "国务院令第270号",
        dt.date(1999, 9, 18),
        dt.date(1999, 9, 18),
        # 新年1天；春节3天（农历正月初一、初二、初三）；劳动节3天（5月1日、2日、3日）；
        # 国庆节3天（10月1日、2日、3日）
        (
            *_gregorian("元旦", (1, 1)),
            *_lunar("春节", (1, 1), (1, 2), (1, 3)),
            *_gregorian("劳动节", (5, 1), (5, 2), (5, 3)),
            *_gregorian("国庆节", (10, 1), (10, 2), (10, 3)),
        ),
        in_lieu=True,
    ),
    RulesVersion(
        "2007年修订",
        "国务院令第513号",
        dt.date(2007, 12, 14),
        dt.date(2008, 1, 1),
        # 新年1天；春节3天（农历除夕、正月初一、初二）；清明节1天（农历清明当日）；
        # 劳动节1天（5月1日）；端午节1天（农历端午当日）；中秋节1天（农历中秋当日）；
        # 国庆节3天（10月1日、2日、3日）
        (
            *_gregorian("元旦", (1, 1)),
            *_EVE,
            *_lunar("春节", (1, 1), (1, 2)),
            *_QINGMING,
            *_gregorian("劳动节", (5, 1)),
            *_lunar("端午节", (5, 5)),
            *_lunar("中秋节", (8, 15)),
            *_gregorian("国庆节", (10, 1), (10, 2), (10, 3)),
        ),
        in_lieu=True,
    ),
    RulesVersion(
        "2013年修订",
        "国务院令第644号",
        dt.date(2013, 12, 11),
        dt.date(2014, 1, 1),
        # 春节3天（农历正月初一、初二、初三）；其余同2007年修订
        (
            *_gregorian("元旦", (1, 1)),
            *_lunar("春节", (1, 1), (1, 2), (1, 3)),
            *_QINGMING,
            *_gregorian("劳动节", (5, 1)),
            *_lunar("端午节", (5, 5)),
            *_lunar("中秋节", (8, 15)),
            *_gregorian("国庆节", (10, 1), (10, 2), (10, 3)),
        ),
        in_lieu=True,
    ),
    RulesVersion(
        "2024年修订",
        "国务院令第795号",
        dt.date(2024, 11, 10),
        dt.date(2025, 1, 1),
        # 元旦1天；春节4天（农历除夕、正月初一至初三）；清明节1天；劳动节2天（5月1日、
        # 2日）；端午节1天；中秋节1天；国庆节3天（10月1日至3日）
        (
            *_gregorian("元旦", (1, 1)),
            *_EVE,
            *_lunar("春节", (1, 1), (1, 2), (1, 3)),
            *_QINGMING,
            *_gregorian("劳动节", (5, 1), (5, 2)),
            *_lunar("端午节", (5, 5)),
            *_lunar("中秋节", (8, 15)),
            *_gregorian("国庆节", (10, 1), (10, 2), (10, 3)),
        ),
        in_lieu=True,
    ),
)


def version_on(day: dt.date) -> RulesVersion | None:
    """The version of the 办法 in force on ``day`` (None before the first)."""
    found = None
    for version in VERSIONS:
        if version.in_force <= day:
            found = version
    return found


class InLieu(StrEnum):
    """Why a provisional day is a day in lieu (补假)."""

    WEEKEND = "weekend"  # the holiday fell on a Saturday or Sunday (第六条)
    OVERLAP = "overlap"  # the holiday fell on another holiday's day (each has its day, 第二条)


@dataclass(frozen=True, slots=True)
class StatutoryDay:
    """A provisional day off: a 第二条 holiday, or a day in lieu of one."""

    date: dt.date
    name: str  # the holiday, e.g. 春节 (for a day in lieu: the holiday it makes up)
    version: RulesVersion
    lieu: InLieu | None = None  # None: the holiday itself

    @property
    def in_lieu(self) -> bool:
        return self.lieu is not None

    @property
    def article(self) -> str:
        return IN_LIEU_ARTICLE if self.lieu is InLieu.WEEKEND else HOLIDAYS_ARTICLE

    @property
    def basis(self) -> str:
        """The version and the article, e.g. 《…》（2024年修订，国务院令第795号）第六条（补假日暂定）."""
        why = {
            None: "",
            InLieu.WEEKEND: "（补假日暂定）",
            InLieu.OVERLAP: "（节日重合，补假日暂定）",
        }
        return f"{self.version.citation}{self.article}{why[self.lieu]}"

    @property
    def source(self) -> str:
        """The basis as :class:`~gongkai.calendar.DayInfo` reports it."""
        return f"{self.basis}（暂定，尚未载入当年国务院通知）"


# ---- dates ---------------------------------------------------------------------------


@cache
def _lunar_python() -> Any:
    """The ``lunar_python`` module (untyped; slow to import, so only when a provisional year
    needs it)."""
    import lunar_python  # type: ignore[import-untyped]

    return lunar_python


def _solar_date(solar: Any) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _lunar_to_date(year: int, month: int, day: int) -> dt.date:
    """``month``/``day`` of lunar year ``year`` (the ordinary month, never a leap one)."""
    return _solar_date(_lunar_python().Lunar.fromYmd(year, month, day).getSolar())


@cache
def _lunar_dates(year: int) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """正月初一, 五月初五, 八月十五 and 清明 of ``year``: four calls to lunar-python a year."""
    solar = _lunar_python().Solar.fromYmd(year, 4, 5)  # 清明 is 4月4日–6日
    return (
        _lunar_to_date(year, 1, 1),
        _lunar_to_date(year, 5, 5),
        _lunar_to_date(year, 8, 15),
        _solar_date(solar.getLunar().getJieQiTable()["清明"]),
    )


def holiday_date(year: int, holiday: HolidayDay) -> dt.date:
    """The date of one 第二条 day in ``year`` (除夕 is always in the same Gregorian year)."""
    if holiday.rule is DateRule.GREGORIAN:
        return dt.date(year, holiday.month, holiday.day)
    new_year, dragon_boat, mid_autumn, qingming = _lunar_dates(year)
    if holiday.rule is DateRule.LUNAR_NEW_YEARS_EVE:
        # the day before 正月初一: 腊月 may have 29 days, so never 腊月三十
        return new_year - dt.timedelta(days=1)
    if holiday.rule is DateRule.QINGMING:
        return qingming
    if holiday.month == 1 and holiday.day <= 29:
        return new_year + dt.timedelta(days=holiday.day - 1)  # 正月 has 29 or 30 days
    known = {(5, 5): dragon_boat, (8, 15): mid_autumn}
    return known.get((holiday.month, holiday.day)) or _lunar_to_date(
        year, holiday.month, holiday.day
    )


# ---- a year --------------------------------------------------------------------------


@cache
def _holidays_in(year: int) -> tuple[tuple[dt.date, HolidayDay, RulesVersion], ...]:
    """Every 第二条 day of ``year`` under the version in force on it, in date order; a date
    twice when two holidays fall on it (the Gregorian one first)."""
    found: list[tuple[dt.date, HolidayDay, RulesVersion]] = []
    for i, version in enumerate(VERSIONS):
        until = VERSIONS[i + 1].in_force if i + 1 < len(VERSIONS) else None
        if version.in_force.year > year or (until is not None and until.year < year):
            continue
        for holiday in version.days:
            day = holiday_date(year, holiday)
            if version.in_force <= day and (until is None or day < until):
                found.append((day, holiday, version))
    found.sort(key=lambda h: (h[0], h[1].rule is not DateRule.GREGORIAN))
    return tuple(found)


@cache
def statutory_holidays(year: int) -> Mapping[dt.date, StatutoryDay]:
    """The 第二条 days off of ``year`` (date → day; the first holiday where two coincide)."""
    days: dict[dt.date, StatutoryDay] = {}
    for day, holiday, version in _holidays_in(year):
        if day not in days:
            days[day] = StatutoryDay(day, holiday.name, version)
    return MappingProxyType(days)


@cache
def provisional_days_off(year: int) -> Mapping[dt.date, StatutoryDay]:
    """The provisional days off of ``year``: the 第二条 days and their days in lieu.

    A holiday on a Saturday or Sunday (第六条), or on a day another holiday already takes,
    gives one day in lieu on the next Monday–Friday that is neither a holiday nor already a
    day in lieu. A day in lieu may fall in the next year (never in practice: 31 December is
    no holiday and the next one after a weekend 1 January is 3 January at the latest).
    """
    days: dict[dt.date, StatutoryDay] = dict(statutory_holidays(year))
    taken: set[dt.date] = set()
    for day, holiday, version in _holidays_in(year):
        coincides = day in taken
        taken.add(day)
        if not version.in_lieu or not (day.weekday() >= 5 or coincides):
            continue
        lieu = day + dt.timedelta(days=1)
        while lieu.weekday() >= 5 or lieu in days:
            lieu += dt.timedelta(days=1)
        why = InLieu.WEEKEND if day.weekday() >= 5 else InLieu.OVERLAP
        days[lieu] = StatutoryDay(lieu, holiday.name, version, why)
    return MappingProxyType(dict(sorted(days.items())))


@cache
def fixed_holidays(year: int) -> Mapping[dt.date, str]:
    """The 第二条 days of ``year`` whose Gregorian date the 办法 fixes (元旦, 劳动节, 国庆节)."""
    return MappingProxyType(
        {day: h.name for day, h, _v in _holidays_in(year) if h.rule is DateRule.GREGORIAN}
    )


__all__ = [
    "HOLIDAYS_ARTICLE",
    "IN_LIEU_ARTICLE",
    "PROVISIONAL_CAVEAT",
    "PROVISIONAL_RULE",
    "RULES_TITLE",
    "VERSIONS",
    "DateRule",
    "HolidayDay",
    "InLieu",
    "RulesVersion",
    "StatutoryDay",
    "fixed_holidays",
    "holiday_date",
    "provisional_days_off",
    "statutory_holidays",
    "version_on",
]
