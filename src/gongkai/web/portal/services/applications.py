"""Online applications: keep a submission, and staff confirming or declining it.

- :func:`submit` keeps an online application (public, no login) and returns its access code;
  the applicant (if they gave an address) and the agency's staff are mailed.
- :func:`confirm_receipt` is staff confirming that they received it (Art. 31(三)); it
  registers the case through ``cases.services.register`` with the channel ``online`` and
  mails the applicant that it was accepted.
- :func:`decline` is staff not accepting a submission (with the reason the applicant sees,
  also mailed).
- :func:`waiting_count` is how many submissions wait for a user's agencies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.clock import Channel
from gongkai.web.accounts import permissions
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Case
from gongkai.web.portal import codes, directory, mailing
from gongkai.web.portal.models import OnlineApplication

# How long a form sent again still shows its access code (a double click, a reload).
RESUBMIT_WINDOW = dt.timedelta(minutes=30)


def today() -> dt.date:
    return case_services.today()


@dataclass(frozen=True)
class Submitted:
    application: OnlineApplication
    access_code: str | None  # None: sent again too late to show the code again
    repeated: bool  # this form had been submitted before; nothing new was stored


def submit(agency: Any, token: str, fields: dict[str, str]) -> Submitted:
    """Keep an application sent through the portal (channel 互联网, no login).

    The same form sent twice returns the first application (and, within
    :data:`RESUBMIT_WINDOW`, the same access code) instead of storing a second one.
    """
    if not codes.is_form_token(token):
        raise ValidationError("表单已失效，请重新打开申请页面后提交。")
    if not directory.accepting_agencies().filter(pk=agency.pk).exists():
        raise ValidationError(f"{agency.name}暂不接受网上申请，请通过其他方式提交。")
    unknown = set(fields) - set(OnlineApplication.CASE_FIELDS)
    if unknown:
        raise ValueError(f"not application fields: {sorted(unknown)}")
    digest = codes.token_hash(token)
    previous = OnlineApplication.objects.filter(token_hash=digest).first()
    if previous is not None:
        return _again(previous, token)
    code = codes.access_code(token)
    application = OnlineApplication(
        agency=agency,
        token_hash=digest,
        access_code_hash=make_password(codes.normalise_code(code)),
        submitted_on=today(),
        **fields,
    )
    for attempt in range(5):  # a random tracking number may (very rarely) be taken
        application.tracking_number = codes.new_tracking_number(application.submitted_on)
        try:
            with transaction.atomic():
                application.save()
            mailing.submitted(application)
            return Submitted(application, code, repeated=False)
        except IntegrityError:
            previous = OnlineApplication.objects.filter(token_hash=digest).first()
            if previous is not None:  # the same form, sent at the same moment
                return _again(previous, token)
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _again(application: OnlineApplication, token: str) -> Submitted:
    fresh = timezone.now() - application.submitted_at <= RESUBMIT_WINDOW
    return Submitted(application, codes.access_code(token) if fresh else None, repeated=True)


@transaction.atomic
def confirm_receipt(
    application: OnlineApplication, by: Any, *, received_on: dt.date | None = None
) -> Case:
    """Staff confirm receiving the application: the case is registered with the channel
    ``online``, submitted on the day it was sent and received on the day confirmed."""
    if not permissions.can_edit(by, application.agency):
        raise PermissionDenied("您无权确认该机关收到的网上申请。")
    locked = OnlineApplication.objects.select_for_update().get(pk=application.pk)
    if locked.case_id is not None:
        raise ValidationError(f"网上申请 {locked.tracking_number} 已确认收到，未重复登记。")
    if locked.declined_at is not None:
        raise ValidationError(f"网上申请 {locked.tracking_number} 已不予受理，不能再登记。")
    received_on = received_on or today()
    if received_on < locked.submitted_on:
        raise ValidationError(f"确认收到日期不能早于提交日期 {locked.submitted_on}。")
    if received_on > today():
        raise ValidationError("确认收到日期不能晚于今天。")
    fields: dict[str, Any] = locked.case_fields()  # the application's own Case fields
    case = case_services.register(
        locked.agency,
        by,
        channel=Channel.ONLINE.value,
        submitted_on=locked.submitted_on,
        received_on=received_on,
        # the cases app's double-submit guard: one case per online application, ever
        token=f"portal-{locked.pk}",
        **fields,
    )
    locked.case = case
    locked.confirmed_at = timezone.now()
    locked.confirmed_by = by
    locked.save(update_fields=["case", "confirmed_at", "confirmed_by"])
    application.case = case
    application.confirmed_at = locked.confirmed_at
    application.confirmed_by = by
    mailing.confirmed(locked, case)  # sent once this transaction commits
    return case


def waiting(user: Any) -> Any:
    """The submissions waiting for confirmation at the agencies the user may handle."""
    pending = OnlineApplication.objects.filter(case__isnull=True, declined_at__isnull=True)
    return permissions.scope_queryset(pending, user, "edit")


def waiting_count(user: Any) -> int:
    return int(waiting(user).count())


@transaction.atomic
def decline(application: OnlineApplication, by: Any, *, reason: str) -> OnlineApplication:
    """Staff do not accept a submission (e.g. not a disclosure application, sent twice, no
    usable content). No case is registered; the applicant's status page shows 未受理 and
    ``reason``, which is written for the applicant to read."""
    if not permissions.can_edit(by, application.agency):
        raise PermissionDenied("您无权处理该机关收到的网上申请。")
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明不予受理的理由（申请人可以看到）。")
    locked = OnlineApplication.objects.select_for_update().get(pk=application.pk)
    if locked.case_id is not None:
        raise ValidationError(
            f"网上申请 {locked.tracking_number} 已确认收到并登记，不能再不予受理。"
        )
    if locked.declined_at is not None:
        raise ValidationError(f"网上申请 {locked.tracking_number} 已不予受理。")
    locked.declined_at = timezone.now()
    locked.declined_by = by
    locked.decline_reason = reason
    locked.save(update_fields=["declined_at", "declined_by", "decline_reason"])
    application.declined_at, application.declined_by = locked.declined_at, by
    application.decline_reason = reason
    mailing.declined(locked)  # sent once this transaction commits
    return application
