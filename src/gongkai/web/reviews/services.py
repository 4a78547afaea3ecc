"""The only code that writes the reconsideration/litigation register.

A 纠正 result (the decision was set aside or the agency was ordered to answer again) reopens
the original application with a new deadline; that is the cases app's business
(``cases.services.reopen_after_review``), reached through :func:`_reopen_case` when the
replied application is on the platform.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.reviews.models import DisclosureReview

_GIVEN = ("agency", "case", "created_by")


def _require_edit(by: Any, agency: Agency) -> None:
    if not permissions.can_edit(by, agency):
        raise PermissionDenied("您无权修改该机关的复议诉讼登记。")


@transaction.atomic
def record_review(
    *,
    agency: Agency,
    kind: str,
    filed: dt.date,
    by: Any,
    reference: str = "",
    body: str = "",
    applicant: str = "",
    case_reference: str = "",
    case: Any = None,
) -> DisclosureReview:
    _require_edit(by, agency)
    if case is not None and case.agency_id != agency.pk:
        raise ValidationError("原申请不是该机关办理的。")
    review = DisclosureReview(
        agency=agency,
        kind=kind,
        filed=filed,
        reference=reference.strip(),
        body=body.strip(),
        applicant=applicant.strip(),
        case=case,
        case_reference=case_reference.strip() or (case.number if case is not None else ""),
        created_by=by if getattr(by, "pk", None) else None,
    )
    review.full_clean(exclude=_GIVEN)  # the objects passed in exist
    review.save()
    return review


@transaction.atomic
def conclude_review(
    review: DisclosureReview,
    *,
    result: str,
    on: dt.date,
    by: Any,
    note: str = "",
    served_on: dt.date | None = None,
    period: int | None = None,
    unit: str = "workdays",
) -> DisclosureReview:
    """Record the result (维持/纠正/其他); a 纠正 reopens the original application, with the
    new reply due within the ``period`` the decision set, counted from the day it was
    ``served_on`` the agency (default: the day of the decision)."""
    _require_edit(by, review.agency)
    if review.concluded is not None:
        raise ValidationError(f"该案件已于 {review.concluded} 审结。")
    review.concluded, review.result, review.decision_note = on, result, note.strip()
    review.full_clean(exclude=_GIVEN)
    review.save(update_fields=["concluded", "result", "decision_note", "updated_at"])
    if result == "corrected":
        if served_on is not None and served_on < on:
            raise ValidationError(f"送达日期 {served_on} 不能早于审结日期 {on}。")
        review.reopened_case = _reopen_case(
            review, on=served_on or on, by=by, period=period, unit=unit
        )
        if review.reopened_case:
            review.save(update_fields=["reopened_case"])
    return review


def _reopen_case(
    review: DisclosureReview, *, on: dt.date, by: Any, period: int | None, unit: str
) -> bool:
    """Reopen the linked, replied application (a new reply period from ``on``).

    Without a linked case (an application handled before the platform) or when the case
    was never replied to (it is still open and simply has to be answered), nothing is
    reopened and the review page tells staff what to do.
    """
    if review.case is None or review.case.replied_on is None:
        return False
    from gongkai.web.cases import services as case_services

    reason = f"{review.get_kind_display()}{review.reference}结果纠正，重新办理"
    case_services.reopen_after_review(
        review.case,
        by=by,
        date=on,
        reason=reason,
        review=review,
        period=period,
        unit=unit,
        decision=f"{review.get_kind_display()}{review.reference}",
    )
    return True
