"""The case actions as a table: form, service call, the right they need, when they apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms

from gongkai.clock import ClockResult, Status
from gongkai.clock.settings import REGIMES
from gongkai.web.accounts import permissions
from gongkai.web.cases import forms, services
from gongkai.web.cases.models import Case, Consultation, ExtensionRequest

Data = dict[str, Any]


def _consultation(case: Case, data: Data) -> Consultation:
    return Consultation.objects.get(case=case, pk=data.get("ref") or 0)  # 0: none such


def _extension(case: Case, data: Data) -> ExtensionRequest:
    return ExtensionRequest.objects.get(case=case, pk=data.get("ref") or 0)  # 0: none such


def _fields(data: Data, *names: str) -> Data:
    return {n: data[n] for n in names if data.get(n) not in (None, "")}


@dataclass(frozen=True)
class Facts:
    """What decides which actions apply (computed once per page)."""

    case: Case
    result: ClockResult
    served: bool
    pending_extension: ExtensionRequest | None
    open_consultations: list[Consultation]
    fee_unpaid: bool

    @property
    def open(self) -> bool:
        return self.case.replied_on is None

    @property
    def extension_cap(self) -> int:
        return REGIMES[self.result.regime].extension_max_workdays

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def handling(self) -> bool:
        return self.open and self.status in (Status.RUNNING, Status.PAUSED)


@dataclass(frozen=True)
class Action:
    key: str
    title: str
    form: type[django_forms.Form]
    run: Callable[[Case, Any, Data], Any]
    applies: Callable[[Facts], bool]
    right: str = "edit"
    done: str = "已保存。"
    # the clock event the action records, when the law times it (a warning before a late step)
    clock_event: str | None = None


ACTIONS: dict[str, Action] = {
    a.key: a
    for a in (
        Action(
            "review",
            "审核",
            forms.ReviewForm,
            lambda c, u, d: services.review(
                c,
                u,
                version=d["version"],
                **_fields(d, "note", "responsible_agency"),
                complete=d["complete"],
                clear=d["clear"],
                ours=d["ours"],
            ),
            lambda f: f.handling,
            done="审核结果已记录。",
        ),
        Action(
            "assign",
            "指定经办人",
            forms.AssignForm,
            lambda c, u, d: services.assign(c, u, d["handler"], version=d["version"]),
            lambda f: f.open,
            done="经办人已指定。",
        ),
        Action(
            "correction",
            "告知补正",
            forms.CorrectionForm,
            lambda c, u, d: services.request_correction(
                c,
                u,
                version=d["version"],
                date=d["date"],
                items=d["items"].splitlines(),
                limit_workdays=d.get("limit_workdays"),
            ),
            lambda f: f.status is Status.RUNNING and f.open and f.result.correction_limit is None,
            done="补正告知已记录，可生成补正告知书；送达申请人后请登记送达，补正期限自送达之日起计算。",
            clock_event="correction_requested",
        ),
        Action(
            "correction_received",
            "收到补正",
            forms.CorrectionReceivedForm,
            lambda c, u, d: services.receive_correction(
                c, u, version=d["version"], date=d["date"], **_fields(d, "note", "description")
            ),
            lambda f: (
                f.open
                and f.status in (Status.AWAITING_CORRECTION, Status.DEEMED_WITHDRAWN)
                and f.result.correction_notice_late is not None
                and f.case.events.filter(kind="correction_received").count() == 0
            ),
            done="补正已记录，答复期限重新计算。",
        ),
        Action(
            "consultation",
            "征求意见",
            forms.ConsultationForm,
            lambda c, u, d: services.send_consultation(
                c,
                u,
                version=d["version"],
                date=d["date"],
                party=d["party"],
                kind=d["kind"],
                address=d.get("address", ""),
            ),
            lambda f: f.handling,
            done="征求意见函已记录，征求意见期间不计入答复期限；对方收到后请登记送达，意见期限自送达之日起计算。",
            clock_event="consultation_sent",
        ),
        Action(
            "consultation_answer",
            "收到意见",
            forms.ConsultationAnswerForm,
            lambda c, u, d: services.answer_consultation(
                _consultation(c, d),
                u,
                version=d["version"],
                date=d["date"],
                opinion=d.get("opinion", ""),
                agrees=d.get("agrees"),
            ),
            lambda f: f.open and bool(f.open_consultations),
            done="第三方意见已记录。",
        ),
        Action(
            "fee",
            "收费通知",
            forms.FeeForm,
            lambda c, u, d: services.send_fee_notice(
                c,
                u,
                version=d["version"],
                date=d["date"],
                scheme=d["scheme"],
                pages=d.get("pages"),
                payment_method=d.get("payment_method", ""),
            ),
            lambda f: f.handling and not f.fee_unpaid,
            done="收费通知已记录；申请人收到后请登记送达，缴费期限自送达次日起计算。",
            clock_event="fee_notice_sent",
        ),
        Action(
            "payment",
            "登记缴费",
            forms.PaymentForm,
            lambda c, u, d: services.record_payment(
                c, u, version=d["version"], date=d["date"], note=d.get("note", "")
            ),
            lambda f: f.open and f.fee_unpaid,
            done="缴费已登记，恢复计算答复期限。",
        ),
        Action(
            "extension_request",
            "申请延期",
            forms.ExtensionRequestForm,
            lambda c, u, d: services.request_extension(
                c, u, version=d["version"], workdays=d["workdays"], reason=d["reason"]
            ),
            lambda f: (
                f.handling
                and (f.result.extension_workdays or 0) < f.extension_cap
                and f.pending_extension is None
            ),
            done="延期申请已提交负责人审批。",
            clock_event="extended",
        ),
        Action(
            "extension_decide",
            "审批延期",
            forms.ExtensionDecisionForm,
            lambda c, u, d: services.decide_extension(
                _extension(c, d),
                u,
                version=d["version"],
                approve=d["approve"],
                date=d["date"],
                note=d.get("note", ""),
            ),
            lambda f: f.open and f.pending_extension is not None,
            right="approve",
            done="延期审批已记录。",
            clock_event="extended",
        ),
        Action(
            "deferral",
            "确定延迟答复期限（第三十五条）",
            forms.DeferralForm,
            lambda c, u, d: services.defer_reply(
                c, u, version=d["version"], date=d["date"], until=d["until"], reason=d["reason"]
            ),
            lambda f: f.open and f.status is Status.RUNNING,
            right="approve",
            done="延迟答复的期限已记录，请书面告知申请人并登记送达。",
            clock_event="deferred",
        ),
        Action(
            "notice_service",
            "登记告知书送达",
            forms.NoticeServiceForm,
            lambda c, u, d: services.record_notice_service(
                c,
                u,
                version=d["version"],
                date=d["date"],
                notice=d["notice"],
                method=d["method"],
                note=d.get("note", ""),
            ),
            lambda f: f.open and bool(f.result.unserved),
            done="送达已登记，对方的期限自送达之日起计算。",
        ),
        Action(
            "reply",
            "答复",
            forms.ReplyForm,
            lambda c, u, d: services.reply(
                c,
                u,
                version=d["version"],
                date=d["date"],
                outcome_key=d["outcome"],
                **_fields(d, *services.REPLY_FIELDS),
            ),
            lambda f: f.handling or (f.open and f.status is Status.AWAITING_CORRECTION),
            done="答复已记录，可生成答复书。",
        ),
        Action(
            "confirm_withdrawal",
            "确认视为放弃申请",
            forms.ConfirmWithdrawalForm,
            lambda c, u, d: services.confirm_withdrawal(c, u, version=d["version"], date=d["date"]),
            lambda f: f.open and f.result.withdrawal is not None,
            done="已按视为放弃申请办结。",
        ),
        Action(
            "withdraw",
            "申请人撤回",
            forms.WithdrawForm,
            lambda c, u, d: services.withdraw(
                c, u, version=d["version"], date=d["date"], reason=d["reason"]
            ),
            lambda f: f.open,
            done="已按申请人撤回办结。",
        ),
        Action(
            "service",
            "送达",
            forms.ServiceForm,
            lambda c, u, d: services.record_service(
                c,
                u,
                version=d["version"],
                date=d["date"],
                method=d["method"],
                note=d.get("note", ""),
            ),
            lambda f: not f.open and not f.served,
            done="送达已记录。",
        ),
        Action(
            "archive",
            "归档",
            forms.ArchiveForm,
            lambda c, u, d: services.archive(c, u, version=d["version"], date=d["date"]),
            lambda f: not f.open and f.served and f.case.archived_on is None,
            done="案件已归档。",
        ),
    )
}


def facts(case: Case, result: ClockResult) -> Facts:
    kinds = [kind for kind, *_ in services.handling_rows(case)]  # the handling under way
    fee_unpaid = "fee_notice_sent" in kinds and kinds.count("fee_notice_sent") > kinds.count(
        "fee_paid"
    )
    return Facts(
        case=case,
        result=result,
        served="served" in kinds,
        pending_extension=case.extensions.filter(approved__isnull=True).first(),
        open_consultations=list(case.consultations.filter(answered_on__isnull=True)),
        fee_unpaid=fee_unpaid,
    )


def allowed(action: Action, user: Any, case: Case, f: Facts) -> bool:
    if case.archived_on is not None:
        return False
    return permissions.can(user, action.right, case.agency) and action.applies(f)
