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


class EventType(StrEnum):
    SUBMITTED = "submitted"
    SIGNED_FOR = "signed_for"
    CONFIRMED = "confirmed"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CONSULTATION_SENT = "consultation_sent"
    CONSULTATION_ANSWERED = "consultation_answered"
    FEE_NOTICE_SENT = "fee_notice_sent"
    FEE_PAID = "fee_paid"
    EXTENDED = "extended"
    REPLIED = "replied"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "当面提交",
    Channel.REGISTERED_POST: "邮寄（需签收）",
    Channel.ORDINARY_LETTER: "平常信函",
    Channel.ONLINE: "互联网渠道",
    Channel.FAX: "传真",
}

EVENT_LABELS: dict[EventType, str] = {
    EventType.SUBMITTED: "提交申请",
    EventType.SIGNED_FOR: "签收",
    EventType.CONFIRMED: "与申请人确认",
    EventType.CORRECTION_REQUESTED: "发出补正告知",
    EventType.CORRECTION_RECEIVED: "收到补正",
    EventType.CONSULTATION_SENT: "发出征求意见函",
    EventType.CONSULTATION_ANSWERED: "收到第三方意见",
    EventType.FEE_NOTICE_SENT: "发出收费通知",
    EventType.FEE_PAID: "申请人缴费",
    EventType.EXTENDED: "延长答复期限",
    EventType.REPLIED: "作出答复",
}

# Fields an event type may carry besides ``type`` and ``date`` (name → required).
_FIELDS: dict[EventType, dict[str, bool]] = {
    EventType.CORRECTION_REQUESTED: {"limit_workdays": False},
    EventType.CONSULTATION_SENT: {"party": False},
    EventType.CONSULTATION_ANSWERED: {"party": False},
    EventType.EXTENDED: {"workdays": True},
    EventType.REPLIED: {"outcome": True},
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
    if outcome is not None and not isinstance(outcome, str):
        raise CaseError(
            "办理结果应为表三的行键（字符串）", index=index, event_type=name, field="outcome"
        )
    if party is not None and not isinstance(party, str):
        raise CaseError("第三方名称应为字符串", index=index, event_type=name, field="party")
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
    )


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
    "EVENT_LABELS",
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
