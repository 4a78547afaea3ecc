"""Pauses (consultation, Arts. 32–33; fee notice, 国办函〔2020〕109号) and how they end.

On the pause day the working days after it up to and including the due date are frozen;
when the last open pause ends, due = resume day + the frozen days (spec §3).
"""

from __future__ import annotations

import datetime as dt

from gongkai.calendar import cn_date
from gongkai.clock.events import Event
from gongkai.clock.state import (
    EV_CONSULTATION_SENT,
    EV_FEE_NOTICE_SENT,
    FEE_BASIS,
    SK_CONSULTATION_LIMIT,
    SK_FEE_LIMIT,
    SK_NOTE,
    SK_PAUSE,
    SK_RESUME,
    ST_PAUSED,
    ST_RUNNING,
    Pause,
    RunState,
    error,
)
from gongkai.outcomes import outcome_label


class PauseRules(RunState):
    __slots__ = ()

    def _consultation_sent(self, event: Event) -> None:
        self._require_running(event)
        agency = event.consultee == "agency"
        article = (
            self.regime.agency_consultation_article if agency else self.regime.consultation_article
        )
        party = f"（{event.party}）" if event.party else ""
        whom = "其他行政机关" if agency else "第三方"
        late = self._period_over(event.date)
        if late:
            self._late(
                event,
                self.due,
                f"征求意见应在答复期限内进行（{article}、{self.regime.pause_article}）",
                "不暂停计算，案件仍按原答复期限计算",
            )
        self.servable.append(event)
        self._pause(
            Pause(EV_CONSULTATION_SENT, event.date, None, event),
            f"发出征求意见函{party}，征求{whom}意见的时间不计入答复期限"
            f"（{article}、{self.regime.pause_article}）；{whom}的意见期限自收到征求意见书之日起计算",
        )

    def _consultation_served(self, event: Event, served: Event) -> None:
        """The letter reached the consulted party: its 15 working days start (Arts. 32, 34)."""
        pause = next((p for p in (*self.open, *self.expired) if p.event is event), None)
        if pause is None or not self.regime.consultation_limited:
            return
        agency = event.consultee == "agency"
        days = self.settings.consultation_limit_workdays
        pause.limit = self._count(served.date, days)
        self.consultation_limits.append(pause.limit)
        self._step(
            pause.limit,
            SK_CONSULTATION_LIMIT,
            "征求意见期限：{whom}自收到征求意见书（{served}）次日起{days}个工作日内提出意见（{article}）；"
            "{after}",
            event=event.index,
            whom="被征求意见机关" if agency else "第三方",
            served=served.date,
            days=days,
            article=self.regime.agency_consultation_article
            if agency
            else self.regime.consultation_article,
            after="逾期未提出意见的，视为同意公开，恢复计算"
            if agency
            else "逾期未提出意见的，恢复计算，由本机关依法决定",
        )

    def _consultation_answered(self, event: Event) -> None:
        def matches(p: Pause) -> bool:
            same = event.party is None or p.event.party in (None, event.party)
            return p.kind is EV_CONSULTATION_SENT and same

        pause = next((p for p in self.open if matches(p)), None)
        if pause is not None:
            self._close(pause, event.date, "收到第三方意见", event.index)
            return
        late = next((p for p in self.expired if matches(p) and not p.answered), None)
        if late is None:
            raise error(event, "没有未答复的征求意见函（应先有 consultation_sent 事件）")
        late.answered = True
        self._step(
            event.date,
            SK_NOTE,
            "收到第三方意见，已晚于征求意见期限{limit}，不再暂停计算",
            event=event.index,
            limit=late.limit,
        )

    def _fee_notice_sent(self, event: Event) -> None:
        self._require_running(event)
        if self.fee is not None and not self.fee_paid:
            raise error(event, f"收费通知（事件 #{self.fee.event.index}）尚未缴费，不能再发")
        if self._period_over(event.date):
            self.ineffective_fees.append(event)
            self._late(
                event,
                self.due,
                f"收费通知应在答复期限内发出（{FEE_BASIS}）",
                "不暂停计算答复期限，逾期未缴费也不视为放弃申请",
            )
            return
        self.fee = Pause(EV_FEE_NOTICE_SENT, event.date, None, event)
        self.fee_paid = False
        self.servable.append(event)
        if self.settings.fee_pause:
            self._pause(self.fee, "发出收费通知，至缴费之日的时间不计入答复期限（设置）")
        else:
            self._step(
                event.date,
                SK_NOTE,
                "发出收费通知；按设置，收费期间答复期限照常计算",
                event=event.index,
            )

    def _fee_served(self, event: Event, served: Event) -> None:
        """The fee notice reached the applicant: 20 working days from the next day (109号)."""
        fee = self.fee
        if fee is None or fee.event is not event or self.fee_paid:
            return
        days = self.settings.fee_payment_workdays
        # 109号 counts from the day after receipt whatever the general counting policy
        fee.limit = self.calendar.add_workdays(served.date, days)
        self._step(
            fee.limit,
            SK_FEE_LIMIT,
            "缴费期限：自申请人收到收费通知（{served}）次日起{days}个工作日（{basis}）；"
            "逾期未缴纳的，视为放弃申请（办理结果：{outcome}）",
            event=event.index,
            served=served.date,
            days=days,
            basis=FEE_BASIS,
            outcome=outcome_label("other_2"),
        )

    def _fee_paid(self, event: Event) -> None:
        fee = self.fee
        if (fee is None or self.fee_paid) and self.ineffective_fees:
            self._step(event.date, SK_NOTE, "申请人缴费（收费通知未发生效力）", event=event.index)
            return
        if fee is None or self.fee_paid:
            raise error(event, "没有待缴费的收费通知（应先有 fee_notice_sent 事件）")
        self.fee_paid = True
        reason = "申请人缴费"
        if fee.limit is not None and event.date > fee.limit:
            reason += f"（晚于缴费期限{cn_date(fee.limit)}，是否受理由工作人员决定）"
        if fee in self.open:
            self._close(fee, event.date, reason, event.index)
        else:
            self._step(event.date, SK_NOTE, "{reason}", event=event.index, reason=reason)

    # ---- pauses --------------------------------------------------------------------------

    def _pause(self, pause: Pause, reason: str) -> None:
        day = pause.start
        index = pause.event.index
        if self.open:
            self.open.append(pause)
            self._step(day, SK_NOTE, "{reason}；答复期限已在暂停中", event=index, reason=reason)
            return
        self.open.append(pause)
        self.paused_since = day
        remaining = self.calendar.workdays_between(day, self.due)
        self.spans.append((self.span_start, min(day, self.due)))
        self.status = ST_PAUSED
        if remaining < 0:
            self.frozen = None
            template = "{reason}；但答复期限已于{current}届满，暂停不改变期限"
        else:
            self.frozen = remaining
            template = "{reason}；暂停计算，答复期限内剩余{remaining}个工作日"
        self._step(
            day,
            SK_PAUSE,
            template,
            event=index,
            reason=reason,
            current=self.due,
            remaining=remaining,
        )

    def _close(self, pause: Pause, day: dt.date, reason: str, index: int | None) -> None:
        self.open.remove(pause)
        if self.open:
            self._step(day, SK_NOTE, "{reason}；其他暂停事项尚未结束", event=index, reason=reason)
            return
        self.status = ST_RUNNING
        if self.frozen is None:
            self._step(day, SK_RESUME, "{reason}，暂停结束", event=index, reason=reason)
            return
        remaining = self.frozen
        self.due = self._count(day, remaining)
        self.span_start = day
        self.frozen = None
        self._step(
            day,
            SK_RESUME,
            "{reason}，恢复计算：剩余{remaining}个工作日自次日起计算（{since}至{until}暂停，不计入）",
            due=self.due,
            event=index,
            reason=reason,
            remaining=remaining,
            since=self.paused_since or pause.start,
            until=day,
        )

    def _expire_consultations(self, before: dt.date) -> None:
        """Close consultations whose limit passed before ``before`` without an opinion."""
        if not self.open:
            return
        passed = [
            p
            for p in self.open
            if p.kind is EV_CONSULTATION_SENT and p.limit is not None and p.limit < before
        ]
        for pause in sorted(passed, key=lambda p: p.start):
            self.expired.append(pause)
            self._close(pause, pause.limit or before, "征求意见期限届满，未收到第三方意见", None)
