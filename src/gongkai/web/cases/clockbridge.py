"""The case file as ``gongkai.clock`` sees it.

The clock is the only place deadlines are computed; this module only translates the
stored event log into the clock's input and hands it the platform's calendar
(:func:`gongkai.web.workcalendar.services.work_calendar`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from django.conf import settings

from gongkai import clock
from gongkai.calendar import WorkCalendar
from gongkai.web.cases.choices import CLOCK_EVENTS
from gongkai.web.workcalendar.services import work_calendar

# The event fields the clock reads; everything else in ``data`` is platform bookkeeping.
CLOCK_FIELDS = (
    "limit_workdays",
    "workdays",
    "outcome",
    "party",
    "consultee",
    "until",
    "notice",
    "method",
    "period",
    "unit",
    "decision",
)


def clock_event(kind: str, date: dt.date, data: Mapping[str, Any], seq: int) -> clock.Event:
    """One stored event as a clock event; the index is the event's number in the file."""
    raw: dict[str, Any] = {"type": kind, "date": date.isoformat()}
    raw |= {f: data[f] for f in CLOCK_FIELDS if data.get(f) is not None}
    return clock.parse_event(raw, seq)


Row = tuple[str, dt.date, Mapping[str, Any], int]

# The event that starts a new handling of a replied case (复议/诉讼 纠正).
REOPENED = clock.EventType.REOPENED.value


def rounds(channel: str, events: Iterable[Row]) -> list[tuple[str, list[Row]]]:
    """The case file cut into handlings: the original one, and one per reopening.

    The clock computes one handling per case file. A reopening after a review is, for the
    clock, a case of channel ``reopening`` whose receipt is the ``reopened`` event: the day
    the 复议决定 or judgment was served on the agency, with the period it set for the new
    reply (20 working days by default). So each later handling is handed to the clock as
    its ``reopened`` event plus the events recorded after it; nothing of the clock is
    re-implemented here, and the original handling keeps its own, unchanged result.
    """
    found: list[tuple[str, list[Row]]] = [(channel, [])]
    for row in events:
        if row[0] == REOPENED:
            found.append((clock.Channel.REOPENING.value, [row]))
        else:
            found[-1][1].append(row)
    return found


def current_round(channel: str, events: Iterable[Row]) -> tuple[str, list[Row]]:
    """The handling under way (the whole file when the case was never reopened)."""
    return rounds(channel, events)[-1]


def clock_case(channel: str, events: Iterable[Row]) -> clock.Case:
    """``events``: (kind, date, data, seq) of every stored event, in file order; the clock
    sees the current handling (see :func:`rounds`)."""
    channel, handling = current_round(channel, events)
    chosen = tuple(
        clock_event(kind, date, data, seq)
        for kind, date, data, seq in handling
        if kind in CLOCK_EVENTS
    )
    return clock.Case(clock.Channel(channel), chosen)


def compute(
    channel: str,
    events: Iterable[Row],
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> clock.ClockResult:
    """The clock's result; ``calendar``: the platform calendar unless a batch passes it."""
    return clock.compute(
        clock_case(channel, events),
        today=today,
        settings=clock_settings(),
        calendar=calendar or work_calendar(),
    )


def clock_settings() -> clock.ClockSettings:
    """The clock's policy points as this deployment sets them (see settings.py)."""
    restarts = bool(getattr(settings, "GONGKAI_LATE_CORRECTION_RESTARTS", False))
    reopening = int(getattr(settings, "GONGKAI_REOPENING_WORKDAYS", 20))
    return _settings(restarts, reopening)


@cache
def _settings(late_correction_restarts: bool, reopening_workdays: int) -> clock.ClockSettings:
    return clock.ClockSettings(
        late_correction_restarts=late_correction_restarts, reopening_workdays=reopening_workdays
    )
