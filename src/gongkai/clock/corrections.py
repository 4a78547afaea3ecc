"""Correction (补正, Art. 30): the notice, the applicant's limit, and the restart."""

from __future__ import annotations

from gongkai.clock.counting import correction_notice_due
from gongkai.clock.events import Event
from gongkai.clock.state import (
    SK_CORRECTION_LIMIT,
    SK_CORRECTION_REQUESTED,
    SK_RESTART,
    ST_AWAITING_CORRECTION,
    ST_RUNNING,
    RunState,
    error,
)


class CorrectionRules(RunState):
    __slots__ = ()

    def _correction_requested(self, event: Event) -> None:
        if self.correction is not None and self.regime.single_correction:
            raise error(
                event,
                f"补正应一次性告知（{self.regime.correction_article}），已于 {self.correction.date} 发出"
                f"（事件 #{self.correction.index}）",
            )
        if self.open:
            raise error(event, "征求意见或收费暂停期间不能发出补正告知")
        self._require_running(event)
        self.correction = event
        workdays = event.limit_workdays or self.settings.correction_limit_workdays
        self.correction_limit = self._count(event.date, workdays)
        # computed here, not for every case: most cases never need a correction
        notice_due = correction_notice_due(self.calendar, self.settings, self.regime, self.received)
        self.correction_late = notice_due is not None and event.date > notice_due
        self.spans.append((self.span_start, min(event.date, self.due)))
        self.status = ST_AWAITING_CORRECTION
        template = "发出补正告知，答复期限停止计算，收到补正之日起重新计算"
        late = 0
        if notice_due is not None and self.correction_late:
            template += "；晚于补正告知期限{notice_due} {late}个工作日"
            late = self.calendar.workdays_between(notice_due, event.date)
        self._step(
            event.date,
            SK_CORRECTION_REQUESTED,
            template,
            event=event.index,
            notice_due=notice_due,
            late=late,
        )
        self._step(
            self.correction_limit,
            SK_CORRECTION_LIMIT,
            "补正期限：自补正告知次日起{days}个工作日（{source}）；"
            "无正当理由逾期不补正的，视为放弃申请（{article}，办理结果 other_1）",
            event=event.index,
            days=workdays,
            source="补正告知写明" if event.limit_workdays else "默认设置",
            article=self.regime.correction_article,
        )

    def _correction_received(self, event: Event) -> None:
        limit = self.correction_limit
        if self.status is not ST_AWAITING_CORRECTION or limit is None:
            raise error(event, "没有等待补正的补正告知（应先有 correction_requested 事件）")
        self.due = self._count(event.date, self.regime.reply_workdays)
        self.span_start = event.date
        self.status = ST_RUNNING
        template = "收到补正，答复期限重新计算：自收到补正之日起{reply}个工作日（{article}）"
        if event.date > limit:
            template += "；补正晚于补正期限{limit}，无正当理由的视为放弃申请，由工作人员决定"
        self._step(
            event.date,
            SK_RESTART,
            template,
            due=self.due,
            event=event.index,
            reply=self.regime.reply_workdays,
            limit=limit,
            article=self.regime.correction_article,
        )
