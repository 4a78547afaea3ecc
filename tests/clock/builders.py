"""Small builders so each test table row reads like the case it describes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.calendar import WorkCalendar
from gongkai.clock import ClockResult, ClockSettings, compute, parse_case

D = dt.date.fromisoformat


def ev(kind: str, date: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "date": date, **extra}


def run(
    channel: str,
    *events: dict[str, Any],
    today: str | None = None,
    settings: ClockSettings | None = None,
    calendar: WorkCalendar | None = None,
) -> ClockResult:
    case = parse_case({"channel": channel, "events": list(events)})
    return compute(
        case,
        today=None if today is None else D(today),
        settings=settings or ClockSettings(),
        calendar=calendar,
    )


def in_person(date: str, *events: dict[str, Any], **kw: Any) -> ClockResult:
    """An application handed in on ``date`` followed by ``events``."""
    return run("in_person", ev("submitted", date), *events, **kw)
