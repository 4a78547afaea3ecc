"""The case file as ``gongkai.clock`` sees it, and the calendar with the loaded notices.

The clock is the only place deadlines are computed; this module only translates the
stored event log into the clock's input and hands it the platform's calendar.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count, Max

from gongkai import clock
from gongkai.calendar import HolidayNotice, NoticeDay, Overrides, WorkCalendar, default_calendar
from gongkai.web.cases.choices import CLOCK_EVENTS
from gongkai.web.workcalendar.models import CalendarOverride
from gongkai.web.workcalendar.models import HolidayNotice as NoticeRow

# The event fields the clock reads; everything else in ``data`` is platform bookkeeping.
CLOCK_FIELDS = ("limit_workdays", "workdays", "outcome", "party")

_lock = threading.Lock()
_cached: tuple[tuple[Any, ...], WorkCalendar] | None = None


def work_calendar() -> WorkCalendar:
    """The core calendar plus the notices administrators loaded (rebuilt when they change)."""
    global _cached
    stamp = CalendarOverride.objects.aggregate(n=Count("id"), last=Max("id"))
    key = (stamp["n"], stamp["last"])
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        calendar = WorkCalendar(_overrides()) if stamp["n"] else default_calendar()
        _cached = (key, calendar)
    return calendar


def _overrides() -> Overrides:
    days: dict[int, list[NoticeDay]] = {}
    for row in CalendarOverride.objects.all():
        days.setdefault(row.notice_id, []).append(NoticeDay(row.date, row.is_workday, row.name))
    notices = [
        HolidayNotice(
            year=n.year,
            document_number=n.document_number,
            loaded_at=n.loaded_at,
            days=tuple(days.get(n.pk, ())),
        )
        for n in NoticeRow.objects.filter(pk__in=days)
    ]
    return Overrides(tuple(notices))


def clock_event(kind: str, date: dt.date, data: Mapping[str, Any], seq: int) -> clock.Event:
    """One stored event as a clock event; the index is the event's number in the file."""
    raw: dict[str, Any] = {"type": kind, "date": date.isoformat()}
    raw |= {f: data[f] for f in CLOCK_FIELDS if data.get(f) is not None}
    return clock.parse_event(raw, seq)


def clock_case(
    channel: str, events: Iterable[tuple[str, dt.date, Mapping[str, Any], int]]
) -> clock.Case:
    """``events``: (kind, date, data, seq) of every stored event, in file order."""
    chosen = tuple(
        clock_event(kind, date, data, seq)
        for kind, date, data, seq in events
        if kind in CLOCK_EVENTS
    )
    return clock.Case(clock.Channel(channel), chosen)


def compute(
    channel: str,
    events: Iterable[tuple[str, dt.date, Mapping[str, Any], int]],
    today: dt.date | None = None,
) -> clock.ClockResult:
    return clock.compute(clock_case(channel, events), today=today, calendar=work_calendar())
