"""The State Council's holiday tables as carried by the ``chinesecalendar`` package.

The package raises ``NotImplementedError`` outside the years it carries, so this module
reads its tables directly and states the range explicitly: a year is *known* when the
package has its holiday entries. The newest year is found from the installed data, not
assumed, because each release adds the year the State Council announced in November.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import chinese_calendar

# The package's English holiday names, as the Chinese names staff read (with 节 where usual).
HOLIDAY_NAMES: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def holiday_name(english: str) -> str:
    """The Chinese name of a package holiday; the package's own Chinese name if unmapped."""
    if english in HOLIDAY_NAMES:
        return HOLIDAY_NAMES[english]
    for holiday in chinese_calendar.Holiday:
        if holiday.value == english:
            return str(holiday.chinese)
    return english


@dataclass(frozen=True)
class OfficialTables:
    """Days off and make-up working days (date → Chinese holiday name), and the years carried."""

    first_year: int
    last_year: int
    days_off: dict[dt.date, str]
    workdays: dict[dt.date, str]

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@cache
def official_tables() -> OfficialTables:
    """The installed package's tables (read once)."""
    off: dict[dt.date, str] = {
        day: holiday_name(str(name)) for day, name in chinese_calendar.holidays.items()
    }
    work: dict[dt.date, str] = {
        day: holiday_name(str(name)) for day, name in chinese_calendar.workdays.items()
    }
    years = {day.year for day in off}
    return OfficialTables(min(years), max(years), off, work)


__all__ = ["HOLIDAY_NAMES", "OfficialTables", "holiday_name", "official_tables"]
