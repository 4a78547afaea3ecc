"""The case's event log: the one way to change a case, and the one writer of its cache.

Views, tasks and the demo call the service functions; every change goes through
:func:`append_event`: it checks the user's right, the case version (optimistic locking),
lets ``gongkai.clock`` validate the new log, appends the event, and recomputes the cached
columns (``state``, ``received``, ``reply_due``, ``overdue_from`` …) from the log. Those
columns exist only so that lists of a million cases can filter and sort in SQL; the log is
the truth and :func:`refresh` is the one place that rewrites them.

Version rule: events that change the case (every clock event, assignment, review, edits,
service, archive) require the version the user saw and bump it; a generated letter or a
note is added without a version check (it changes nothing another user could overwrite).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F

from gongkai import clock
from gongkai.calendar import WorkCalendar
from gongkai.clock import CaseError
from gongkai.web.accounts import permissions
from gongkai.web.cases import clockbridge
from gongkai.web.cases.choices import CLOCK_EVENTS, EVENT_KIND_LABELS
from gongkai.web.cases.models import AuditEntry, Case, CaseDocument, CaseEvent
from gongkai.web.cases.services.pinned import today
from gongkai.web.workcalendar.services import work_calendar

# Events that never bump the version (see the module docstring).
UNVERSIONED = frozenset({"letter", "note"})


class ConflictError(Exception):
    """Someone else changed the case since the form was shown; nothing was written."""

    def __init__(self, case: Case) -> None:
        self.case = case
        super().__init__(
            f"案件 {case.number} 已被其他人修改（您看到的是旧版本）。为避免覆盖他人的修改，"
            "本次操作未保存，请刷新页面查看最新情况后重新操作。"
        )


def event_rows(case: Case) -> list[tuple[str, dt.date, Mapping[str, Any], int]]:
    return list(case.events.order_by("seq").values_list("kind", "date", "data", "seq"))


def compute(case: Case, as_of: dt.date | None = None) -> clock.ClockResult:
    """The clock's view of the case now (or ``as_of``)."""
    return clockbridge.compute(case.channel, event_rows(case), today=as_of or today())


def _state(result: clock.ClockResult, rows: Iterable[tuple[str, Any, Any, int]]) -> str:
    if any(kind == "archived" for kind, *_ in rows):
        return "archived"
    return result.status.value


def handling_rows(case: Case) -> list[tuple[str, dt.date, Mapping[str, Any], int]]:
    """The events of the handling under way (after the latest reopening, if any)."""
    return clockbridge.current_round(case.channel, event_rows(case))[1]


def refresh(
    case: Case,
    rows: list[tuple[str, dt.date, Mapping[str, Any], int]] | None = None,
    calendar: WorkCalendar | None = None,
) -> clock.ClockResult:
    """Recompute the cached columns from the log (the only writer of the cache).

    After a reopening the reply columns (due date, reply, outcome, archive) describe the
    new handling; ``received`` stays the day the application itself was received.
    """
    rows = event_rows(case) if rows is None else rows
    calendar = calendar or work_calendar()
    result = clockbridge.compute(case.channel, rows, today=today(), calendar=calendar)
    handlings = clockbridge.rounds(case.channel, rows)
    reopenings = [day for kind, day, _, _ in rows if kind == clockbridge.REOPENED]
    case.reopened_on = reopenings[-1] if reopenings else None
    if reopenings:
        first_channel, first_rows = handlings[0]
        case.received = clockbridge.compute(first_channel, first_rows, calendar=calendar).received
    else:
        case.received = result.received
    rows = handlings[-1][1]  # archive and state: the handling under way
    case.state = _state(result, rows)
    case.reply_due = result.reply_due
    case.overdue_from = result.overdue_from
    case.replied_on = result.replied_on
    case.outcome = result.outcome or ""
    case.provisional = result.provisional
    case.withdrawal_outcome = result.withdrawal.outcome if result.withdrawal else ""
    archived = [day for kind, day, _, _ in rows if kind == "archived"]
    case.archived_on = archived[-1] if archived else None
    return result


_CACHE_FIELDS = (
    "state",
    "received",
    "reply_due",
    "overdue_from",
    "replied_on",
    "outcome",
    "provisional",
    "withdrawal_outcome",
    "archived_on",
    "reopened_on",
)


def _audit(
    case: Case | None, agency: Any, by: Any, action: str, changes: Mapping[str, Any]
) -> None:
    AuditEntry.objects.create(
        agency=agency, case=case, actor=by, action=action, changes=dict(changes)
    )


def _check_edit(case: Case, by: Any) -> None:
    if not permissions.can_edit(by, case.agency):
        raise PermissionDenied("您无权办理该机关的案件。")


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items() if v not in (None, "")}
    return value


@transaction.atomic
def append_event(
    case: Case,
    by: Any,
    kind: str,
    date: dt.date,
    data: Mapping[str, Any] | None = None,
    *,
    version: int | None = None,
    document: CaseDocument | None = None,
) -> CaseEvent:
    """Append one event to the case file (see the module docstring for the rules)."""
    _check_edit(case, by)
    if kind not in EVENT_KIND_LABELS:
        raise ValidationError(f"未知的事件类型：{kind}")
    payload = _json(dict(data or {}))
    if kind not in UNVERSIONED:
        if version is None:
            raise ValueError("a versioned event needs the version the user saw")
        # The compare-and-swap that makes optimistic locking safe on every database.
        if not Case.objects.filter(pk=case.pk, version=version).update(version=F("version") + 1):
            raise ConflictError(case)
    else:
        Case.objects.select_for_update().filter(pk=case.pk).first()  # serialise appends
    rows = event_rows(case)
    seq = rows[-1][3] + 1 if rows else 1  # rows are in seq order
    if case.replied_on is not None and kind in CLOCK_EVENTS and kind != clockbridge.REOPENED:
        raise ValidationError("案件已答复，不能再记录办理事件。")
    if case.archived_on is not None and kind not in UNVERSIONED | {clockbridge.REOPENED}:
        raise ValidationError("案件已归档，只能查看。")
    rows.append((kind, date, payload, seq))
    if kind in CLOCK_EVENTS:
        try:
            clockbridge.compute(case.channel, rows, today=today())
        except CaseError as exc:
            raise ValidationError(f"{EVENT_KIND_LABELS[kind]}：{exc.detail}") from None
    event = CaseEvent.objects.create(
        case=case, seq=seq, kind=kind, date=date, data=payload, actor=by, document=document
    )
    if kind not in UNVERSIONED:
        case.version = (version or 0) + 1  # only once the event is accepted
        refresh(case, rows)
        case.save(update_fields=_CACHE_FIELDS)
    _audit(case, case.agency, by, kind, {"date": date.isoformat(), **payload})
    return event
