"""延期答复: an extension request and the head's decision on it (Art. 33)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.clock import EventType
from gongkai.clock.settings import REGIMES
from gongkai.web.accounts import permissions
from gongkai.web.cases.models import Case, ExtensionRequest
from gongkai.web.cases.services.log import append_event, compute
from gongkai.web.cases.services.pinned import today


@transaction.atomic
def request_extension(
    case: Case, by: Any, *, version: int, workdays: int, reason: str
) -> ExtensionRequest:
    if not reason.strip():
        raise ValidationError("延期应写明理由。")
    result = compute(case)
    most = REGIMES[result.regime].extension_max_workdays
    granted = result.extension_workdays or 0
    if not 0 < workdays <= most - granted:
        raise ValidationError(
            f"延长的期限合计最长{most}个工作日（第三十三条第二款），已延长{granted}个工作日，"
            f"本次最多{most - granted}个工作日。"
        )
    if case.extensions.filter(approved__isnull=True).exists():
        raise ValidationError("已有待审批的延期申请。")
    append_event(
        case,
        by,
        "extension_requested",
        today(),
        {"workdays": workdays, "reason": reason},
        version=version,
    )
    return ExtensionRequest.objects.create(
        case=case, workdays=workdays, reason=reason.strip(), requested_by=by
    )


@transaction.atomic
def decide_extension(
    request: ExtensionRequest,
    by: Any,
    *,
    version: int,
    approve: bool,
    date: dt.date,
    note: str = "",
) -> ExtensionRequest:
    """Only the head of the disclosure office approves an extension (Art. 33 ¶2)."""
    case = request.case
    if not permissions.can_approve(by, case.agency):
        raise PermissionDenied("延期答复须经政府信息公开工作机构负责人同意，您无权审批。")
    if not request.pending:
        raise ValidationError("该延期申请已经审批。")
    if approve:
        append_event(
            case,
            by,
            EventType.EXTENDED.value,
            date,
            {
                "workdays": request.workdays,
                "reason": request.reason,
                "approved_by": str(by),
                "note": note,
            },
            version=version,
        )
    else:
        append_event(case, by, "extension_rejected", date, {"note": note}, version=version)
    request.approved = approve
    request.decided_by = by
    request.decided_on = date
    request.decision_note = note
    request.save(update_fields=["approved", "decided_by", "decided_on", "decision_note"])
    return request
