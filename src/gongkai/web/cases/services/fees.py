"""信息处理费: the fee quote, the fee notice and the payment."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from gongkai import fees
from gongkai.clock import EventType
from gongkai.web.cases.models import Case, CaseEvent
from gongkai.web.cases.services.log import append_event


def fee_quote(case: Case, scheme: str, pages: int | None = None) -> fees.FeeQuote:
    """The fee under one scheme; per application, the case's place in the applicant's month."""
    if scheme == fees.FeeScheme.PER_VOLUME.value:
        if not pages:
            raise ValidationError("按量计收应填写页数。")
        return fees.quote(scheme, pages)
    month = Case.objects.filter(
        agency=case.agency,
        applicant_key=case.applicant_key,
        received__year=case.received.year,
        received__month=case.received.month,
    ).values_list("pk", "received")
    records = [
        fees.ApplicationRecord(str(pk), case.applicant_key, str(case.agency_id), received)
        for pk, received in month.order_by("received", "pk")
    ]
    position = fees.monthly_position(records, str(case.pk))
    return fees.quote(scheme, position)


def send_fee_notice(
    case: Case,
    by: Any,
    *,
    version: int,
    date: dt.date,
    scheme: str,
    pages: int | None = None,
    payment_method: str = "",
) -> CaseEvent:
    try:
        quoted = fee_quote(case, scheme, pages)
    except fees.FeeError as exc:
        raise ValidationError(str(exc)) from None
    if quoted.amount == 0:
        raise ValidationError(
            "按收费标准本件不收费（" + "；".join(quoted.text_lines()) + "），不能发出收费通知。"
        )
    return append_event(
        case,
        by,
        EventType.FEE_NOTICE_SENT.value,
        date,
        {
            "scheme": quoted.scheme.value,
            "quantity": quoted.quantity,
            "amount": quoted.amount,
            "lines": quoted.text_lines(),
            "basis": quoted.basis,
            "payment_method": payment_method,
        },
        version=version,
    )


def record_payment(
    case: Case, by: Any, *, version: int, date: dt.date, note: str = ""
) -> CaseEvent:
    return append_event(case, by, EventType.FEE_PAID.value, date, {"note": note}, version=version)
