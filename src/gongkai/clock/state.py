"""The working state of one clock computation, shared by the rules that change it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.calendar import WorkCalendar
from gongkai.clock.counting import count_workdays
from gongkai.clock.events import Case, CaseError, Event, EventType
from gongkai.clock.receipt import ReceiptRule
from gongkai.clock.result import LateStep, Status, Withdrawal
from gongkai.clock.settings import ClockSettings, Regime
from gongkai.clock.timeline import Fact, StepKind
from gongkai.outcomes import FEE_MEASURES

ONE_DAY = dt.timedelta(days=1)
FEE_BASIS = FEE_MEASURES  # the fee measures, cited in full
# Enum members bound once: attribute access on an Enum class costs a descriptor call in
# Python 3.11, and the clock runs millions of times (bench/clock_due_dates.py).
ST_AWAITING_CORRECTION = Status.AWAITING_CORRECTION
ST_DEEMED_WITHDRAWN = Status.DEEMED_WITHDRAWN
ST_PAUSED = Status.PAUSED
ST_REPLIED = Status.REPLIED
ST_RUNNING = Status.RUNNING
EV_CONSULTATION_ANSWERED = EventType.CONSULTATION_ANSWERED
EV_CONSULTATION_SENT = EventType.CONSULTATION_SENT
EV_CORRECTION_RECEIVED = EventType.CORRECTION_RECEIVED
EV_CORRECTION_REQUESTED = EventType.CORRECTION_REQUESTED
EV_DEFERRED = EventType.DEFERRED
EV_NOTICE_SERVED = EventType.NOTICE_SERVED
EV_ARRIVED = EventType.ARRIVED
EV_REOPENED = EventType.REOPENED
EV_EXTENDED = EventType.EXTENDED
EV_FEE_NOTICE_SENT = EventType.FEE_NOTICE_SENT
EV_FEE_PAID = EventType.FEE_PAID
EV_REPLIED = EventType.REPLIED
EV_SUBMITTED = EventType.SUBMITTED
SK_CONSULTATION_LIMIT = StepKind.CONSULTATION_LIMIT
SK_CORRECTION_LIMIT = StepKind.CORRECTION_LIMIT
SK_CORRECTION_REQUESTED = StepKind.CORRECTION_REQUESTED
SK_DEEMED_WITHDRAWN = StepKind.DEEMED_WITHDRAWN
SK_DEFERRED = StepKind.DEFERRED
SK_SERVED = StepKind.SERVED
SK_ARRIVED = StepKind.ARRIVED
SK_LATE = StepKind.LATE
SK_EXTENSION = StepKind.EXTENSION
SK_FEE_LIMIT = StepKind.FEE_LIMIT
SK_NOTE = StepKind.NOTE
SK_PAUSE = StepKind.PAUSE
SK_REPLIED = StepKind.REPLIED
SK_RESTART = StepKind.RESTART
SK_RESUME = StepKind.RESUME


@dataclass(eq=False)  # compared by identity: two pauses are never "equal"
class Pause:
    kind: EventType  # CONSULTATION_SENT or FEE_NOTICE_SENT
    start: dt.date
    # consultation: the third party's limit; fee: the payment limit. None until the notice
    # is served: both run from service (Arts. 32, 34; 国办函〔2020〕109号)
    limit: dt.date | None
    event: Event
    answered: bool = False  # a late opinion arrived after the limit had closed the pause


class RunState:
    """State and helpers of one computation; the rules are mixins over it (one per topic)."""

    __slots__ = (
        "awaiting_at_reply",
        "calendar",
        "case",
        "consultation_limits",
        "correction",
        "correction_effective",
        "correction_late",
        "correction_limit",
        "deferral",
        "due",
        "events",
        "expired",
        "extensions",
        "facts",
        "fee",
        "fee_paid",
        "frozen",
        "ineffective_fees",
        "late",
        "open",
        "original_due",
        "paused_since",
        "receipt",
        "received",
        "regime",
        "replied",
        "rule",
        "servable",
        "served",
        "settings",
        "span_start",
        "spans",
        "status",
        "withdrawal",
    )  # fmt: skip

    case: Case
    settings: ClockSettings
    calendar: WorkCalendar
    facts: list[Fact]
    spans: list[tuple[dt.date, dt.date]]  # (after, through] spans the period ran
    rule: ReceiptRule
    events: tuple[Event, ...]
    receipt: Event
    received: dt.date
    regime: Regime
    status: Status
    due: dt.date
    original_due: dt.date
    span_start: dt.date
    correction: Event | None
    correction_limit: dt.date | None
    correction_late: bool | None
    correction_effective: bool  # False: recorded, but too late to stop or restart anything
    open: list[Pause]
    expired: list[Pause]  # consultations closed by their limit
    consultation_limits: list[dt.date]
    fee: Pause | None
    fee_paid: bool
    frozen: int | None  # working days left while paused; None: the pause moves nothing
    paused_since: dt.date | None
    extensions: list[Event]  # the lawful ones (their total is capped, Art. 33)
    deferral: Event | None  # Art. 35
    late: list[LateStep]
    served: dict[int, dt.date]  # notice event index → day served
    servable: list[Event]  # effective notices to the applicant or a third party
    ineffective_fees: list[Event]  # fee notices sent too late to have any effect
    replied: Event | None
    awaiting_at_reply: bool
    withdrawal: Withdrawal | None

    def _count(self, trigger: dt.date, workdays: int) -> dt.date:
        return count_workdays(self.calendar, self.settings, trigger, workdays)

    def _step(
        self,
        day: dt.date,
        kind: StepKind,
        template: str,
        due: dt.date | None = None,
        event: int | None = None,
        **params: object,
    ) -> None:
        if due is not None:
            params["due"] = due  # templates may name the due date too
        self.facts.append((day, kind, template, params, due, event))

    def _period_over(self, day: dt.date) -> bool:
        """Whether the reply period had run out by ``day`` (a step then is late)."""
        if self.status is ST_PAUSED:
            return self.frozen is None
        return day > self.due

    def _late(self, event: Event, deadline: dt.date, rule: str, effect: str) -> None:
        """Record a step taken too late: flagged, and it changes nothing."""
        late = LateStep(event.index, event.type, event.date, deadline, rule, effect)
        self.late.append(late)
        self._step(event.date, SK_LATE, "{text}", event=event.index, text=late.text)

    def _require_running(self, event: Event) -> None:
        if self.status is ST_AWAITING_CORRECTION:
            raise error(
                event, "等待补正期间没有正在计算的答复期限（应先有 correction_received 事件）"
            )


def error(event: Event, message: str) -> CaseError:
    return CaseError(message, index=event.index, event_type=event.type.value)
