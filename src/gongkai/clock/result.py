"""What the clock computes for a case (JSON-able)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from gongkai.calendar import WorkCalendar, cn_date
from gongkai.clock.counting import correction_notice_due, workdays_late
from gongkai.clock.events import EVENT_LABELS, Case, Channel, EventType
from gongkai.clock.settings import REGIMES, ClockSettings
from gongkai.clock.timeline import (
    Fact,
    Step,
    StepKind,
    calendar_steps,
    closing_facts,
    opening_facts,
    render,
)
from gongkai.outcomes import outcome_label


class Status(StrEnum):
    RUNNING = "running"  # the reply period is running
    AWAITING_CORRECTION = "awaiting_correction"  # the applicant has to correct
    PAUSED = "paused"  # consultation or fee: the period is stopped
    REPLIED = "replied"
    DEEMED_WITHDRAWN = "deemed_withdrawn"  # a limit passed; staff conclude with the outcome


STATUS_LABELS: dict[Status, str] = {
    Status.RUNNING: "办理中",
    Status.AWAITING_CORRECTION: "等待补正",
    Status.PAUSED: "暂停计算（征求意见或收费）",
    Status.REPLIED: "已答复",
    Status.DEEMED_WITHDRAWN: "视为放弃申请",
}


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """The applicant is deemed to have withdrawn: the clock reports it, staff conclude."""

    as_of: dt.date  # the first day after the limit
    outcome: str  # table-3 row key: other_1 (no correction) or other_2 (fee not paid)
    reason: str

    @property
    def outcome_label(self) -> str:
        """The table-3 row in words, as the pages show it (the key is for machines)."""
        return outcome_label(self.outcome)

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "outcome": self.outcome, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class LateStep:
    """A step taken after the time the law gives for it: recorded, flagged, and never allowed
    to cure lateness (a late extension moves no due date, a late fee notice pauses nothing)."""

    event: int  # index of the event in the case file
    type: EventType
    date: dt.date  # the day it was taken
    deadline: dt.date  # the last day it could lawfully be taken
    rule: str  # the rule, cited
    effect: str  # what the clock did with it

    @property
    def text(self) -> str:
        return (
            f"{EVENT_LABELS[self.type]}（{cn_date(self.date)}）晚于{cn_date(self.deadline)}：{self.rule}；"
            f"{self.effect}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "type": self.type.value,
            "date": self.date.isoformat(),
            "deadline": self.deadline.isoformat(),
            "rule": self.rule,
            "effect": self.effect,
            "text": self.text,
        }


_LIMIT_KINDS = frozenset(
    {StepKind.CORRECTION_LIMIT, StepKind.CONSULTATION_LIMIT, StepKind.FEE_LIMIT}
)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@dataclass(slots=True)  # read-only by convention: not frozen, because a list page builds millions
class ClockResult:
    channel: Channel
    received: dt.date
    received_reason: str
    regime: str  # "2019" or "2007"
    status: Status
    reply_due: dt.date  # the due date now; the latest possible one while paused/awaiting
    reply_due_projected: bool  # True while paused or awaiting correction
    original_reply_due: dt.date  # 20 (15) working days after receipt, before any event
    correction_notice_late: bool | None  # None: no correction was requested
    correction_limit: dt.date | None
    consultation_limits: tuple[dt.date, ...]
    fee_payment_limit: dt.date | None
    extension_workdays: int | None
    replied_on: dt.date | None
    outcome: str | None
    withdrawal: Withdrawal | None
    provisional: bool
    provisional_years: tuple[int, ...]  # years counted without the State Council's notice
    counted_to_due: bool  # the period ran to the due date (not stopped by a correction)
    as_of: dt.date | None
    overdue: bool | None  # None: no as-of day given and no reply yet
    # the first day the case counts as overdue while it stays unreplied (None: the clock is
    # stopped for the applicant, or the case is replied or withdrawn); lists filter on it
    overdue_from: dt.date | None
    late_steps: tuple[LateStep, ...]
    unserved: tuple[int, ...]  # notices whose service is not recorded (event indices)
    warnings: tuple[str, ...]
    receipt_event: int  # index of the event that fixed the date of receipt
    case: Case = field(repr=False)
    settings: ClockSettings = field(repr=False)
    facts: tuple[Fact, ...]  # the events, limits and changes of the due date, unrendered
    counted_spans: tuple[tuple[dt.date, dt.date], ...]  # (after, through] spans counted
    calendar: WorkCalendar = field(repr=False, compare=False)

    @property
    def correction_notice_due(self) -> dt.date | None:
        """7 working days after receipt (2019 text; None under the 2007 text and for a new
        handling ordered by a review, whose application was accepted long ago)."""
        if self.channel is Channel.REOPENING:
            return None
        regime = REGIMES[self.regime]
        return correction_notice_due(self.calendar, self.settings, regime, self.received)

    def limit_of(self, event: int) -> dt.date | None:
        """The limit a notice gave its addressee (correction, consultation, fee): the day its
        period ends, counted from service; None while the notice is not served."""
        for day, kind, _template, _params, _due, index in self.facts:
            if index == event and kind in _LIMIT_KINDS:
                return day
        return None

    @property
    def provisional_pending(self) -> bool:
        """A provisional calendar matters only while the reply is awaited: once replied or
        withdrawn, the due date no longer moves when the State Council's notice arrives."""
        return self.provisional and self.replied_on is None and self.withdrawal is None

    @property
    def overdue_workdays(self) -> int:
        """Working days past the due date: at the reply, or as of the day."""
        if not self.overdue:
            return 0
        end = self.replied_on or self.as_of
        return 0 if end is None else workdays_late(self.calendar, self.reply_due, end)

    @property
    def steps(self) -> list[Step]:
        """The events, limits and changes of the due date, in the order they were applied."""
        facts = (*opening_facts(self), *self.facts, *closing_facts(self))
        return [render(fact) for fact in facts]

    def timeline(self) -> list[Step]:
        """Every step, with the holidays and 调休 days of the counted spans, in date order."""
        extra = calendar_steps(self.calendar, self.counted_spans)
        ranked = [(s.date, 0, i, s) for i, s in enumerate(self.steps)]
        ranked += [(s.date, 1, i, s) for i, s in enumerate(extra)]
        return [s for *_, s in sorted(ranked, key=lambda r: r[:3])]

    def to_dict(self) -> dict[str, Any]:
        return {
            "channel": self.channel.value,
            "received": self.received.isoformat(),
            "received_reason": self.received_reason,
            "regime": self.regime,
            "status": self.status.value,
            "reply_due": self.reply_due.isoformat(),
            "reply_due_projected": self.reply_due_projected,
            "original_reply_due": self.original_reply_due.isoformat(),
            "correction_notice_due": _iso(self.correction_notice_due),
            "correction_notice_late": self.correction_notice_late,
            "correction_limit": _iso(self.correction_limit),
            "consultation_limits": [d.isoformat() for d in self.consultation_limits],
            "fee_payment_limit": _iso(self.fee_payment_limit),
            "extension_workdays": self.extension_workdays,
            "replied_on": _iso(self.replied_on),
            "outcome": self.outcome,
            "deemed_withdrawn": None if self.withdrawal is None else self.withdrawal.to_dict(),
            "provisional": self.provisional,
            "provisional_years": list(self.provisional_years),
            "as_of": _iso(self.as_of),
            "overdue": self.overdue,
            "overdue_workdays": self.overdue_workdays,
            "overdue_from": _iso(self.overdue_from),
            "late_steps": [s.to_dict() for s in self.late_steps],
            "unserved_notices": list(self.unserved),
            "warnings": list(self.warnings),
            "timeline": [s.to_dict() for s in self.timeline()],
        }


__all__ = ["STATUS_LABELS", "ClockResult", "LateStep", "Status", "Withdrawal"]
