"""The statutory clock: a pure function from a case's event log to its deadlines (spec §3).

One model moves the due date for every event (spec §3, "How pauses and restarts move the
due date"):

- restart (correction received): due = restart day + 20 working days;
- pause (consultation sent; fee notice sent, when the fee pause is on): freeze the working
  days after the pause day up to and including the due date; on the resume day (opinion or
  payment received, or the 15-day consultation limit reached) due = resume day + frozen;
- extension: due = current due date + granted working days (≤ 20 in total);
- deferral (Art. 35): due = the later date the agency set.

A step the law ties to the reply period (extension, deferral, correction notice, consultation,
fee notice) taken after that period has run out is recorded and flagged as late
(:class:`~gongkai.clock.result.LateStep`) and moves nothing: lateness is never cured. The
periods given to the applicant or a third party run from the notice's service
(:mod:`gongkai.clock.service`).

Nothing here reads the clock on the wall: "as of" is the ``today`` argument. Steps are
recorded as templates with their values and rendered only when the timeline is read, so a
list page computing thousands of due dates pays for no text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gongkai.calendar import WorkCalendar, cn_date, default_calendar
from gongkai.clock.corrections import CorrectionRules
from gongkai.clock.counting import count_days, workdays_late
from gongkai.clock.events import CHANNEL_LABELS, Case, CaseError, Channel, Event, EventType
from gongkai.clock.pauses import PauseRules
from gongkai.clock.receipt import BEFORE_RECEIPT, RECEIPT_EVENTS, RECEIPT_RULES
from gongkai.clock.result import ClockResult, Withdrawal
from gongkai.clock.service import ServiceRules
from gongkai.clock.settings import DEFAULT_SETTINGS, ClockSettings, regime_for
from gongkai.clock.state import (
    EV_ARRIVED,
    EV_CONSULTATION_ANSWERED,
    EV_CONSULTATION_SENT,
    EV_CORRECTION_RECEIVED,
    EV_CORRECTION_REQUESTED,
    EV_DEFERRED,
    EV_EXTENDED,
    EV_FEE_NOTICE_SENT,
    EV_FEE_PAID,
    EV_NOTICE_SERVED,
    EV_REOPENED,
    EV_REPLIED,
    EV_SUBMITTED,
    FEE_BASIS,
    ONE_DAY,
    SK_ARRIVED,
    SK_DEEMED_WITHDRAWN,
    SK_DEFERRED,
    SK_EXTENSION,
    SK_NOTE,
    SK_REPLIED,
    ST_AWAITING_CORRECTION,
    ST_DEEMED_WITHDRAWN,
    ST_PAUSED,
    ST_REPLIED,
    ST_RUNNING,
    error,
)
from gongkai.clock.timeline import provisional_text
from gongkai.outcomes import UnknownOutcomeError, outcome


def compute(
    case: Case,
    *,
    today: dt.date | None = None,
    settings: ClockSettings = DEFAULT_SETTINGS,
    calendar: WorkCalendar | None = None,
) -> ClockResult:
    """All deadlines of ``case`` as of ``today`` (no as-of evaluation when ``None``).

    Raises :class:`CaseError` naming the event when the log is impossible.
    """
    return _Run(case, settings, calendar or default_calendar()).finish(today)


class _Run(CorrectionRules, PauseRules, ServiceRules):
    """One computation (private to :func:`compute`): receipt, events in date order, the end."""

    __slots__ = ()

    def __init__(self, case: Case, settings: ClockSettings, calendar: WorkCalendar) -> None:
        self.case = case
        self.settings = settings
        self.calendar = calendar
        self.facts = []
        self.spans = []
        self.rule = RECEIPT_RULES[case.channel]
        receipt, in_order = self._receipt()
        # stable sort: file order within a day; most logs arrive in order already
        self.events = case.events if in_order else tuple(sorted(case.events, key=_by_date))
        self.received = receipt.date
        self.regime = regime_for(self.received)
        self.status = ST_RUNNING
        self.due = self._first_due(receipt)
        self.original_due = self.due
        self.span_start = self.received
        self.correction = None
        self.correction_limit = None
        self.correction_late = None
        self.correction_effective = False
        self.open = []
        self.expired = []  # consultations closed by their limit
        self.consultation_limits = []
        self.fee = None
        self.fee_paid = False
        self.frozen = None  # working days left while paused; None: not moving
        self.paused_since = None
        self.extensions = []
        self.deferral = None
        self.late = []
        self.served = {}
        self.servable = []
        self.ineffective_fees = []
        self.replied = None
        self.awaiting_at_reply = False
        self.withdrawal = None
        self.receipt = receipt  # the opening steps are derived from it when rendered
        for event in self.events:
            if event is not receipt and event.type is not EV_SUBMITTED:
                self._apply(event)

    # ---- receipt -------------------------------------------------------------------------

    def _receipt(self) -> tuple[Event, bool]:
        """The event fixing the date of receipt, and whether the log is in date order."""
        rule = self.rule
        found: Event | None = None
        submitted: Event | None = None
        in_order = True
        previous: dt.date | None = None
        for event in self.case.events:
            if previous is not None and event.date < previous:
                in_order = False
            previous = event.date
            if event.type is EV_SUBMITTED:
                if submitted is not None:
                    raise error(event, f"重复的提交事件（已有事件 #{submitted.index}）")
                submitted = event
            if event.type is not rule.event and event.type in RECEIPT_EVENTS:
                label = CHANNEL_LABELS[self.case.channel]
                raise error(
                    event, f"此事件不适用于“{label}”的申请（收到日期以 {rule.event} 事件为准）"
                )
            if event.type is rule.event:
                if found is not None:
                    raise error(event, f"重复的收到申请事件（已有事件 #{found.index}）")
                found = event
        if found is None:
            label = CHANNEL_LABELS[self.case.channel]
            raise CaseError(f"“{label}”的申请应有 {rule.event} 事件：{rule.reason}", field="events")
        if submitted is not None and submitted.date > found.date:
            raise error(found, f"{found.date}早于提交申请之日 {submitted.date}")
        arrivals = [e for e in self.case.events if e.type is EV_ARRIVED]
        if arrivals and self.case.channel is not Channel.ORDINARY_LETTER:
            raise error(
                arrivals[0], "只有以平常信函提交的申请才登记信函到达日期（第三十一条第（二）项）"
            )
        if len(arrivals) > 1:
            raise error(arrivals[1], f"重复的信函到达事件（已有事件 #{arrivals[0].index}）")
        if arrivals and arrivals[0].date > found.date:
            raise error(arrivals[0], f"信函到达日期 {arrivals[0].date} 晚于确认之日 {found.date}")
        if len(self.case.events) > 1:
            for event in self.case.events:
                if event.type not in BEFORE_RECEIPT and event.date < found.date:
                    raise error(event, f"日期 {event.date} 早于收到申请之日 {found.date}")
        return found, in_order

    def _first_due(self, receipt: Event) -> dt.date:
        """20 (15) working days from receipt; for a new reply ordered by a 复议决定 or judgment,
        the period it set (working or calendar days) from its service, or the default."""
        if receipt.type is not EV_REOPENED:
            return self._count(receipt.date, self.regime.reply_workdays)
        period = receipt.period or self.settings.reopening_workdays
        if receipt.unit == "days":
            return count_days(self.calendar, receipt.date, period)
        return self._count(receipt.date, period)

    def _arrived(self, event: Event) -> None:
        """An ordinary letter's arrival: the office should confirm with the applicant that day."""
        received = self.received
        if event.date >= received:
            self._step(event.date, SK_ARRIVED, "平常信函到达，当日与申请人确认", event=event.index)
            return
        self._step(event.date, SK_ARRIVED, "平常信函到达", event=event.index)
        self._late(
            self.receipt,
            event.date,
            "以平常信函提交的，应于收到信函当日与申请人确认（第三十一条第（二）项）",
            f"收到申请之日仍以确认之日为准；确认迟延{(received - event.date).days}日，"
            "可能被认定为拖延办理",
        )

    def _apply(self, event: Event) -> None:
        self._expire_consultations(before=event.date)
        if self.replied is not None:
            raise error(event, f"答复（事件 #{self.replied.index}）之后不应再有事件")
        _HANDLERS[event.type](self, event)

    def _extended(self, event: Event) -> None:
        article = self.regime.reply_article
        workdays = event.workdays or 0
        most = self.regime.extension_max_workdays
        self._require_running(event)
        if self._period_over(event.date):
            self._late(
                event,
                self.due,
                f"需要延长答复期限的，应在答复期限内经负责人同意并告知申请人（{article}第二款）",
                "不发生延长效力，答复期限不变",
            )
            return
        granted = sum(e.workdays or 0 for e in self.extensions)
        if granted + workdays > most:
            raise CaseError(
                f"延长的期限合计最长{most}个工作日（{article}），已延长{granted}个工作日，"
                f"本次{workdays}个工作日",
                index=event.index,
                event_type=event.type.value,
                field="workdays",
            )
        self.extensions.append(event)
        self.servable.append(event)
        basis = "经政府信息公开工作机构负责人同意，延长答复期限{days}个工作日（{article}）"
        if granted:
            basis += "；连同此前延长，合计{total}个工作日（不超过{most}个工作日）"
        if self.open and self.frozen is not None:
            before = self.frozen
            self.frozen += workdays
            self._step(
                event.date,
                SK_EXTENSION,
                basis + "；暂停期间延长：恢复计算后剩余工作日由{before}个增至{after}个",
                event=event.index,
                days=workdays,
                article=article,
                total=granted + workdays,
                most=most,
                before=before,
                after=self.frozen,
            )
            return
        original = self.due
        self.due = self.calendar.add_workdays(original, workdays)
        self._step(
            event.date,
            SK_EXTENSION,
            basis + "，自延长前的答复期限{original}的次日起算",
            due=self.due,
            event=event.index,
            days=workdays,
            article=article,
            total=granted + workdays,
            most=most,
            original=original,
        )

    def _deferred(self, event: Event) -> None:
        """Art. 35: for a clearly excessive volume with good reasons, a later reasonable date."""
        self._require_running(event)
        rule = "确定延迟答复的合理期限应在答复期限内作出并告知申请人（第三十五条）"
        if self._period_over(event.date):
            self._late(event, self.due, rule, "答复期限不变")
            return
        if self.status is ST_PAUSED:
            raise error(event, "暂停计算期间不能确定延迟答复的期限（应在恢复计算后）")
        until = event.until
        assert until is not None  # required by the parser
        if until <= self.due:
            raise CaseError(
                f"延迟答复的期限 {until} 应晚于当前答复期限 {self.due}",
                index=event.index,
                event_type=event.type.value,
                field="until",
            )
        before = self.due
        self.due = until
        self.deferral = event
        self.servable.append(event)
        self._step(
            event.date,
            SK_DEFERRED,
            "申请公开的数量、频次明显超过合理范围，申请人说明的理由合理但无法在{before}前答复："
            "确定延迟答复的合理期限至{due}并告知申请人（第三十五条）",
            due=self.due,
            event=event.index,
            before=before,
        )

    def _replied(self, event: Event) -> None:
        try:
            found = outcome(event.outcome or "")
        except UnknownOutcomeError as exc:
            raise CaseError(
                str(exc), index=event.index, event_type=event.type.value, field="outcome"
            ) from None
        for pause in list(self.open):
            self._close(pause, event.date, "作出答复，暂停结束", None)
        self.replied = event
        self.awaiting_at_reply = self.status is ST_AWAITING_CORRECTION
        template = "作出答复，办理结果：{label}"  # the key is in the step's params, not in its text
        late = 0
        if self.status is ST_RUNNING:
            if event.date > self.due:
                late = workdays_late(self.calendar, self.due, event.date)
                template += "；晚于答复期限{due}，超期{late}个工作日"
            else:
                template += "；在答复期限{due}内"
        self.status = ST_REPLIED
        self._step(
            event.date,
            SK_REPLIED,
            template,
            event=event.index,
            label=found.label,
            key=found.key,
            due=self.due,
            late=late,
        )

    # ---- the end -------------------------------------------------------------------------

    def finish(self, today: dt.date | None) -> ClockResult:
        projected = False
        if self.replied is None:
            if today is not None:
                self._expire_consultations(before=today)
            projected = self._pending(today)
        counted = self.status is ST_RUNNING or (
            self.status is ST_REPLIED and not self.awaiting_at_reply
        )
        if counted:
            self.spans.append((self.span_start, self.due))
        overdue = self._overdue(today)
        last = self.due
        if self.correction_limit is not None or self.fee is not None or self.consultation_limits:
            for limit in (
                self.correction_limit,
                self.fee.limit if self.fee else None,
                *self.consultation_limits,
            ):
                if limit is not None and limit > last:
                    last = limit
        calendar = self.calendar
        years = calendar.provisional_years(self.received, last)
        provisional = bool(years)
        warnings: tuple[str, ...] = (provisional_text(years),) if years else ()
        if today is not None:
            missing, coverage = calendar.coverage(today)
            # said once: the case's own provisional warning already names a missing year
            if coverage is not None and missing not in years:
                warnings = (*warnings, coverage)
        return ClockResult(  # positional, in field order: this runs millions of times
            self.case.channel,  # channel
            self.received,  # received
            self.rule.reason,  # received_reason
            self.regime.key,  # regime
            self.status,  # status
            self.due,  # reply_due
            projected,  # reply_due_projected
            self.original_due,  # original_reply_due
            self.correction_late,  # correction_notice_late
            self.correction_limit,  # correction_limit
            tuple(self.consultation_limits),  # consultation_limits
            None if self.fee is None else self.fee.limit,  # fee_payment_limit
            sum(e.workdays or 0 for e in self.extensions) or None,  # extension_workdays
            None if self.replied is None else self.replied.date,  # replied_on
            None if self.replied is None else self.replied.outcome,  # outcome
            self.withdrawal,  # withdrawal
            provisional,  # provisional
            years,  # provisional_years
            counted,  # counted_to_due
            today,  # as_of
            overdue,  # overdue
            self._overdue_from(),  # overdue_from
            tuple(self.late),  # late_steps
            self._unserved_notices(),  # unserved
            warnings,  # warnings
            self.receipt.index,  # receipt_event
            self.case,  # case
            self.settings,  # settings
            tuple(self.facts),  # facts
            tuple(self.spans),  # counted_spans
            self.calendar,  # calendar
        )

    def _pending(self, today: dt.date | None) -> bool:
        """Settle what is still open as of ``today``; True when the due date is projected."""
        limit = self.correction_limit
        if self.status is ST_AWAITING_CORRECTION:
            if limit is None:  # the notice is not served yet: the limit has not started
                assert self.correction is not None
                served = max(today or self.correction.date, self.correction.date)
                workdays = self.correction.limit_workdays or self.settings.correction_limit_workdays
                limit = self._count(served, workdays)
                self._step(
                    served,
                    SK_NOTE,
                    "补正告知书尚未登记送达：补正期限自送达之日起计算，暂按{served}送达推算至{limit}",
                    served=served,
                    limit=limit,
                )
            elif today is not None and today > limit:
                self._withdraw(
                    limit,
                    "other_1",
                    f"补正期限{cn_date(limit)}届满，未收到补正，视为放弃申请（{self.regime.correction_article}）",
                )
            self.due = self._count(limit, self.regime.reply_workdays)
            return True
        fee = self.fee
        unpaid_limit = None if fee is None or self.fee_paid else fee.limit
        if unpaid_limit is not None and today is not None and today > unpaid_limit:
            reason = f"缴费期限{cn_date(unpaid_limit)}届满，未缴纳信息处理费，视为放弃申请（{FEE_BASIS}）"
            self._withdraw(unpaid_limit, "other_2", reason)
            return True
        if not self.open:
            return False
        if self.frozen is None:
            return False  # the due date had passed before the pause: it stays
        if all(p.limit is not None for p in self.open):
            resume = max(p.limit for p in self.open if p.limit is not None)
            template = (
                "暂停中：最迟于{resume}恢复计算，答复期限最晚为{due}；提前恢复的，期限相应提前"
            )
        else:  # a notice not yet served, or the 2007 text set the third party no limit
            resume = today or max(p.start for p in self.open)
            why = (
                "征求意见未设期限"
                if not self.regime.consultation_limited
                else "告知书尚未登记送达，对方的期限尚未起算"
            )
            template = "暂停中（" + why + "）：若于{resume}恢复计算，答复期限为{due}"
        self.due = self._count(resume, self.frozen)
        self.spans.append((resume, self.due))
        self._step(resume, SK_NOTE, template, due=self.due, resume=resume)
        return True

    def _overdue_from(self) -> dt.date | None:
        """The first day the case is overdue if nothing more happens (see ClockResult)."""
        if self.replied is not None or self.withdrawal is not None:
            return None
        if self.status is ST_RUNNING or (self.status is ST_PAUSED and self.frozen is None):
            return self.due + ONE_DAY
        if self.status is ST_PAUSED and all(
            p.kind is EV_CONSULTATION_SENT and p.limit is not None for p in self.open
        ):
            return self.due + ONE_DAY  # the projected due date once the last limit is reached
        return None

    def _unserved_notices(self) -> tuple[int, ...]:
        """Effective notices whose service is not recorded and still matters."""
        if self.replied is not None:
            return ()
        waiting = []
        for event in self.servable:
            if event.index in self.served:
                continue
            if event.type is EV_CONSULTATION_SENT and not any(p.event is event for p in self.open):
                continue  # answered or closed: its service no longer matters
            if event.type is EV_FEE_NOTICE_SENT and self.fee_paid:
                continue
            if event.type is EV_CORRECTION_REQUESTED and self.status is not ST_AWAITING_CORRECTION:
                continue
            waiting.append(event.index)
        return tuple(waiting)

    def _withdraw(self, limit: dt.date, key: str, reason: str) -> None:
        as_of = limit + ONE_DAY
        self.withdrawal = Withdrawal(as_of, key, reason)
        self.status = ST_DEEMED_WITHDRAWN
        self._step(
            as_of,
            SK_DEEMED_WITHDRAWN,
            "{reason}；办理结果为“{label}”（{key}），由工作人员作出告知",
            reason=reason,
            label=outcome(key).label,
            key=key,
        )

    def _overdue(self, today: dt.date | None) -> bool | None:
        """Replied after the due date, or not replied and the due date passed by ``today``."""
        if self.replied is not None:
            return not self.awaiting_at_reply and self.replied.date > self.due
        if today is None:
            return None
        if self.status is ST_RUNNING or (self.status is ST_PAUSED and self.frozen is None):
            return today > self.due
        return False


# What starts when a notice is served (correction limit, consultation limit, payment limit).
_Run._starts_on_service = {
    EV_CORRECTION_REQUESTED: _Run._correction_served,
    EV_CONSULTATION_SENT: _Run._consultation_served,
    EV_FEE_NOTICE_SENT: _Run._fee_served,
}

_HANDLERS: dict[EventType, Callable[[_Run, Event], None]] = {
    EV_CORRECTION_REQUESTED: _Run._correction_requested,
    EV_CORRECTION_RECEIVED: _Run._correction_received,
    EV_CONSULTATION_SENT: _Run._consultation_sent,
    EV_CONSULTATION_ANSWERED: _Run._consultation_answered,
    EV_FEE_NOTICE_SENT: _Run._fee_notice_sent,
    EV_FEE_PAID: _Run._fee_paid,
    EV_EXTENDED: _Run._extended,
    EV_DEFERRED: _Run._deferred,
    EV_NOTICE_SERVED: _Run._notice_served,
    EV_ARRIVED: _Run._arrived,
    EV_REPLIED: _Run._replied,
}


def _by_date(event: Event) -> dt.date:
    return event.date
