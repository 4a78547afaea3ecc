"""The explanation of a deadline: one step per event, limit, pause, holiday and 调休 day."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from gongkai.calendar import DayInfo, DayKind, WorkCalendar, cn_date, cn_span, weekday
from gongkai.calendar.statutory import (
    HOLIDAYS_ARTICLE,
    IN_LIEU_ARTICLE,
    PROVISIONAL_CAVEAT,
    PROVISIONAL_RULE,
    InLieu,
    provisional_days_off,
)
from gongkai.clock.counting import count_workdays
from gongkai.clock.events import CHANNEL_LABELS, PERIOD_UNITS, Case, EventType
from gongkai.clock.receipt import RECEIPT_RULES
from gongkai.clock.settings import REGIME_2019, REGIMES, ClockSettings


class StepKind(StrEnum):
    SUBMITTED = "submitted"
    RECEIVED = "received"
    REGIME = "regime"
    REPLY_DUE = "reply_due"
    CORRECTION_NOTICE_DUE = "correction_notice_due"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_LIMIT = "correction_limit"
    RESTART = "restart"
    PAUSE = "pause"
    RESUME = "resume"
    CONSULTATION_LIMIT = "consultation_limit"
    FEE_LIMIT = "fee_limit"
    EXTENSION = "extension"
    DEFERRED = "deferred"
    SERVED = "served"
    ARRIVED = "arrived"
    LATE = "late"  # a step taken after the time the law gives for it
    REPLIED = "replied"
    DEEMED_WITHDRAWN = "deemed_withdrawn"
    OVERDUE = "overdue"
    HOLIDAY = "holiday"
    MAKEUP = "makeup"
    PROVISIONAL = "provisional"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Step:
    date: dt.date
    kind: StepKind
    text: str  # the explanation, in Chinese
    end: dt.date | None = None  # last day of a span (holidays, a pause)
    due: dt.date | None = None  # the reply due date after this step
    event: int | None = None  # index of the event in the case file

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"date": self.date.isoformat(), "kind": self.kind.value}
        if self.end is not None:
            data["end"] = self.end.isoformat()
        data["text"] = self.text
        if self.due is not None:
            data["due"] = self.due.isoformat()
        if self.event is not None:
            data["event"] = self.event
        return data

    def line(self) -> str:
        """One line of the readable timeline."""
        when = cn_date(self.date) if self.end is None else cn_span(self.date, self.end)
        return f"{when}　{self.text}"


class _Formatter(string.Formatter):
    """Dates in templates as staff read them: ``{day}`` → 2025年10月1日; ``{day:w}`` adds
    the weekday."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, dt.date):
            return cn_date(value, weekday_name=format_spec == "w")
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()

# A step as the clock records it, cheaply: (date, kind, template, params, due, event).
# The text is rendered only when the timeline is asked for (a list page never asks).
Fact = tuple[dt.date, StepKind, str, Mapping[str, object], dt.date | None, int | None]


def render(fact: Fact) -> Step:
    day, kind, template, params, due, event = fact
    return Step(day, kind, _FORMATTER.vformat(template, (), params), due=due, event=event)


class _Opening(Protocol):
    """What the opening steps are derived from (a :class:`~gongkai.clock.ClockResult`)."""

    @property
    def case(self) -> Case: ...
    @property
    def settings(self) -> ClockSettings: ...
    @property
    def calendar(self) -> WorkCalendar: ...
    @property
    def received(self) -> dt.date: ...
    @property
    def receipt_event(self) -> int: ...
    @property
    def regime(self) -> str: ...
    @property
    def original_reply_due(self) -> dt.date: ...
    @property
    def correction_notice_due(self) -> dt.date | None: ...


def opening_facts(result: _Opening) -> list[Fact]:
    """Submission, receipt (and why), the governing text, and the first limits.

    Derived when the timeline is read rather than recorded by the clock, because every case
    has them and a list page never reads them.
    """
    case, settings = result.case, result.settings
    regime = REGIMES[result.regime]
    facts: list[Fact] = []
    params: dict[str, object]
    for event in case.events:
        if event.type is EventType.SUBMITTED and event.index != result.receipt_event:
            params = {"channel": CHANNEL_LABELS[case.channel]}
            facts.append(
                (
                    event.date,
                    StepKind.SUBMITTED,
                    "申请人提交申请（{channel}）",
                    params,
                    None,
                    event.index,
                )
            )
    receipt = next(e for e in case.events if e.index == result.receipt_event)
    reopening = receipt.type is EventType.REOPENED
    facts.append(
        (
            result.received,
            StepKind.RECEIVED,
            ("收到责令重新答复的决定书或判决书{decision}。" if reopening else "收到申请。")
            + "{reason}；期限{start}，第1个工作日为{first:w}",
            {
                "decision": f"（{receipt.decision}）" if receipt.decision else "",
                "reason": RECEIPT_RULES[case.channel].reason,
                "start": "自次日起计算" if settings.count_from_next_day else "当日计入",
                "first": count_workdays(result.calendar, settings, result.received, 1),
            },
            None,
            result.receipt_event,
        )
    )
    if regime is not REGIME_2019:
        template = (
            "2019年5月15日前收到的申请适用{name}：答复期限{reply}个工作日，延长不超过{most}个工作日"
        )
        params = {
            "name": regime.name,
            "reply": regime.reply_workdays,
            "most": regime.extension_max_workdays,
        }
        facts.append((result.received, StepKind.REGIME, template, params, None, None))
    due = result.original_reply_due
    if reopening:
        period = receipt.period or settings.reopening_workdays
        moved = receipt.unit == "days" and due != result.received + dt.timedelta(days=period)
        template = "重新答复的期限：{source}自收到之日起{period}{unit}{moved}"
        params = {
            "source": "决定书或判决书确定，"
            if receipt.period
            else "决定书或判决书未写明期限，按设置",
            "period": period,
            "unit": PERIOD_UNITS[receipt.unit or "workdays"],
            "moved": "；期间最后一日为休息日，顺延至其后的第一个工作日（民法典第二百零三条）"
            if moved
            else "",
        }
    else:
        template = "答复期限（未计补正、暂停和延长）：收到申请之日起{reply}个工作日（{article}）"
        params = {"reply": regime.reply_workdays, "article": regime.reply_article}
    facts.append((due, StepKind.REPLY_DUE, template, params, due, None))
    if result.correction_notice_due is not None:
        template = "补正告知期限：申请内容不明确的，应在收到申请之日起{days}个工作日内一次性告知（第三十条）"
        params = {"days": regime.correction_notice_workdays}
        facts.append(
            (
                result.correction_notice_due,
                StepKind.CORRECTION_NOTICE_DUE,
                template,
                params,
                None,
                None,
            )
        )
    return facts


class _Closing(Protocol):
    @property
    def reply_due(self) -> dt.date: ...
    @property
    def original_reply_due(self) -> dt.date: ...
    @property
    def counted_to_due(self) -> bool: ...
    @property
    def overdue(self) -> bool | None: ...
    @property
    def overdue_workdays(self) -> int: ...
    @property
    def as_of(self) -> dt.date | None: ...
    @property
    def replied_on(self) -> dt.date | None: ...
    @property
    def provisional_years(self) -> tuple[int, ...]: ...


def provisional_text(years: Iterable[int]) -> str:
    names = "、".join(f"{y}年" for y in years)
    return (
        f"{names}尚未载入国务院节假日安排通知：暂按{PROVISIONAL_RULE}；"
        f"{PROVISIONAL_CAVEAT}。结果为暂定；载入通知后重新计算"
    )


def closing_facts(result: _Closing) -> list[Fact]:
    """The resulting due date, whether it has passed, and whether it is provisional."""
    facts: list[Fact] = []
    due = result.reply_due
    if result.counted_to_due and due != result.original_reply_due:
        facts.append((due, StepKind.REPLY_DUE, "答复期限（计入补正、暂停和延长后）", {}, due, None))
    if result.overdue and result.as_of is not None and result.replied_on is None:
        template = "答复期限{due}已届满，截至{today}超期{late}个工作日"
        params = {"due": due, "today": result.as_of, "late": result.overdue_workdays}
        facts.append((due + dt.timedelta(days=1), StepKind.OVERDUE, template, params, None, None))
    if result.provisional_years:
        first = dt.date(result.provisional_years[0], 1, 1)
        text = provisional_text(result.provisional_years)
        facts.append((first, StepKind.PROVISIONAL, "{text}", {"text": text}, None, None))
    return facts


# How far a make-up working day may lie from its holiday to be told in the same step.
_MAKEUP_NEAR = dt.timedelta(days=21)


def _provisional_basis(days: list[DayInfo]) -> str:
    """What a provisional holiday block rests on: the version and article of the 办法 for the
    holidays, which days are days in lieu and why, and that the notice may still differ."""
    citations: dict[str, None] = {}
    in_lieu: dict[InLieu, list[dt.date]] = {}
    for info in days:
        statutory = provisional_days_off(info.date.year).get(info.date)
        if statutory is None:  # not from the 办法 (cannot happen today): say where from
            citations.setdefault(info.source, None)
            continue
        citations.setdefault(f"{statutory.version.citation}{HOLIDAYS_ARTICLE}", None)
        if statutory.lieu is not None:
            in_lieu.setdefault(statutory.lieu, []).append(info.date)
    parts = [f"暂定，尚未载入当年国务院通知：节日按{'、'.join(citations)}推算"]
    for lieu, dates in in_lieu.items():
        names = "、".join(cn_date(d, year=False, weekday_name=True) for d in dates)
        if lieu is InLieu.WEEKEND:
            parts.append(f"{names}为适逢周六、周日的节日的补假日（{IN_LIEU_ARTICLE}，暂定）")
        else:
            parts.append(f"{names}为与其他节日重合的节日的补假日（暂定）")
    parts.append("国务院通知可能另行安排调休，载入后以通知为准")
    return "；".join(parts)


def _block_text(block: list[DayInfo], makeups: list[DayInfo]) -> str:
    names = "、".join(dict.fromkeys(d.name or "节假日" for d in block))
    text = f"{names}放假，不计入"
    provisional = [d for d in block if d.provisional]
    if provisional:
        text += f"（{_provisional_basis(provisional)}）"
    if makeups:
        days = "、".join(cn_date(d.date, year=False, weekday_name=True) for d in makeups)
        text += f"；{days}调休上班，计入"
    return text


def calendar_steps(calendar: WorkCalendar, spans: Iterable[tuple[dt.date, dt.date]]) -> list[Step]:
    """Holiday blocks and make-up working days inside the counted spans ``(after, through]``."""
    days: dict[dt.date, DayInfo] = {}
    for after, through in spans:
        for info in calendar.special_days(after, through):
            days[info.date] = info
    ordered = sorted(days.values(), key=lambda d: d.date)
    blocks: list[list[DayInfo]] = []
    makeups = [d for d in ordered if d.kind is DayKind.MAKEUP]
    for info in ordered:
        if info.kind is not DayKind.HOLIDAY:
            continue
        if blocks and (info.date - blocks[-1][-1].date).days == 1:
            blocks[-1].append(info)
        else:
            blocks.append([info])
    told: set[dt.date] = set()
    steps = []
    for block in blocks:
        names = {d.name for d in block}
        near = [
            m
            for m in makeups
            if m.date not in told
            and m.name in names
            and block[0].date - _MAKEUP_NEAR <= m.date <= block[-1].date + _MAKEUP_NEAR
        ]
        told.update(m.date for m in near)
        end = block[-1].date if len(block) > 1 else None
        steps.append(Step(block[0].date, StepKind.HOLIDAY, _block_text(block, near), end=end))
    for makeup in makeups:
        if makeup.date not in told:
            text = f"{weekday(makeup.date)}，{makeup.name or '节假日'}调休上班，计入"
            steps.append(Step(makeup.date, StepKind.MAKEUP, text))
    return steps


__all__ = [
    "Fact",
    "Step",
    "StepKind",
    "calendar_steps",
    "closing_facts",
    "opening_facts",
    "provisional_text",
    "render",
]
