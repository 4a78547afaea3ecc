"""Corrections (补正) sent on the portal: when the form is offered, and the writes.

- :func:`window` says whether the applicant may send a correction now (a correction was
  requested and is not yet received, nothing waits for staff, the limit has not passed).
- :func:`submit` keeps the correction as a pending :class:`OnlineCorrection` (no login).
- :func:`confirm` is staff confirming receipt: the case records it through
  ``cases.services.receive_correction`` on the confirmation day (Art. 31(三)), so the reply
  clock restarts from that day (Art. 30); the attachment goes to the case file through
  ``cases.services.attach``.
- :func:`decline` is staff not accepting it, with a reason the applicant reads.

The dates come from the cases app's clock (``cases.services.compute``), never from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.clock import Status
from gongkai.web.accounts import permissions
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Case
from gongkai.web.portal import codes
from gongkai.web.portal.models import OnlineApplication, OnlineCorrection

ONE_PENDING = "已有补正材料提交，正在等待机关确认，请勿重复提交。"


def today() -> dt.date:
    return case_services.today()


@dataclass(frozen=True)
class Attachment:
    name: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class Window:
    """The portal's correction form for one application, as the status page shows it."""

    open: bool
    closed_reason: str  # why the form is closed ("" when open or a correction is pending)
    limit: dt.date | None  # the applicant's correction limit (from the clock)
    pending: OnlineCorrection | None
    last_declined: OnlineCorrection | None  # the latest not accepted, with its reason


def pending_of(application: OnlineApplication) -> OnlineCorrection | None:
    return application.corrections.filter(
        confirmed_at__isnull=True, declined_at__isnull=True
    ).first()


def window(application: OnlineApplication, on: dt.date | None = None) -> Window | None:
    """The correction form's state, or None when no correction is asked for (not offered)."""
    case = application.case
    if case is None:
        return None
    result = case_services.compute(case, as_of=on)
    waiting = result.status is Status.AWAITING_CORRECTION
    lapsed = result.status is Status.DEEMED_WITHDRAWN and result.correction_limit is not None
    if not (waiting or lapsed):
        return None
    pending = pending_of(application)
    declined = (
        application.corrections.filter(declined_at__isnull=False).order_by("-declined_at").first()
    )
    limit = result.correction_limit
    day = on or today()
    reason = ""
    if pending is None and (lapsed or (limit is not None and day > limit)):
        reason = (
            f"补正期限已于{limit:%Y年%m月%d日}届满，网上补正已关闭。"
            "无正当理由逾期不补正的，视为放弃申请（第三十条）；如有正当理由，请尽快与受理机关联系。"
            if limit is not None
            else "补正期限已届满，网上补正已关闭。"
        )
    return Window(
        open=pending is None and not reason,
        closed_reason=reason,
        limit=limit,
        pending=pending,
        last_declined=declined,
    )


def why_closed(state: Window | None) -> str:
    """Why a correction cannot be sent now, in the applicant's words."""
    if state is None:
        return "该申请目前不需要补正。"
    if state.pending is not None:
        return ONE_PENDING
    return state.closed_reason


@dataclass(frozen=True)
class Submitted:
    correction: OnlineCorrection
    repeated: bool  # this form had been sent before; nothing new was stored


def submit(
    application: OnlineApplication, token: str, text: str, attachment: Attachment | None
) -> Submitted:
    """Keep a correction sent on the portal until staff confirm it (one pending at a time)."""
    if not codes.is_form_token(token):
        raise ValidationError("表单已失效，请刷新页面后重新提交。")
    digest = codes.token_hash(token)
    previous = OnlineCorrection.objects.filter(token_hash=digest).first()
    if previous is not None:
        if previous.application_id != application.pk:
            raise ValidationError("表单已失效，请刷新页面后重新提交。")
        return Submitted(previous, repeated=True)
    state = window(application)
    if state is None or not state.open:
        raise ValidationError(why_closed(state))
    text = text.strip()
    if not text:
        raise ValidationError("请填写补正内容。")
    correction = OnlineCorrection(
        application=application, token_hash=digest, submitted_on=today(), text=text
    )
    if attachment is not None:
        correction.file_name = attachment.name[:200]
        correction.file_content = attachment.content
        correction.file_type = attachment.content_type
        correction.file_size = len(attachment.content)
    try:
        with transaction.atomic():
            correction.save()
    except IntegrityError:
        previous = OnlineCorrection.objects.filter(token_hash=digest).first()
        if previous is not None:  # the same form, sent at the same moment
            return Submitted(previous, repeated=True)
        raise ValidationError(ONE_PENDING) from None
    return Submitted(correction, repeated=False)


def _locked(correction: OnlineCorrection, by: Any, verb: str) -> OnlineCorrection:
    if not permissions.can_edit(by, correction.application.agency):
        raise PermissionDenied(f"您无权{verb}该机关收到的网上补正。")
    locked = (
        OnlineCorrection.objects.select_for_update()
        .select_related("application")
        .get(pk=correction.pk)
    )
    number = locked.application.tracking_number
    if locked.confirmed_at is not None:
        raise ValidationError(f"网上申请 {number} 的补正材料已确认收到，未重复记录。")
    if locked.declined_at is not None:
        raise ValidationError(f"网上申请 {number} 的补正材料已不予接收。")
    return locked


@transaction.atomic
def confirm(correction: OnlineCorrection, by: Any, *, received_on: dt.date | None = None) -> Case:
    """Staff confirm receiving the correction: the case records it as received that day."""
    locked = _locked(correction, by, "确认")
    application = locked.application
    received_on = received_on or today()
    if received_on < locked.submitted_on:
        raise ValidationError(f"确认收到日期不能早于补正提交日期 {locked.submitted_on}。")
    if received_on > today():
        raise ValidationError("确认收到日期不能晚于今天。")
    assert application.case_id is not None
    case = Case.objects.get(pk=application.case_id)
    case_services.receive_correction(
        case,
        by,
        version=case.version,
        date=received_on,
        note=f"通过网上申请平台提交（查询号 {application.tracking_number}）：{locked.text}",
    )
    if locked.has_file:
        case_services.attach(
            case,
            by,
            name=locked.file_name,
            content=bytes(locked.file_content),
            text=f"网上补正附件：{locked.file_name}",
        )
    locked.received_on = received_on
    locked.confirmed_at = timezone.now()
    locked.confirmed_by = by
    locked.save(update_fields=["received_on", "confirmed_at", "confirmed_by"])
    correction.received_on, correction.confirmed_at = received_on, locked.confirmed_at
    correction.confirmed_by = by
    return Case.objects.get(pk=case.pk)


@transaction.atomic
def decline(correction: OnlineCorrection, by: Any, *, reason: str) -> OnlineCorrection:
    """Staff do not accept the correction (e.g. it does not answer the notice); the case
    still waits for a correction and the applicant may send another within the limit."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明不予接收的理由（申请人可以看到）。")
    locked = _locked(correction, by, "处理")
    locked.declined_at = timezone.now()
    locked.declined_by = by
    locked.decline_reason = reason
    locked.save(update_fields=["declined_at", "declined_by", "decline_reason"])
    correction.declined_at, correction.declined_by = locked.declined_at, by
    correction.decline_reason = reason
    return correction


def waiting(user: Any) -> Any:
    """The corrections waiting for confirmation at the agencies the user may handle."""
    pending = OnlineCorrection.objects.filter(confirmed_at__isnull=True, declined_at__isnull=True)
    return permissions.scope_queryset(pending, user, "edit", agency_field="application__agency")
