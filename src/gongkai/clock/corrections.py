"""Correction (补正, Art. 30): the notice, the applicant's limit, and the restart.

The notice must go out within 7 working days of receipt; the applicant's limit runs from
the day the notice is served (it says 自收到本告知书之日起); the reply period restarts on
the day the corrected application arrives. A notice sent after the reply period has run
out restarts nothing; one sent after the 7 days restarts only when the setting says so.
"""

from __future__ import annotations

from gongkai.calendar import cn_date
from gongkai.clock.counting import correction_notice_due
from gongkai.clock.events import Event
from gongkai.clock.state import (
    SK_CORRECTION_LIMIT,
    SK_CORRECTION_REQUESTED,
    SK_NOTE,
    SK_RESTART,
    ST_AWAITING_CORRECTION,
    ST_RUNNING,
    RunState,
    error,
)
from gongkai.outcomes import outcome_label

_NO_EFFECT = "不重新计算答复期限，也不产生视为放弃申请的后果；答复期限仍为{due}"


class CorrectionRules(RunState):
    __slots__ = ()

    def _correction_requested(self, event: Event) -> None:
        article = self.regime.correction_article
        if self.correction is not None and self.regime.single_correction:
            raise error(
                event,
                f"补正应一次性告知（{article}），已于 {self.correction.date} 发出"
                f"（事件 #{self.correction.index}）",
            )
        if self.open:
            raise error(event, "征求意见或收费暂停期间不能发出补正告知")
        self._require_running(event)
        self.correction = event
        # computed here, not for every case: most cases never need a correction
        notice_due = correction_notice_due(self.calendar, self.settings, self.regime, self.received)
        after_notice_due = notice_due is not None and event.date > notice_due
        self.correction_late = after_notice_due
        no_effect = _NO_EFFECT.format(due=cn_date(self.due))
        if self._period_over(event.date):
            self.correction_late = True
            self.correction_effective = False
            self._late(event, self.due, f"补正告知应在答复期限内发出（{article}）", no_effect)
            return
        if after_notice_due and notice_due is not None:
            rule = f"应自收到申请之日起{self.regime.correction_notice_workdays}个工作日内一次性告知（{article}）"
            if not self.settings.late_correction_restarts:
                self.correction_effective = False
                self._late(event, notice_due, rule, "按设置，" + no_effect)
                return
            self._late(event, notice_due, rule, "按设置，答复期限仍自收到补正之日起重新计算")
        self.correction_effective = True
        self.servable.append(event)
        self.spans.append((self.span_start, min(event.date, self.due)))
        self.status = ST_AWAITING_CORRECTION
        self._step(
            event.date,
            SK_CORRECTION_REQUESTED,
            "发出补正告知，答复期限停止计算，收到补正之日起重新计算；"
            "补正期限自申请人收到告知书之日起计算（待登记送达）",
            event=event.index,
        )

    def _correction_served(self, event: Event, served: Event) -> None:
        """The correction notice reached the applicant: the limit starts (Art. 30)."""
        if not self.correction_effective or self.status is not ST_AWAITING_CORRECTION:
            return
        workdays = event.limit_workdays or self.settings.correction_limit_workdays
        self.correction_limit = self._count(served.date, workdays)
        self._step(
            self.correction_limit,
            SK_CORRECTION_LIMIT,
            "补正期限：自申请人收到补正告知书（{served}）次日起{days}个工作日（{source}）；"
            "无正当理由逾期不补正的，视为放弃申请（{article}，办理结果：{outcome}）",
            event=event.index,
            served=served.date,
            days=workdays,
            source="补正告知写明" if event.limit_workdays else "默认设置",
            article=self.regime.correction_article,
            outcome=outcome_label("other_1"),
        )

    def _correction_received(self, event: Event) -> None:
        if self.correction is not None and not self.correction_effective:
            self._step(
                event.date,
                SK_NOTE,
                "收到补正；补正告知未发生效力，答复期限不重新计算",
                event=event.index,
            )
            return
        limit = self.correction_limit
        if self.status is not ST_AWAITING_CORRECTION:
            raise error(event, "没有等待补正的补正告知（应先有 correction_requested 事件）")
        self.due = self._count(event.date, self.regime.reply_workdays)
        self.span_start = event.date
        self.status = ST_RUNNING
        template = "收到补正，答复期限重新计算：自收到补正之日起{reply}个工作日（{article}）"
        if limit is not None and event.date > limit:
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
