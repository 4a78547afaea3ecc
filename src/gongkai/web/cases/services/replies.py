"""The end of a handling: reply, withdrawal, service, archive, and reopening after review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.clock import EventType
from gongkai.letters.context import WITHHELD_REASONS
from gongkai.outcomes import outcome
from gongkai.web.cases import clockbridge
from gongkai.web.cases.choices import OUTCOME_KEYS
from gongkai.web.cases.models import Case, CaseEvent
from gongkai.web.cases.services.log import _CACHE_FIELDS, append_event, compute, handling_rows
from gongkai.web.cases.services.pinned import today

# Reply details the letters use (LetterContext field names).
REPLY_FIELDS = (
    "reply_detail",
    "provision_method",
    "published_at",
    "withheld_description",
    "withheld_reason",
    "prohibiting_law",
    "publication_access",
    "responsible_agency",
    "responsible_agency_contact",
    "previous_reply_date",
    "previous_case_number",
)


def reply(
    case: Case, by: Any, *, version: int, date: dt.date, outcome_key: str, **details: Any
) -> CaseEvent:
    """答复 with exactly one outcome: a table-3 row key."""
    if outcome_key not in OUTCOME_KEYS:
        raise ValidationError(f"未知的办理结果：{outcome_key}")
    unknown = set(details) - set(REPLY_FIELDS)
    if unknown:
        raise ValueError(f"not reply fields: {sorted(unknown)}")
    found = outcome(outcome_key)
    if found.deemed_withdrawal:
        raise ValidationError(
            "视为放弃申请的结果由系统在期限届满后提示，请使用“确认视为放弃申请”。"
        )
    if outcome_key == "partial" and not details.get("withheld_description"):
        raise ValidationError("部分公开应写明不予公开的部分及理由。")
    reason = details.get("withheld_reason")
    if reason and reason not in WITHHELD_REASONS:
        raise ValidationError(f"不予公开部分的理由应为不予公开的办理结果，实为：{reason}")
    return append_event(
        case,
        by,
        EventType.REPLIED.value,
        date,
        {"outcome": outcome_key, "basis": found.basis, **details},
        version=version,
    )


def withdraw(case: Case, by: Any, *, version: int, date: dt.date, reason: str) -> CaseEvent:
    """The applicant withdraws: concluded as 其他处理·其他 (other_3), with the reason."""
    if not reason.strip():
        raise ValidationError("请写明撤回情况。")
    return append_event(
        case,
        by,
        EventType.REPLIED.value,
        date,
        {
            "outcome": "other_3",
            "withdrawn": True,
            "reply_detail": f"申请人撤回申请：{reason.strip()}",
        },
        version=version,
    )


def confirm_withdrawal(
    case: Case, by: Any, *, version: int, date: dt.date | None = None
) -> CaseEvent:
    """Staff confirm what the clock reports once a limit passed: other_1 or other_2."""
    date = date or today()
    result = compute(case, as_of=date)
    if result.withdrawal is None:
        raise ValidationError("补正或缴费期限尚未届满，不能认定视为放弃申请。")
    w = result.withdrawal
    return append_event(
        case,
        by,
        EventType.REPLIED.value,
        date,
        {"outcome": w.outcome, "deemed_withdrawal": True, "reply_detail": w.reason},
        version=version,
    )


def record_service(
    case: Case, by: Any, *, version: int, date: dt.date, method: str, note: str = ""
) -> CaseEvent:
    """送达: when and how the reply reached the applicant."""
    if case.replied_on is None:
        raise ValidationError("尚未答复，没有可送达的答复书。")
    if date < case.replied_on:
        raise ValidationError(f"送达日期不能早于答复日期 {case.replied_on}。")
    return append_event(case, by, "served", date, {"method": method, "note": note}, version=version)


def archive(case: Case, by: Any, *, version: int, date: dt.date | None = None) -> CaseEvent:
    if case.replied_on is None:
        raise ValidationError("尚未答复的案件不能归档。")
    if not any(kind == "served" for kind, *_ in handling_rows(case)):
        raise ValidationError("请先记录答复的送达日期和方式，再归档。")
    return append_event(case, by, "archived", date or today(), {}, version=version)


@transaction.atomic
def reopen_after_review(
    case: Case,
    *,
    by: Any,
    date: dt.date,
    reason: str,
    review: Any = None,
    period: int | None = None,
    unit: str = "workdays",
    decision: str = "",
) -> CaseEvent:
    """A 纠正 result of a reconsideration or lawsuit reopens the replied case (spec: "reopens
    the case with a new deadline").

    The case file gets the clock event ``reopened`` on ``date``, the day the 复议决定 or
    judgment was served on the agency, with the ``period`` it set for the new reply
    (``unit``: working or calendar days; none given: the clock's default, 20 working days);
    :func:`gongkai.web.cases.clockbridge.rounds` hands the clock the new handling, and
    pauses, corrections and extensions inside it follow the clock's rules unchanged. The original reply, its
    outcome and its letters stay in the log; the case is open again (also if it was
    archived) until the new reply.

    Statistics (``gongkai.web.cases.statistics``): the original handling stays one
    application received on its own day and concluded on the original reply, in that year;
    the new handling counts as one application received on ``date`` and concluded by the
    new reply, in the year of that reply — the annual report already published for an
    earlier year does not change.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明重新办理的原因。")
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.replied_on is None:
        raise ValidationError("该申请尚未答复，无需重新办理，请在答复期限内答复。")
    if date < current.replied_on:
        raise ValidationError(f"重新办理日期不能早于原答复日期 {current.replied_on}。")
    data: dict[str, Any] = {"reason": reason, "decision": decision.strip() or None}
    if period is not None:
        data |= {"period": period, "unit": unit}
    if review is not None:
        data |= {"review": review.pk, "review_reference": str(review)}
    event = append_event(current, by, clockbridge.REOPENED, date, data, version=current.version)
    for name in ("version", *_CACHE_FIELDS):
        setattr(case, name, getattr(current, name))
    return event
