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


def count_days(calendar: WorkCalendar, trigger: dt.date, days: int) -> dt.date:
    """The last day of a period of ``days`` calendar days from ``trigger`` (a 复议决定 may set
    one): counted from the next day, and a last day that is not a working day moves to the
    next working day (民法典 Art. 203)."""
    last = trigger + dt.timedelta(days=days)
    return last if calendar.is_workday(last) else calendar.add_workdays(last, 1)


def correction_notice_due(
    calendar: WorkCalendar, settings: ClockSettings, regime: Regime, received: dt.date
) -> dt.date | None:
    """The last day to send the correction notice (Art. 30); None under the 2007 text."""
    days = regime.correction_notice_workdays
    return None if days is None else count_workdays(calendar, settings, received, days)


def workdays_late(calendar: WorkCalendar, due: dt.date, day: dt.date) -> int:
    """Working days from the day after ``due`` up to ``day`` (0 when not late)."""
    return max(0, calendar.workdays_between(due, day))


__all__ = ["correction_notice_due", "count_days", "count_workdays", "workdays_late"]
