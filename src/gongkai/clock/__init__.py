"""The statutory clock: deadlines of a disclosure application from its event log (spec §3).

``compute(case, today=…)`` is pure: the same case, settings, calendar and day always give
the same result, so the platform, the reminders and the annual statistics share it.
"""

from gongkai.clock.engine import compute
from gongkai.clock.events import (
    CHANNEL_LABELS,
    CONSULTEES,
    EVENT_LABELS,
    PERIOD_UNITS,
    SERVABLE,
    SERVICE_METHODS,
    Case,
    CaseError,
    CaseReadError,
    Channel,
    Event,
    EventType,
    load_case,
    parse_case,
    parse_event,
)
from gongkai.clock.receipt import RECEIPT_RULES, ReceiptRule
from gongkai.clock.result import STATUS_LABELS, ClockResult, LateStep, Status, Withdrawal
from gongkai.clock.settings import (
    DEFAULT_SETTINGS,
    REGIME_2007,
    REGIME_2019,
    ClockSettings,
    Regime,
    regime_for,
)
from gongkai.clock.timeline import Step, StepKind

__all__ = [
    "CHANNEL_LABELS",
    "CONSULTEES",
    "DEFAULT_SETTINGS",
    "EVENT_LABELS",
    "PERIOD_UNITS",
    "RECEIPT_RULES",
    "REGIME_2007",
    "REGIME_2019",
    "SERVABLE",
    "SERVICE_METHODS",
    "STATUS_LABELS",
    "Case",
    "CaseError",
    "CaseReadError",
    "Channel",
    "ClockResult",
    "ClockSettings",
    "Event",
    "EventType",
    "LateStep",
    "ReceiptRule",
    "Regime",
    "Status",
    "Step",
    "StepKind",
    "Withdrawal",
    "compute",
    "load_case",
    "parse_case",
    "parse_event",
    "regime_for",
]
