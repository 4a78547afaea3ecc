"""Service of notices (送达): the periods given to the applicant or a third party run from it.

The correction notice (Art. 30), the consultation letter (Arts. 32, 34: 自收到征求意见书之日起)
and the fee notice (国办函〔2020〕109号: 自收到收费通知的次日起) each give their addressee a
period counted from receipt. Until a ``notice_served`` event records how and when the notice
reached them, that period has not started: no withdrawal and no end of a silent
consultation is declared on the strength of the sending date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from gongkai.clock.events import EVENT_LABELS, SERVICE_METHODS, Event, EventType
from gongkai.clock.state import SK_SERVED, RunState, error

# What starts when each notice is served, as staff read it.
SERVICE_STARTS: dict[EventType, str] = {
    EventType.CORRECTION_REQUESTED: "补正期限自送达之日起计算",
    EventType.CONSULTATION_SENT: "提出意见的期限自送达之日起计算",
    EventType.FEE_NOTICE_SENT: "缴费期限自送达次日起计算",
    EventType.EXTENDED: "已告知申请人延长答复期限（第三十三条第二款）",
    EventType.DEFERRED: "已告知申请人延迟答复的期限（第三十五条）",
}


class ServiceRules(RunState):
    """``notice_served``; the engine names, per notice kind, the rule whose period starts."""

    __slots__ = ()
    _starts_on_service: ClassVar[dict[EventType, Callable[[Any, Event, Event], None]]] = {}

    def _notice_served(self, event: Event) -> None:
        kind = event.notice
        assert kind is not None  # required by the parser
        target = self._unserved(kind, event)
        label = EVENT_LABELS[kind]
        if target is None:
            raise error(event, f"没有尚未送达的“{label}”（应先有 {kind.value} 事件）")
        self.served[target.index] = event.date
        self._step(
            event.date,
            SK_SERVED,
            "{label}（事件 #{target}）{method}：{starts}",
            event=event.index,
            label=label,
            target=target.index,
            method=SERVICE_METHODS[event.method or ""],
            starts=SERVICE_STARTS[kind],
        )
        starts = self._starts_on_service.get(kind)
        if starts is not None:
            starts(self, target, event)

    def _unserved(self, kind: EventType, served: Event) -> Event | None:
        """The latest notice of ``kind`` before ``served`` not yet served (matching the party)."""
        found = None
        for candidate in self.events:
            if candidate is served:
                break
            if candidate.type is not kind or candidate.index in self.served:
                continue
            if served.party is not None and candidate.party not in (None, served.party):
                continue
            found = candidate
        return found


__all__ = ["SERVICE_STARTS", "ServiceRules"]
