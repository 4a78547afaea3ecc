"""A case as the clock sees it: the channel and the event log (spec §2, §3).

``parse_case`` turns the JSON of ``gongkai deadline CASE.json`` (or the platform's event
log) into typed values; every problem is a :class:`CaseError` naming the event index,
type and field.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any


class Channel(StrEnum):
    IN_PERSON = "in_person"  # 当面提交
    REGISTERED_POST = "registered_post"  # 邮寄，需签收
    ORDINARY_LETTER = "ordinary_letter"  # 平常信函，无需签收
    ONLINE = "online"  # 互联网渠道
    FAX = "fax"  # 政府信息公开工作机构的传真
    # a new handling ordered by a 复议决定 or judgment (纠正): the decision's service on the
    # agency is the "receipt", and the decision may set the period
    REOPENING = "reopening"


class EventType(StrEnum):
    SUBMITTED = "submitted"
    ARRIVED = "arrived"  # an ordinary letter reached the office (Art. 31(二))
    SIGNED_FOR = "signed_for"
    CONFIRMED = "confirmed"
    REOPENED = "reopened"  # the 复议决定/judgment ordering a new reply was served on the agency
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CONSULTATION_SENT = "consultation_sent"
    CONSULTATION_ANSWERED = "consultation_answered"
    FEE_NOTICE_SENT = "fee_notice_sent"
    FEE_PAID = "fee_paid"
    EXTENDED = "extended"
    DEFERRED = "deferred"  # Art. 35: a later, reasonable due date for a large volume
    NOTICE_SERVED = "notice_served"  # a notice (correction, consultation, fee …) was served
    REPLIED = "replied"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "当面提交",
    Channel.REGISTERED_POST: "邮寄（需签收）",
    Channel.ORDINARY_LETTER: "平常信函",
    Channel.ONLINE: "互联网渠道",
    Channel.FAX: "传真",
    Channel.REOPENING: "复议诉讼纠正后重新办理",
}

EVENT_LABELS: dict[EventType, str] = {
    EventType.SUBMITTED: "提交申请",
    EventType.ARRIVED: "平常信函到达",
    EventType.SIGNED_FOR: "签收",
    EventType.CONFIRMED: "与申请人确认",
    EventType.REOPENED: "收到责令重新答复的复议决定书或判决书",
    EventType.CORRECTION_REQUESTED: "发出补正告知",
    EventType.CORRECTION_RECEIVED: "收到补正",
    EventType.CONSULTATION_SENT: "发出征求意见函",
    EventType.CONSULTATION_ANSWERED: "收到第三方意见",
    EventType.FEE_NOTICE_SENT: "发出收费通知",
    EventType.FEE_PAID: "申请人缴费",
    EventType.EXTENDED: "延长答复期限",
    EventType.DEFERRED: "确定延迟答复的合理期限",
    EventType.NOTICE_SERVED: "告知书送达",
    EventType.REPLIED: "作出答复",
}

# How a notice reached its addressee (送达方式).
SERVICE_METHODS: dict[str, str] = {
    "in_person": "直接送达",
    "post": "邮寄送达（签收）",
    "email": "电子送达（电子邮件）",
    "online": "电子送达（网上）",
    "fax": "传真送达",
    "retained": "留置送达",
}
# Who is consulted: a third party (Art. 32) or an agency that made the information jointly
# (Art. 34); both have 15 working days from receiving the letter.
CONSULTEES: dict[str, str] = {"third_party": "第三方", "agency": "其他行政机关"}
# The unit of a period a 复议决定/judgment sets for the new reply.
PERIOD_UNITS: dict[str, str] = {"workdays": "个工作日", "days": "日"}

# Fields an event type may carry besides ``type`` and ``date`` (name → required).
_FIELDS: dict[EventType, dict[str, bool]] = {
    EventType.CORRECTION_REQUESTED: {"limit_workdays": False},
    EventType.CONSULTATION_SENT: {"party": False, "consultee": False},
    EventType.CONSULTATION_ANSWERED: {"party": False},
    EventType.EXTENDED: {"workdays": True},
    EventType.DEFERRED: {"until": True},
    EventType.NOTICE_SERVED: {"notice": True, "method": True, "party": False},
    EventType.REOPENED: {"period": False, "unit": False, "decision": False},
    EventType.REPLIED: {"outcome": True},
}
# The notices whose service is recorded (a ``notice_served`` event names one of these).
SERVABLE = (
    EventType.CORRECTION_REQUESTED,
    EventType.CONSULTATION_SENT,
    EventType.FEE_NOTICE_SENT,
    EventType.EXTENDED,
    EventType.DEFERRED,
)
# Closed vocabularies of string fields (field → allowed values).
_CHOICES: dict[str, Mapping[str, str]] = {
    "method": SERVICE_METHODS,
    "consultee": CONSULTEES,
    "unit": PERIOD_UNITS,
    "notice": {t.value: EVENT_LABELS[t] for t in SERVABLE},
}
# Free-form fields any event may carry (the platform's bookkeeping); the clock ignores them.
_FREE_FIELDS = frozenset({"note", "by", "id", "document"})


class CaseError(ValueError):
    """The case cannot be computed; names the event (index and type) and field."""

    def __init__(
        self,
        message: str,
        *,
        index: int | None = None,
        event_type: str | None = None,
        field: str | None = None,
    ) -> None:
        self.index = index
        self.event_type = event_type
        self.field = field
        self.detail = message
        super().__init__(f"{_where(index, event_type, field)}{message}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "error": self.detail,
            "event_index": self.index,
            "event_type": self.event_type,
            "field": self.field,
        }


def _where(index: int | None, event_type: str | None, field: str | None) -> str:
    if index is None:
        return f"{field}：" if field else ""
    name = f"事件 #{index}" + (f"（{event_type}）" if event_type else "")
    return f"{name} 字段 {field}：" if field else f"{name}："


@dataclass(frozen=True, slots=True)
class Event:
    type: EventType
    date: dt.date
    index: int = 0  # position in the case file, for messages
    limit_workdays: int | None = None  # correction_requested: the time limit set
    workdays: int | None = None  # extended: working days granted
    outcome: str | None = None  # replied: a table-3 row key
    party: str | None = None  # consultation: which third party (to match answers)
    consultee: str | None = None  # consultation_sent: "third_party" (default) or "agency"
    until: dt.date | None = None  # deferred: the later due date set (Art. 35)
    notice: EventType | None = None  # notice_served: which notice
    method: str | None = None  # notice_served: how (SERVICE_METHODS)
    period: int | None = None  # reopened: the period the decision sets for the new reply
    unit: str | None = None  # reopened: "workdays" (default) or "days"
    decision: str | None = None  # reopened: the decision or judgment (文号)

    @property
    def label(self) -> str:
        return EVENT_LABELS[self.type]


@dataclass(frozen=True, slots=True)
class Case:
    channel: Channel
    events: tuple[Event, ...]


# ---- parsing -----------------------------------------------------------------------------


def parse_date(
    value: object, *, index: int | None = None, event_type: str | None = None
) -> dt.date:
    if not isinstance(value, str):
        raise CaseError(
            f"日期应为 YYYY-MM-DD 字符串，实为 {value!r}",
            index=index,
            event_type=event_type,
            field="date",
        )
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CaseError(
            f"不是有效日期 {value!r}（应为 YYYY-MM-DD）",
            index=index,
            event_type=event_type,
            field="date",
        ) from None


def _positive_int(value: object, index: int, event_type: str, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise CaseError(
            f"应为正整数，实为 {value!r}", index=index, event_type=event_type, field=field
        )
    return value


def parse_event(data: object, index: int) -> Event:
    if not isinstance(data, Mapping):
        raise CaseError("事件应为 JSON 对象", index=index)
    raw_type = data.get("type")
    try:
        event_type = EventType(str(raw_type))
    except ValueError:
        known = "、".join(t.value for t in EventType)
        raise CaseError(
            f"未知的事件类型 {raw_type!r}（可用：{known}）", index=index, field="type"
        ) from None
    name = event_type.value
    if "date" not in data:
        raise CaseError("缺少日期", index=index, event_type=name, field="date")
    day = parse_date(data["date"], index=index, event_type=name)
    allowed = _FIELDS.get(event_type, {})
    for field in data:
        if field not in ("type", "date") and field not in allowed and field not in _FREE_FIELDS:
            raise CaseError(
                f"此类事件没有这个字段（可有：{'、'.join(allowed) or '无'}）",
                index=index,
                event_type=name,
                field=str(field),
            )
    for field, required in allowed.items():
        if required and data.get(field) is None:
            raise CaseError("缺少必填字段", index=index, event_type=name, field=field)
    limit = data.get("limit_workdays")
    workdays = data.get("workdays")
    outcome = data.get("outcome")
    party = data.get("party")
    period = data.get("period")
    if outcome is not None and not isinstance(outcome, str):
        raise CaseError(
            "办理结果应为表三的行键（字符串）", index=index, event_type=name, field="outcome"
        )
    for field in ("party", "decision"):
        if data.get(field) is not None and not isinstance(data[field], str):
            raise CaseError("应为字符串", index=index, event_type=name, field=field)
    for field, choices in _CHOICES.items():
        value = data.get(field)
        if value is not None and (not isinstance(value, str) or value not in choices):
            known = "、".join(f"{k}（{v}）" for k, v in choices.items())
            raise CaseError(
                f"未知的值 {value!r}（可用：{known}）", index=index, event_type=name, field=field
            )
    until = data.get("until")
    notice = data.get("notice")
    return Event(
        type=event_type,
        date=day,
        index=index,
        limit_workdays=None
        if limit is None
        else _positive_int(limit, index, name, "limit_workdays"),
        workdays=None if workdays is None else _positive_int(workdays, index, name, "workdays"),
        outcome=outcome,
        party=party,
        consultee=data.get("consultee"),
        until=None if until is None else _date_field(until, index, name, "until"),
        notice=None if notice is None else EventType(notice),
        method=data.get("method"),
        period=None if period is None else _positive_int(period, index, name, "period"),
        unit=data.get("unit"),
        decision=data.get("decision"),
    )


def _date_field(value: object, index: int, event_type: str, field: str) -> dt.date:
    try:
        return parse_date(value, index=index, event_type=event_type)
    except CaseError as exc:
        raise CaseError(exc.detail, index=index, event_type=event_type, field=field) from None


def parse_case(data: object) -> Case:
    """A case from its JSON value, or a :class:`CaseError` naming the problem."""
    if not isinstance(data, Mapping):
        raise CaseError('案件文件应为 JSON 对象 {"channel": …, "events": […]}')
    raw_channel = data.get("channel")
    try:
        channel = Channel(str(raw_channel))
    except ValueError:
        known = "、".join(c.value for c in Channel)
        raise CaseError(
            f"未知的提交渠道 {raw_channel!r}（可用：{known}）", field="channel"
        ) from None
    events = data.get("events")
    if not isinstance(events, list) or not events:
        raise CaseError("应为非空的事件列表", field="events")
    return Case(channel, tuple(parse_event(item, i) for i, item in enumerate(events)))


class CaseReadError(Exception):
    """The case file cannot be read at all."""


def load_case(path: Path) -> Case:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseReadError(f"无法读取：{exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseReadError(
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    return parse_case(data)


__all__ = [
    "CHANNEL_LABELS",
    "CONSULTEES",
    "EVENT_LABELS",
    "PERIOD_UNITS",
    "SERVABLE",
    "SERVICE_METHODS",
    "Case",
    "CaseError",
    "CaseReadError",
    "Channel",
    "Event",
    "EventType",
    "load_case",
    "parse_case",
    "parse_date",
    "parse_event",
]
