"""Intake: registering an application (numbering, duplicates) and correcting or assigning it."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from gongkai import clock
from gongkai.clock import CaseError, EventType
from gongkai.web.accounts import permissions
from gongkai.web.cases import clockbridge
from gongkai.web.cases.choices import APPLICANT_TYPE_LABELS, APPLICATION_FIELDS
from gongkai.web.cases.models import Case, CaseEvent, CaseSettings
from gongkai.web.cases.services.log import _CACHE_FIELDS, _audit, append_event, refresh
from gongkai.web.cases.services.pinned import today
from gongkai.web.cases.services.tokens import _bind_token, claim_token

DUPLICATE_WINDOW_DAYS = 180  # policy: how far back intake looks for the same request
DUPLICATE_SIMILARITY = 0.6
# Descriptions are compared on their first characters: the matcher's time grows with the
# square of the length, and a repeated request shows in its opening (a 5,000-character
# description against 50 earlier ones stays well under a second).
DUPLICATE_COMPARE_CHARS = 1000
EDITABLE_FIELDS = APPLICATION_FIELDS


def normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def applicant_key(name: str, id_number: str) -> str:
    return f"{normalise(name)}|{normalise(id_number)}"[:180]


@dataclass(frozen=True)
class Duplicate:
    case: Case
    similarity: float


def possible_duplicates(
    agency: Any,
    *,
    name: str,
    id_number: str,
    description: str,
    on: dt.date | None = None,
    exclude: int | None = None,
) -> list[Duplicate]:
    """Recent cases of the same applicant (name or ID) at this agency with a similar request."""
    on = on or today()
    since = on - dt.timedelta(days=DUPLICATE_WINDOW_DAYS)
    key = applicant_key(name, id_number)
    same = Case.objects.filter(agency=agency, received__gte=since).filter(
        applicant_key=key
    ) | Case.objects.filter(agency=agency, received__gte=since, id_number=id_number.strip())
    if exclude is not None:
        same = same.exclude(pk=exclude)
    wanted = normalise(description)[:DUPLICATE_COMPARE_CHARS]
    found = []
    for other in same.order_by("-received")[:50]:
        earlier = normalise(other.description)[:DUPLICATE_COMPARE_CHARS]
        ratio = SequenceMatcher(None, wanted, earlier).ratio()
        if ratio >= DUPLICATE_SIMILARITY:
            found.append(Duplicate(other, round(ratio, 2)))
    return sorted(found, key=lambda d: -d.similarity)


def _next_number(agency: Any, year: int) -> str:
    settings = CaseSettings.objects.filter(agency=agency).first()
    prefix = settings.number_prefix if settings and settings.number_prefix else "依申请"
    start = f"{prefix}〔{year}〕"
    numbers = Case.objects.filter(agency=agency, number__startswith=start).values_list(
        "number", flat=True
    )
    last = max((int(n[len(start) :].rstrip("号")) for n in numbers if n.endswith("号")), default=0)
    return f"{start}{last + 1}号"


def receipt_event(channel: str) -> EventType:
    return clock.RECEIPT_RULES[clock.Channel(channel)].event


@transaction.atomic
def register(
    agency: Any,
    by: Any,
    *,
    channel: str,
    submitted_on: dt.date,
    received_on: dt.date | None = None,
    arrived_on: dt.date | None = None,
    handler: Any = None,
    token: str = "",
    **fields: Any,
) -> Case:
    """登记: a new application with its submission and receipt events (Art. 31 per channel).

    ``received_on`` is the day the channel rule names (signed for / confirmed); for in-person
    applications it is the day of submission. ``arrived_on``: the day an ordinary letter
    reached the office (the clock flags a confirmation later than that day).
    """
    if not permissions.can_edit(by, agency):
        raise PermissionDenied("您无权为该机关登记申请。")
    claim_token(token, by)
    unknown = set(fields) - set(EDITABLE_FIELDS) - {"oral"}
    if unknown:
        raise ValueError(f"not case fields: {sorted(unknown)}")
    if fields.get("applicant_type") not in APPLICANT_TYPE_LABELS:
        raise ValidationError("请选择申请人类型。")
    receipt = receipt_event(channel)
    if receipt is not EventType.SUBMITTED and received_on is None:
        raise ValidationError(
            clock.RECEIPT_RULES[clock.Channel(channel)].reason + "：请填写该日期。"
        )
    received = submitted_on if receipt is EventType.SUBMITTED else received_on
    assert received is not None
    events: list[tuple[str, dt.date, dict[str, Any]]] = [
        ("registered", submitted_on, {"oral": bool(fields.get("oral"))}),
        (EventType.SUBMITTED.value, submitted_on, {}),
    ]
    if arrived_on is not None:
        events.append((EventType.ARRIVED.value, arrived_on, {}))
    if receipt is not EventType.SUBMITTED:
        events.append((receipt.value, received, {}))
    rows: list[clockbridge.Row] = [(k, d, data, i + 1) for i, (k, d, data) in enumerate(events)]
    try:
        result = clockbridge.compute(channel, rows, today=today())
    except CaseError as exc:
        raise ValidationError(exc.detail) from None
    case = Case(
        agency=agency,
        channel=channel,
        created_by=by,
        handler=handler,
        applicant_key=applicant_key(fields.get("applicant_name", ""), fields.get("id_number", "")),
        received=result.received,
        reply_due=result.reply_due,
        **fields,
    )
    for attempt in range(5):  # two clerks registering at once may race for a number
        case.number = _next_number(agency, result.received.year)
        try:
            with transaction.atomic():
                case.save()
            break
        except IntegrityError:
            if attempt == 4:
                raise
    for kind, day, data, seq in rows:
        CaseEvent.objects.create(case=case, seq=seq, kind=kind, date=day, data=data, actor=by)
    refresh(case, rows)
    case.save(update_fields=_CACHE_FIELDS)
    _bind_token(token, case)
    _audit(case, agency, by, "registered", {"number": case.number, "channel": channel})
    return case


def replied_once(case: Case) -> bool:
    """Whether a reply was ever made (also a reply a review later reopened): from then on
    the registration is what issued letters answered, changed only by a recorded 更正."""
    return case.events.filter(kind=EventType.REPLIED.value).exists()


@transaction.atomic
def edit_details(case: Case, by: Any, *, version: int, **changes: Any) -> Case:
    """Correct what was registered before the reply (not the dates: those are events)."""
    if replied_once(case):
        raise ValidationError(
            "案件已答复，登记信息不能再直接修改。确需更正的，请使用“更正登记信息”并写明理由；"
            "已出具的文书不会改变。"
        )
    return _change_details(case, by, "edited", version=version, changes=changes)


@transaction.atomic
def correct_details(case: Case, by: Any, *, version: int, reason: str, **changes: Any) -> Case:
    """更正: change the registration after the reply, with the reason on record.

    The letters already issued stay as they were (``IssuedLetter``); the audit entry
    keeps each field's old and new value and the reason.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明更正的理由。")
    return _change_details(case, by, "corrected", version=version, changes=changes, reason=reason)


def _change_details(
    case: Case, by: Any, kind: str, *, version: int, changes: dict[str, Any], reason: str = ""
) -> Case:
    """One implementation of a registration change: the event, the fields, the audit entry
    with every field's old → new value."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    diff = {
        name: {"from": getattr(case, name), "to": value}
        for name, value in changes.items()
        if getattr(case, name) != value
    }
    if not diff:
        raise ValidationError("没有修改任何登记信息。")
    data: dict[str, Any] = {"fields": sorted(diff)}
    if reason:
        data["reason"] = reason
    append_event(case, by, kind, today(), data, version=version)
    for name in diff:
        setattr(case, name, changes[name])
    case.applicant_key = applicant_key(case.applicant_name, case.id_number)
    case.save(update_fields=[*diff, "applicant_key"])
    audit: dict[str, Any] = dict(diff)
    if reason:
        audit["reason"] = reason
    _audit(case, case.agency, by, AUDIT_ACTIONS[kind], audit)
    return case


# event kind → the audit action that holds the old and new values
AUDIT_ACTIONS = {"edited": "edit_details", "corrected": "correct_details"}


def assign(case: Case, by: Any, handler: Any, *, version: int) -> Case:
    if handler is not None and handler.agency_id != case.agency_id:
        raise ValidationError("经办人应为本机关工作人员。")
    with transaction.atomic():
        append_event(
            case,
            by,
            "assigned",
            today(),
            {"handler": handler.pk if handler else None, "name": str(handler or "")},
            version=version,
        )
        case.handler = handler
        case.save(update_fields=["handler"])
    return case
