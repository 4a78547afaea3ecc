"""What an applicant sees of their application: plain-language status, dates, what to do.

Read-side only. It shows a whitelist of the case file — the applicant-facing events and the
clock's dates — never staff notes, reviews, handler names, third parties or other cases.
Dates come from the cases app's clock (``cases.services.compute``), never computed here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from gongkai.clock import RECEIPT_RULES, Channel, ClockResult, Status
from gongkai.letters import LETTER_TYPES
from gongkai.outcomes import OUTCOMES
from gongkai.web.cases import letters as case_letters
from gongkai.web.cases import services as case_services
from gongkai.web.cases.choices import APPLICANT_TYPE_LONG, DELIVERY_CHOICES, FORM_CHOICES
from gongkai.web.cases.models import Case, mask_id, mask_name
from gongkai.web.portal.models import OnlineApplication

# status key → (label, what it means for the applicant)
STATUS_TEXT: dict[str, tuple[str, str]] = {
    "submitted": (
        "已提交",
        "申请已通过本网站提交，等待机关确认收到。通过互联网提交的申请，以双方确认之日为收到申请之日（第三十一条第（三）项），答复期限自该日起计算。",
    ),
    "accepted": ("已受理", "机关已确认收到申请，正在办理。"),
    "declined": (
        "未受理",
        "机关未将本次提交作为政府信息公开申请受理，理由见下。如有疑问，请与受理机关联系；需要时可重新提交申请。",
    ),
    "extended": (
        "已延期",
        "经政府信息公开工作机构负责人同意，答复期限已延长（第三十三条第二款）。",
    ),
    "correction": (
        "需补正",
        "机关认为申请内容不明确，请按补正告知的要求在期限内补正。补正后答复期限自机关收到补正之日起重新计算（第三十条）。",
    ),
    "correction_submitted": (
        "补正材料已提交（待机关确认）",
        "您已通过本网站提交补正材料，等待机关确认收到。答复期限自机关收到补正之日起重新计算（第三十条）。",
    ),
    "consulting": (
        "征求意见中",
        "机关正在征求第三方或其他机关的意见，征求意见所需时间不计算在答复期限内（第三十三条第三款）。",
    ),
    "fee": ("待缴费", "机关已发出收费通知，请在期限内缴纳信息处理费；逾期未缴纳的，视为放弃申请。"),
    "deemed_withdrawn": (
        "视为放弃申请",
        "补正或缴费期限已届满，机关将依法作出视为放弃申请的处理。如有正当理由，请尽快与机关联系。",
    ),
    "replied": ("已答复", "机关已作出答复，可下载答复书。"),
    "archived": ("已归档", "机关已作出答复并归档。"),
}

# applicant-facing events only (every other kind in the case file is internal)
PUBLIC_EVENTS: dict[str, str] = {
    "submitted": "通过本网站提交申请",
    "confirmed": "机关确认收到申请（收到申请之日）",
    "correction_requested": "机关发出补正告知",
    "correction_received": "机关收到补正，答复期限重新计算",
    "consultation_sent": "机关征求意见（征求意见期间不计算在答复期限内）",
    "consultation_answered": "机关收到意见",
    "fee_notice_sent": "机关发出收费通知",
    "fee_paid": "机关确认收到信息处理费",
    "extended": "经负责人同意，答复期限延长 {workdays} 个工作日",
    "deferred": "申请数量、频次明显超过合理范围，机关确定延迟答复的期限（第三十五条）",
    "replied": "机关作出答复",
    "reopened": "行政复议或诉讼结果纠正，机关重新办理（答复期限重新计算）",
    "served": "答复书已送达",
    "archived": "归档",
}

# letters addressed to the applicant, besides the reply letter
APPLICANT_LETTERS = ("receipt", "correction", "extension", "fee")
CORRECTION_TODO = "请补正申请"
ONLINE_RECEIPT = RECEIPT_RULES[Channel.ONLINE].reason

_FORM_LABELS = dict(FORM_CHOICES)
_DELIVERY_LABELS = dict(DELIVERY_CHOICES)


@dataclass(frozen=True)
class Todo:
    """Something the applicant has to do, and by when."""

    title: str
    lines: tuple[str, ...]
    due: dt.date | None


@dataclass(frozen=True)
class Step:
    date: dt.date
    text: str


@dataclass(frozen=True)
class LetterLink:
    key: str
    name: str


@dataclass(frozen=True)
class PublicStatus:
    key: str
    label: str
    explanation: str
    received: dt.date | None
    received_reason: str
    reply_due: dt.date | None
    reply_due_note: str
    todos: tuple[Todo, ...]
    steps: tuple[Step, ...]
    replied_on: dt.date | None
    outcome: str  # the decision in words, once replied
    letters: tuple[LetterLink, ...]
    decline_reason: str = ""  # set when staff did not accept the submission

    @property
    def has_reply(self) -> bool:
        return self.replied_on is not None


def masked_email(email: str) -> str:
    local, at, domain = email.partition("@")
    if not at:
        return mask_id(email)
    return (local[:1] + "***" if local else "***") + "@" + domain


def applicant_summary(application: OnlineApplication) -> list[tuple[str, str]]:
    """The applicant as public pages may show them: masked, never the address."""
    source: Any = application.case or application
    rows = [
        ("申请人类型", APPLICANT_TYPE_LONG.get(source.applicant_type, source.applicant_type)),
        ("申请人", mask_name(source.applicant_name, source.applicant_type)),
        ("证件号码", mask_id(source.id_number)),
    ]
    if source.phone:
        rows.append(("联系电话", mask_id(source.phone)))
    if source.email:
        rows.append(("电子邮箱", masked_email(source.email)))
    return rows


def request_summary(application: OnlineApplication) -> list[tuple[str, str]]:
    """What the applicant asked for, in their words as submitted (Art. 29 ¶2 (二)(三)):
    the information wanted, the purpose, the form and the way of getting it."""
    rows = [("所需政府信息", application.description)]
    if application.purpose:
        rows.append(("用途", application.purpose))
    form = application.form_wanted
    rows.append(("载体形式", _FORM_LABELS.get(form, form)))
    delivery = application.delivery_wanted
    rows.append(("获取方式", _DELIVERY_LABELS.get(delivery, delivery)))
    return rows


def public_status(application: OnlineApplication, today: dt.date | None = None) -> PublicStatus:
    case = application.case
    if case is None and application.declined:
        label, explanation = STATUS_TEXT["declined"]
        assert application.declined_at is not None
        return PublicStatus(
            key="declined",
            label=label,
            explanation=explanation,
            received=None,
            received_reason="未受理的申请没有收到申请日期",
            reply_due=None,
            reply_due_note="",
            todos=(),
            steps=(
                Step(application.submitted_on, PUBLIC_EVENTS["submitted"]),
                Step(timezone.localdate(application.declined_at), "机关不予受理"),
            ),
            replied_on=None,
            outcome="",
            letters=(),
            decline_reason=application.decline_reason,
        )
    if case is None:
        label, explanation = STATUS_TEXT["submitted"]
        return PublicStatus(
            key="submitted",
            label=label,
            explanation=explanation,
            received=None,
            received_reason=ONLINE_RECEIPT,
            reply_due=None,
            reply_due_note="机关确认收到申请后计算",
            todos=(),
            steps=(Step(application.submitted_on, PUBLIC_EVENTS["submitted"]),),
            replied_on=None,
            outcome="",
            letters=(),
        )
    shown = _case_status(case, case_services.compute(case, as_of=today))
    return _with_pending_correction(application, shown)


def _with_pending_correction(application: OnlineApplication, shown: PublicStatus) -> PublicStatus:
    """While a correction sent here waits for staff, say so instead of asking for one."""
    if shown.key != "correction":
        return shown
    pending = application.corrections.filter(
        confirmed_at__isnull=True, declined_at__isnull=True
    ).first()
    if pending is None:
        return shown
    label, explanation = STATUS_TEXT["correction_submitted"]
    step = Step(pending.submitted_on, "通过本网站提交补正材料（待机关确认）")
    return dataclasses.replace(
        shown,
        key="correction_submitted",
        label=label,
        explanation=explanation,
        todos=tuple(t for t in shown.todos if t.title != CORRECTION_TODO),
        steps=(*shown.steps, step),
    )


Row = tuple[str, dt.date, Mapping[str, Any]]


def _case_status(case: Case, result: ClockResult) -> PublicStatus:
    rows: list[Row] = list(case.events.order_by("seq").values_list("kind", "date", "data"))
    reopened = [i for i, (kind, _, _) in enumerate(rows) if kind == "reopened"]
    handling = rows[reopened[-1] :] if reopened else rows  # the handling under way
    fee_open = _fee_open(handling)
    key = _status_key(case, result, fee_open)
    label, explanation = STATUS_TEXT[key]
    if key == "deemed_withdrawn" and result.withdrawal is not None:
        explanation = f"{result.withdrawal.reason}。{explanation}"
    notes = []
    if result.reply_due_projected and result.replied_on is None:
        notes.append("暂停计算或等待补正期间的预计日期，恢复计算后会相应调整")
    if result.provisional_pending:
        notes.append("暂定：相关年度的节假日安排尚未公布")
    received_reason = result.received_reason
    if case.reopened_on is not None:
        received_reason = (
            f"行政复议或诉讼结果纠正后，机关于{case.reopened_on:%Y年%m月%d日}重新办理，"
            "答复期限自该日起重新计算"
        )
    return PublicStatus(
        key=key,
        label=label,
        explanation=explanation,
        received=case.received,
        received_reason=received_reason,
        reply_due=result.reply_due,
        reply_due_note="；".join(notes),
        todos=tuple(_todos(case, result, handling, fee_open)),
        steps=tuple(_steps(rows)),
        replied_on=result.replied_on,
        outcome=outcome_text(case),
        letters=tuple(applicant_letters(case)),
    )


def outcome_text(case: Case) -> str:
    """The decision in words, once replied: 不予公开（属于国家秘密）…"""
    found = OUTCOMES.get(case.outcome) if case.outcome else None
    return f"{found.group.value}（{found.label}）" if found else ""


def _fee_open(rows: list[Row]) -> Mapping[str, Any] | None:
    """The data of a fee notice not yet paid, if any."""
    notice: Mapping[str, Any] | None = None
    for kind, _, data in rows:
        if kind == "fee_notice_sent":
            notice = data
        elif kind == "fee_paid":
            notice = None
    return notice


def _status_key(case: Case, result: ClockResult, fee_open: Mapping[str, Any] | None) -> str:
    if case.archived_on is not None:
        return "archived"
    status = result.status
    if status is Status.REPLIED:
        return "replied"
    if status is Status.DEEMED_WITHDRAWN:
        return "deemed_withdrawn"
    if status is Status.AWAITING_CORRECTION:
        return "correction"
    if status is Status.PAUSED:
        return "fee" if fee_open is not None else "consulting"
    return "extended" if result.extension_workdays else "accepted"


def _todos(
    case: Case, result: ClockResult, rows: list[Row], fee_open: Mapping[str, Any] | None
) -> list[Todo]:
    if result.replied_on is not None:
        return []
    todos = []
    contact = "；".join(f"{k}：{v}" for k, v in case.agency.contact_lines()[:4])
    if result.status is Status.AWAITING_CORRECTION:
        requested = [data for kind, _, data in rows if kind == "correction_requested"]
        items = tuple(str(i) for i in (requested[-1].get("items") or ())) if requested else ()
        todos.append(
            Todo(
                CORRECTION_TODO,
                (*items, f"请按补正告知书的要求向{case.agency.name}提交补正。{contact}"),
                result.correction_limit,
            )
        )
    if fee_open is not None and result.status is Status.PAUSED:
        payment = fee_open.get("payment_method") or case_letters.case_settings(case).payment_method
        lines = [f"应缴金额：{fee_open.get('amount', '')} 元"]
        lines += [str(line) for line in fee_open.get("lines") or ()]
        lines.append(f"缴费方式：{payment or '请与机关联系确认缴费方式'}")
        todos.append(Todo("请缴纳信息处理费", tuple(lines), result.fee_payment_limit))
    return todos


def _steps(rows: list[Row]) -> list[Step]:
    steps = []
    for kind, day, data in rows:
        text = PUBLIC_EVENTS.get(kind)
        if text is not None:
            steps.append(Step(day, text.format(workdays=data.get("workdays", ""))))
    return steps


def applicant_letters(case: Case) -> list[LetterLink]:
    """The letters of the case addressed to the applicant (never a consultation letter)."""
    links = []
    for choice in case_letters.available(case):
        letter = LETTER_TYPES.get(choice.key)
        if letter is not None and (choice.key in APPLICANT_LETTERS or letter.is_reply):
            links.append(LetterLink(choice.key, choice.name))
    return links
