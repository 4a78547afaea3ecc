"""Statutory holidays whose dates are certain without the State Council's yearly notice.

《全国年节及纪念日放假办法》 fixes the holidays; the yearly notice only arranges them
(bridging days off, make-up working days, days in lieu of holidays falling on weekends).
For a year the notice has not reached us, we count weekends and the holidays whose
Gregorian date the 办法 itself fixes, because those are off whatever the notice says:

- 元旦 1 January; 劳动节 1 May (and 2 May from 2025); 国庆节 1–3 October.

Not counted, and why: 春节 (and 除夕 from 2025), 端午节 and 中秋节 follow the lunar calendar
and 清明节 a solar term — the project carries no lunar data, and a guessed date is worse
than a day flagged provisional; days in lieu and make-up working days are never known
before the notice. Every date computed this way is marked provisional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType


@dataclass(frozen=True)
class FixedHoliday:
    name: str
    month: int
    day: int
    first_year: int  # the first year the 办法 (as then in force) gave this day off
    last_year: int | None = None


# Versions of the 办法: 1999 (国务院令第270号, three days for 劳动节), 2007 (令第513号,
# from 2008: one day), 2024 (令第795号, from 2025: 劳动节 two days, 除夕 added).
FIXED_HOLIDAYS: tuple[FixedHoliday, ...] = (
    FixedHoliday("元旦", 1, 1, 1950),
    FixedHoliday("劳动节", 5, 1, 1950),
    FixedHoliday("劳动节", 5, 2, 2000, 2007),
    FixedHoliday("劳动节", 5, 3, 2000, 2007),
    FixedHoliday("劳动节", 5, 2, 2025),
    FixedHoliday("国庆节", 10, 1, 1950),
    FixedHoliday("国庆节", 10, 2, 1950),
    FixedHoliday("国庆节", 10, 3, 1999),
)


@cache
def fixed_holidays(year: int) -> Mapping[dt.date, str]:
    """The certain statutory days off of ``year`` (date → name)."""
    return MappingProxyType(
        {
            dt.date(year, h.month, h.day): h.name
            for h in FIXED_HOLIDAYS
            if h.first_year <= year and (h.last_year is None or year <= h.last_year)
        }
    )


__all__ = ["FIXED_HOLIDAYS", "FixedHoliday", "fixed_holidays"]
