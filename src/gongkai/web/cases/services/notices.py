"""送达 and timing: service of the notices whose periods run from it, the Art. 35 deferral,
and the warning shown before staff take a step the law would count as late.

The rules are the clock's (:mod:`gongkai.clock.service`, ``LateStep``); this module only
appends events and asks the clock what a step would do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

from gongkai.clock import EVENT_LABELS, SERVABLE, CaseError, EventType
from gongkai.web.cases import clockbridge
from gongkai.web.cases.models import Case, CaseEvent
from gongkai.web.cases.services.consultations import refresh_consultations
from gongkai.web.cases.services.log import append_event, compute, event_rows
from gongkai.web.cases.services.pinned import today

_SERVABLE = frozenset(t.value for t in SERVABLE)


def unserved_notices(case: Case) -> list[tuple[int, str]]:
    """(event number, label) of the notices whose service is still to be recorded."""
    result = compute(case)
    labels = {e.index: e for e in result.case.events}
    found = []
    for index in result.unserved:
        event = labels[index]
        party = f"（{event.party}）" if event.party else ""
        found.append((index, f"#{index} {EVENT_LABELS[event.type]}{party}（{event.date}）"))
    return found


def record_notice_service(
    case: Case, by: Any, *, version: int, date: dt.date, notice: int, method: str, note: str = ""
) -> CaseEvent:
    """The notice numbered ``notice`` in the case file reached its addressee on ``date``."""
    target = case.events.filter(seq=notice).first()
    if target is None or target.kind not in _SERVABLE:
        raise ValidationError("没有这份需要登记送达的告知书。")
    data: dict[str, Any] = {"notice": target.kind, "method": method, "note": note}
    if target.data.get("party"):
        data["party"] = target.data["party"]
    event = append_event(case, by, EventType.NOTICE_SERVED.value, date, data, version=version)
    if target.kind == EventType.CONSULTATION_SENT.value:
        refresh_consultations(case)
    return event


def defer_reply(
    case: Case, by: Any, *, version: int, date: dt.date, until: dt.date, reason: str
) -> CaseEvent:
    """Art. 35: a later, reasonable due date for a clearly excessive volume with good reasons."""
    if not reason.strip():
        raise ValidationError("确定延迟答复期限应写明申请人说明的理由及其合理性。")
    return append_event(
        case,
        by,
        EventType.DEFERRED.value,
        date,
        {"until": until, "reason": reason.strip()},
        version=version,
    )


# A representative event of each kind, to ask the clock whether taking it now would be late.
_PROBES: Mapping[str, Mapping[str, Any]] = {
    EventType.EXTENDED.value: {"workdays": 1},
    EventType.DEFERRED.value: {"until": "2199-12-31"},
    EventType.CORRECTION_REQUESTED.value: {},
    EventType.CONSULTATION_SENT.value: {},
    EventType.FEE_NOTICE_SENT.value: {},
}


def late_warning(case: Case, kind: str, day: dt.date | None = None) -> str | None:
    """What the clock would say of ``kind`` taken on ``day`` (today): the late-step text, or
    None when the step is in time (or not possible at all: the form will say why)."""
    if kind not in _PROBES:
        return None
    day = day or today()
    rows = event_rows(case)
    seq = rows[-1][3] + 1 if rows else 1
    rows.append((kind, day, dict(_PROBES[kind]), seq))
    try:
        result = clockbridge.compute(case.channel, rows, today=day)
    except CaseError:
        return None
    late = [s for s in result.late_steps if s.event == seq]
    return late[0].text if late else None


def late_step_of(case: Case, event: CaseEvent) -> str | None:
    """The late-step text of an event just recorded (None when it was in time)."""
    result = compute(case)
    late = [s for s in result.late_steps if s.event == event.seq]
    return late[0].text if late else None


__all__ = [
    "defer_reply",
    "late_step_of",
    "late_warning",
    "record_notice_service",
    "unserved_notices",
]
