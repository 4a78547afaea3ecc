"""How a period is counted (spec §3), shared by the clock and its result."""

from __future__ import annotations

import datetime as dt

from gongkai.calendar import WorkCalendar
from gongkai.clock.settings import ClockSettings, Regime

_DAY = dt.timedelta(days=1)


def count_workdays(
    calendar: WorkCalendar, settings: ClockSettings, trigger: dt.date, workdays: int
) -> dt.date:
    """The last day of ``workdays`` working days from ``trigger`` under the counting policy:
    from the next working day (default), or from ``trigger`` itself when that policy is off."""
    start = trigger if settings.count_from_next_day else trigger - _DAY
    return calendar.add_workdays(start, workdays)


def correction_notice_due(
    calendar: WorkCalendar, settings: ClockSettings, regime: Regime, received: dt.date
) -> dt.date | None:
    """The last day to send the correction notice (Art. 30); None under the 2007 text."""
    days = regime.correction_notice_workdays
    return None if days is None else count_workdays(calendar, settings, received, days)


def workdays_late(calendar: WorkCalendar, due: dt.date, day: dt.date) -> int:
    """Working days from the day after ``due`` up to ``day`` (0 when not late)."""
    return max(0, calendar.workdays_between(due, day))


__all__ = ["correction_notice_due", "count_workdays", "workdays_late"]
