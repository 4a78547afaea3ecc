"""The case file as ``gongkai.clock`` sees it.

The clock is the only place deadlines are computed; this module only translates the
stored event log into the clock's input and hands it the platform's calendar
(:func:`gongkai.web.workcalendar.services.work_calendar`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from gongkai import clock
from gongkai.calendar import WorkCalendar
from gongkai.web.cases.choices import CLOCK_EVENTS
from gongkai.web.workcalendar.services import work_calendar

# The event fields the clock reads; everything else in ``data`` is platform bookkeeping.
CLOCK_FIELDS = ("limit_workdays", "workdays", "outcome", "party")


def clock_event(kind: str, date: dt.date, data: Mapping[str, Any], seq: int) -> clock.Event:
    """One stored event as a clock event; the index is the event's number in the file."""
    raw: dict[str, Any] = {"type": kind, "date": date.isoformat()}
    raw |= {f: data[f] for f in CLOCK_FIELDS if data.get(f) is not None}
    return clock.parse_event(raw, seq)


Row = tuple[str, dt.date, Mapping[str, Any], int]

# The platform event that starts a new handling of a replied case (复议/诉讼 纠正).
REOPENED = "reopened"


def rounds(channel: str, events: Iterable[Row]) -> list[tuple[str, list[Row]]]:
    """The case file cut into handlings: the original one, and one per reopening.

    The clock knows one receipt and one reply per case, and has no event for a reopening. A
    reopening after a review is, for the clock, a new application received in person on the
    day of the decision: the new handling gets the ordinary reply period (20 working days,
    counted from the next working day) and any correction, consultation, extension or fee
    notice inside it moves that due date by the clock's own rules. So each later handling
    is handed to the clock as ``submitted`` (on the reopening day, channel ``in_person``)
    plus the events recorded after the reopening; nothing of the clock is re-implemented
    here, and the original handling keeps its own, unchanged result.
    """
    found: list[tuple[str, list[Row]]] = [(channel, [])]
    for row in events:
        kind, day, _, seq = row
        if kind == REOPENED:
            found.append((clock.Channel.IN_PERSON.value, [("submitted", day, {}, seq)]))
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
        clock_case(channel, events), today=today, calendar=calendar or work_calendar()
    )
