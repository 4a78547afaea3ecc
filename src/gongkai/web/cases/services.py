"""The only code that writes cases. Views, tasks and the demo call these functions.

Every change goes through :func:`append_event`: it checks the user's right, the case
version (optimistic locking), lets ``gongkai.clock`` validate the new log, appends the event,
and recomputes the cached columns (``state``, ``received``, ``reply_due`` …) from the log.
Those columns exist only so that lists of a million cases can filter and sort in SQL; the
log is the truth and :func:`refresh` is the one place that rewrites them.

Version rule: events that change the case (every clock event, assignment, review, edits,
service, archive) require the version the user saw and bump it; a generated letter or a
note is added without a version check (it changes nothing another user could overwrite).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from gongkai import clock, fees
from gongkai.calendar import WorkCalendar
from gongkai.clock import CaseError, EventType, Status
from gongkai.clock.settings import REGIMES
from gongkai.outcomes import outcome
from gongkai.web.accounts import permissions
from gongkai.web.cases import clockbridge
from gongkai.web.cases.choices import (
    APPLICANT_TYPE_LABELS,
    CLOCK_EVENTS,
    EVENT_KIND_LABELS,
    OUTCOME_KEYS,
)
from gongkai.web.cases.models import (
    AuditEntry,
    Case,
    CaseDocument,
    CaseEvent,
    CaseSettings,
    Consultation,
    ExtensionRequest,
    FormSubmission,
)
from gongkai.web.workcalendar.services import work_calendar

# Events that never bump the version (see the module docstring).
UNVERSIONED = frozenset({"letter", "note"})
DUPLICATE_WINDOW_DAYS = 180  # policy: how far back intake looks for the same request
DUPLICATE_SIMILARITY = 0.6
EDITABLE_FIELDS = (
    "applicant_type",
    "applicant_name",
    "applicant_organisation",
    "id_type",
    "id_number",
    "legal_representative",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "purpose",
    "form_wanted",
    "delivery_wanted",
)


class ConflictError(Exception):
    """Someone else changed the case since the form was shown; nothing was written."""

    def __init__(self, case: Case) -> None:
        self.case = case
        super().__init__(
            f"案件 {case.number} 已被其他人修改（您看到的是旧版本）。为避免覆盖他人的修改，"
            "本次操作未保存，请刷新页面查看最新情况后重新操作。"
        )


class DuplicateSubmission(Exception):
    """The same form was submitted twice (double click, reload)."""

    def __init__(self, case_id: int | None) -> None:
        self.case_id = case_id
        super().__init__("该表单已经提交过，未重复保存。")


def today() -> dt.date:
    return timezone.localdate()


# ---- double-submit protection -------------------------------------------------------------


def claim_token(token: str, user: Any) -> None:
    """Record a form token once; a second submission of the same rendered form fails."""
    if not token:
        return
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token[:64], user=user)
    except IntegrityError:
        previous = FormSubmission.objects.filter(token=token[:64]).first()
        raise DuplicateSubmission(previous.case_id if previous else None) from None


def run_once(token: str, user: Any, work: Any) -> Any:
    """Run ``work()`` unless this form token was used; a failure frees the token again."""
    with transaction.atomic():
        claim_token(token, user)
        return work()


def _bind_token(token: str, case: Case) -> None:
    if token:
        FormSubmission.objects.filter(token=token[:64]).update(case=case)


# ---- reading the log -------------------------------------------------------------------------


def event_rows(case: Case) -> list[tuple[str, dt.date, Mapping[str, Any], int]]:
    return [
        (kind, day, data, seq)
        for kind, day, data, seq in case.events.order_by("seq").values_list(
            "kind", "date", "data", "seq"
        )
    ]


def compute(case: Case, as_of: dt.date | None = None) -> clock.ClockResult:
    """The clock's view of the case now (or ``as_of``)."""
    return clockbridge.compute(case.channel, event_rows(case), today=as_of or today())


def _state(result: clock.ClockResult, rows: Iterable[tuple[str, Any, Any, int]]) -> str:
    if any(kind == "archived" for kind, *_ in rows):
        return "archived"
    return result.status.value


def handling_rows(case: Case) -> list[tuple[str, dt.date, Mapping[str, Any], int]]:
    """The events of the handling under way (after the latest reopening, if any)."""
    return clockbridge.current_round(case.channel, event_rows(case))[1]


def refresh(
    case: Case,
    rows: list[tuple[str, dt.date, Mapping[str, Any], int]] | None = None,
    calendar: WorkCalendar | None = None,
) -> clock.ClockResult:
    """Recompute the cached columns from the log (the only writer of the cache).

    After a reopening the reply columns (due date, reply, outcome, archive) describe the
    new handling; ``received`` stays the day the application itself was received.
    """
    rows = event_rows(case) if rows is None else rows
    calendar = calendar or work_calendar()
    result = clockbridge.compute(case.channel, rows, today=today(), calendar=calendar)
    handlings = clockbridge.rounds(case.channel, rows)
    reopenings = [day for kind, day, _, _ in rows if kind == clockbridge.REOPENED]
    case.reopened_on = reopenings[-1] if reopenings else None
    if reopenings:
        first_channel, first_rows = handlings[0]
        case.received = clockbridge.compute(first_channel, first_rows, calendar=calendar).received
    else:
        case.received = result.received
    rows = handlings[-1][1]  # archive and state: the handling under way
    case.state = _state(result, rows)
    case.reply_due = result.reply_due
    case.replied_on = result.replied_on
    case.outcome = result.outcome or ""
    case.provisional = result.provisional
    case.withdrawal_outcome = result.withdrawal.outcome if result.withdrawal else ""
    archived = [day for kind, day, _, _ in rows if kind == "archived"]
    case.archived_on = archived[-1] if archived else None
    return result


_CACHE_FIELDS = (
    "state",
    "received",
    "reply_due",
    "replied_on",
    "outcome",
    "provisional",
    "withdrawal_outcome",
    "archived_on",
    "reopened_on",
)


def _audit(
    case: Case | None, agency: Any, by: Any, action: str, changes: Mapping[str, Any]
) -> None:
    AuditEntry.objects.create(
        agency=agency, case=case, actor=by, action=action, changes=dict(changes)
    )


def _check_edit(case: Case, by: Any) -> None:
    if not permissions.can_edit(by, case.agency):
        raise PermissionDenied("您无权办理该机关的案件。")


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items() if v not in (None, "")}
    return value


@transaction.atomic
def append_event(
    case: Case,
    by: Any,
    kind: str,
    date: dt.date,
    data: Mapping[str, Any] | None = None,
    *,
    version: int | None = None,
    document: CaseDocument | None = None,
) -> CaseEvent:
    """Append one event to the case file (see the module docstring for the rules)."""
    _check_edit(case, by)
    if kind not in EVENT_KIND_LABELS:
        raise ValidationError(f"未知的事件类型：{kind}")
    payload = _json(dict(data or {}))
    if kind not in UNVERSIONED:
        if version is None:
            raise ValueError("a versioned event needs the version the user saw")
        # The compare-and-swap that makes optimistic locking safe on every database.
        if not Case.objects.filter(pk=case.pk, version=version).update(version=F("version") + 1):
            raise ConflictError(case)
    else:
        Case.objects.select_for_update().filter(pk=case.pk).first()  # serialise appends
    last = case.events.aggregate(m=Max("seq"))["m"] or 0
    rows = event_rows(case)
    seq = last + 1
    if case.replied_on is not None and kind in CLOCK_EVENTS:
        raise ValidationError("案件已答复，不能再记录办理事件。")
    if case.archived_on is not None and kind not in UNVERSIONED | {clockbridge.REOPENED}:
        raise ValidationError("案件已归档，只能查看。")
    rows.append((kind, date, payload, seq))
    if kind in CLOCK_EVENTS or kind == clockbridge.REOPENED:
        try:
            clockbridge.compute(case.channel, rows, today=today())
        except CaseError as exc:
            raise ValidationError(f"{EVENT_KIND_LABELS[kind]}：{exc.detail}") from None
    event = CaseEvent.objects.create(
        case=case, seq=seq, kind=kind, date=date, data=payload, actor=by, document=document
    )
    if kind not in UNVERSIONED:
        case.version = (version or 0) + 1  # only once the event is accepted
        refresh(case, rows)
        case.save(update_fields=_CACHE_FIELDS)
    _audit(case, case.agency, by, kind, {"date": date.isoformat(), **payload})
    return event


# ---- intake ------------------------------------------------------------------------------------


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
    wanted = normalise(description)
    found = []
    for other in same.order_by("-received")[:50]:
        ratio = SequenceMatcher(None, wanted, normalise(other.description)).ratio()
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
    handler: Any = None,
    token: str = "",
    **fields: Any,
) -> Case:
    """登记: a new application with its submission and receipt events (Art. 31 per channel).

    ``received_on`` is the day the channel rule names (signed for / confirmed); for in-person
    applications it is the day of submission.
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
    if receipt is not EventType.SUBMITTED:
        events.append((receipt.value, received, {}))
    rows = [(k, d, data, i + 1) for i, (k, d, data) in enumerate(events)]
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


@transaction.atomic
def edit_details(case: Case, by: Any, *, version: int, **changes: Any) -> Case:
    """Correct what was registered (not the dates: those are events). Audited field by field."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    diff = {
        name: {"from": getattr(case, name), "to": value}
        for name, value in changes.items()
        if getattr(case, name) != value
    }
    if not diff:
        return case
    append_event(case, by, "edited", today(), {"fields": sorted(diff)}, version=version)
    for name, value in changes.items():
        setattr(case, name, value)
    case.applicant_key = applicant_key(case.applicant_name, case.id_number)
    case.save(update_fields=[*changes, "applicant_key"])
    _audit(case, case.agency, by, "edit_details", diff)
    return case


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


def review(
    case: Case,
    by: Any,
    *,
    version: int,
    complete: bool,
    clear: bool,
    ours: bool,
    note: str = "",
    responsible_agency: str = "",
) -> CaseEvent:
    """审核: the three questions of Art. 29–30/36. The answer picks the next step (shown)."""
    return append_event(
        case,
        by,
        "reviewed",
        today(),
        {
            "complete": complete,
            "clear": clear,
            "ours": ours,
            "note": note,
            "responsible_agency": responsible_agency,
        },
        version=version,
    )


def review_next_step(data: Mapping[str, Any]) -> str:
    """What a review result calls for, in the words staff read."""
    if not data.get("ours"):
        return "不属于本机关：以“本机关不掌握相关政府信息”答复，能够确定负责公开机关的，告知其名称和联系方式（第三十六条第（五）项）"
    if not (data.get("complete") and data.get("clear")):
        return "内容不完整或不明确：在收到申请之日起7个工作日内一次性告知补正（第三十条）"
    return "审核通过：进入办理（检索、征求意见、作出决定）"


def request_correction(
    case: Case,
    by: Any,
    *,
    version: int,
    date: dt.date,
    items: list[str],
    limit_workdays: int | None = None,
) -> CaseEvent:
    items = [i.strip() for i in items if i.strip()]
    if not items:
        raise ValidationError("补正告知应写明需要补正的事项。")
    return append_event(
        case,
        by,
        EventType.CORRECTION_REQUESTED.value,
        date,
        {"items": items, "limit_workdays": limit_workdays},
        version=version,
    )


def receive_correction(
    case: Case, by: Any, *, version: int, date: dt.date, note: str = "", description: str = ""
) -> CaseEvent:
    with transaction.atomic():
        event = append_event(
            case,
            by,
            EventType.CORRECTION_RECEIVED.value,
            date,
            {"note": note, "description": description},
            version=version,
        )
        if description.strip():
            case.description = description.strip()
            case.save(update_fields=["description"])
    return event


@transaction.atomic
def send_consultation(
    case: Case,
    by: Any,
    *,
    version: int,
    date: dt.date,
    party: str,
    kind: str = "third_party",
    address: str = "",
) -> Consultation:
    party = party.strip()
    if not party:
        raise ValidationError("请填写征求意见的对象。")
    if case.consultations.filter(party=party, answered_on__isnull=True).exists():
        raise ValidationError(f"已向“{party}”发出征求意见函，尚未收到意见。")
    append_event(
        case,
        by,
        EventType.CONSULTATION_SENT.value,
        date,
        {"party": party, "kind": kind},
        version=version,
    )
    consultation = Consultation.objects.create(
        case=case, kind=kind, party=party, address=address, sent_on=date
    )
    _refresh_consultations(case)
    return consultation


@transaction.atomic
def answer_consultation(
    consultation: Consultation,
    by: Any,
    *,
    version: int,
    date: dt.date,
    opinion: str = "",
    agrees: bool | None = None,
) -> Consultation:
    case = consultation.case
    if consultation.answered_on is not None:
        raise ValidationError("该征求意见已经记录了回复。")
    append_event(
        case,
        by,
        EventType.CONSULTATION_ANSWERED.value,
        date,
        {"party": consultation.party, "opinion": opinion, "agrees": agrees},
        version=version,
    )
    consultation.answered_on = date
    consultation.opinion = opinion
    consultation.agrees = agrees
    consultation.save(update_fields=["answered_on", "opinion", "agrees"])
    return consultation


def _refresh_consultations(case: Case) -> None:
    """The consultation rows' limits are the clock's (cache, in sending order)."""
    result = compute(case)
    limits = list(result.consultation_limits)
    for row, limit in zip(case.consultations.order_by("sent_on", "id"), limits, strict=False):
        if row.limit != limit:
            row.limit = limit
            row.save(update_fields=["limit"])


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


@transaction.atomic
def request_extension(
    case: Case, by: Any, *, version: int, workdays: int, reason: str
) -> ExtensionRequest:
    if not reason.strip():
        raise ValidationError("延期应写明理由。")
    result = compute(case)
    most = REGIMES[result.regime].extension_max_workdays
    if not 0 < workdays <= most:
        raise ValidationError(f"延长期限最长{most}个工作日（第三十三条）。")
    if result.extension_workdays is not None:
        raise ValidationError("一个案件只能延长一次（第三十三条）。")
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


# Reply details the letters use (LetterContext field names).
REPLY_FIELDS = (
    "reply_detail",
    "provision_method",
    "published_at",
    "withheld_description",
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
    case: Case, *, by: Any, date: dt.date, reason: str, review: Any = None
) -> CaseEvent:
    """A 纠正 result of a reconsideration or lawsuit reopens the replied case (spec: "reopens
    the case with a new deadline").

    ``gongkai.clock`` has no event for a reopening, so the case file gets the platform event
    ``reopened`` and :func:`gongkai.web.cases.clockbridge.rounds` hands the clock the new
    handling as an application received in person on ``date``: the reply is due 20 working
    days later (core calendar, with loaded notices), and pauses, corrections and extensions
    inside the new handling follow the clock's rules unchanged. The original reply, its
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
    data: dict[str, Any] = {"reason": reason}
    if review is not None:
        data |= {"review": review.pk, "review_reference": str(review)}
    event = append_event(current, by, clockbridge.REOPENED, date, data, version=current.version)
    for name in ("version", *_CACHE_FIELDS):
        setattr(case, name, getattr(current, name))
    return event


def add_note(case: Case, by: Any, text: str, document: CaseDocument | None = None) -> CaseEvent:
    if not text.strip() and document is None:
        raise ValidationError("备注不能为空。")
    return append_event(case, by, "note", today(), {"text": text.strip()}, document=document)


def store_document(
    case: Case, by: Any, *, name: str, content: bytes, content_type: str, letter_type: str = ""
) -> CaseDocument:
    _check_edit(case, by)
    return CaseDocument.objects.create(
        case=case,
        name=name,
        content=content,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        letter_type=letter_type,
        created_by=by,
    )


def attach(
    case: Case, by: Any, *, name: str, content: bytes, content_type: str, text: str = ""
) -> CaseEvent:
    with transaction.atomic():
        doc = store_document(case, by, name=name, content=content, content_type=content_type)
        return add_note(case, by, text or f"附件：{name}", document=doc)


REFRESH_CHUNK = 500  # open cases recomputed per batch (one query for all their events)


def _events_by_case(
    case_ids: list[int],
) -> dict[int, list[tuple[str, dt.date, Mapping[str, Any], int]]]:
    rows: dict[int, list[tuple[str, dt.date, Mapping[str, Any], int]]] = {i: [] for i in case_ids}
    events = (
        CaseEvent.objects.filter(case_id__in=case_ids)
        .order_by("case_id", "seq")
        .values_list("case_id", "kind", "date", "data", "seq")
    )
    for case_id, kind, day, data, seq in events:
        rows[case_id].append((kind, day, data, seq))
    return rows


def refresh_open_cases(agency_ids: Iterable[int] | None = None) -> int:
    """Recompute the as-of-today cache (deemed withdrawal, due dates on a newly loaded
    calendar) of open cases; returns how many changed.

    In batches of :data:`REFRESH_CHUNK` cases: one query for the cases, one for all their
    events, the clock for each, and one bulk update of the cases whose cache changed.
    """
    cases = Case.objects.filter(replied_on__isnull=True)
    if agency_ids is not None:
        cases = cases.filter(agency_id__in=list(agency_ids))
    changed = 0
    last = 0
    calendar = work_calendar()  # once for the whole run
    while True:
        batch = list(
            cases.filter(pk__gt=last)
            .order_by("pk")
            .only("pk", "channel", *_CACHE_FIELDS)[:REFRESH_CHUNK]
        )
        if not batch:
            return changed
        last = batch[-1].pk
        events = _events_by_case([c.pk for c in batch])
        dirty = []
        for case in batch:
            before = tuple(getattr(case, f) for f in _CACHE_FIELDS)
            refresh(case, events[case.pk], calendar)
            if tuple(getattr(case, f) for f in _CACHE_FIELDS) != before:
                dirty.append(case)
        Case.objects.bulk_update(dirty, _CACHE_FIELDS)
        changed += len(dirty)


def generate_letter(case: Case, by: Any, key: str, fmt: str) -> CaseDocument:
    """Fill, store and log a letter; the same text made again reuses the stored file."""
    from gongkai.web.cases import letters  # letters reads the case; no cycle at import

    name, content, letter = letters.make(case, key, fmt, today())
    digest = hashlib.sha256(letter.as_text().encode()).hexdigest()
    previous = (
        CaseEvent.objects.filter(
            case=case, kind="letter", data__text_sha256=digest, data__format=fmt
        )
        .select_related("document")
        .last()
    )
    if previous is not None and previous.document is not None:
        return previous.document
    with transaction.atomic():
        doc = store_document(
            case,
            by,
            name=name,
            content=content,
            content_type=letters.FORMATS[fmt],
            letter_type=letter.letter_type,
        )
        append_event(
            case,
            by,
            "letter",
            today(),
            {"letter": key, "title": letter.title, "format": fmt, "text_sha256": digest},
            document=doc,
        )
    return doc


@transaction.atomic
def save_template(agency: Any, by: Any, letter_key: str, text: str) -> None:
    """An agency's own template text (checked by ``gongkai.letters`` before it is kept)."""
    from gongkai import letters as core_letters
    from gongkai.web.cases.models import LetterTemplate

    if not permissions.can_manage(by, agency):
        raise PermissionDenied("只有本机关负责人可以修改文书模板。")
    core_letters.letter_type(letter_key)
    try:
        core_letters.check_template(text)
        core_letters.preview_template(letter_key, text)
    except core_letters.LetterError as exc:
        raise ValidationError(str(exc)) from None
    LetterTemplate.objects.update_or_create(
        agency=agency, letter_type=letter_key, defaults={"text": text, "updated_by": by}
    )
    _audit(None, agency, by, "save_template", {"letter_type": letter_key})


def mark_notifications_read(user: Any) -> int:
    from gongkai.web.cases.models import Notification

    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@dataclass(frozen=True)
class ReminderRun:
    refreshed: int
    notified: int
    emailed: int


def send_reminders(on: dt.date | None = None, *, due_soon_workdays: int = 3) -> ReminderRun:
    """The daily job: refresh the as-of-today cache, then tell each handler (in the platform
    and by e-mail) about cases due soon, overdue, or waiting for a withdrawal confirmation.
    Cases without a handler go to the agency's handlers and heads.

    The number of queries does not grow with the number of cases: the cache is refreshed
    in batches, the notices of the day already given are read once, the staff of the
    agencies concerned are read once, and the new notices are created in bulk.
    """
    from django.conf import settings as django_settings
    from django.core.mail import send_mail

    from gongkai.web.accounts.models import User
    from gongkai.web.cases import queries
    from gongkai.web.cases.models import Notification

    on = on or today()
    refreshed = refresh_open_cases()
    wanted: list[tuple[str, Case, str]] = []
    for kind, condition, text in (
        ("overdue", queries.overdue_q(on), "已超过答复期限 {due}"),
        ("due_soon", queries.due_within_q(on, due_soon_workdays), "答复期限 {due} 即将届满"),
        (
            "withdrawal",
            Q(state=Status.DEEMED_WITHDRAWN.value),
            "补正或缴费期限已届满，请确认是否视为放弃申请",
        ),
    ):
        cases = Case.objects.filter(condition).select_related("handler")
        cases = cases.only("pk", "number", "agency_id", "reply_due", "handler")
        for case in cases.iterator(chunk_size=REFRESH_CHUNK):
            message = f"{case.number}：" + text.format(due=case.reply_due)
            wanted.append((kind, case, message[:300]))
    unassigned = {c.agency_id for _, c, _ in wanted if c.handler is None or not c.handler.is_active}
    staff: dict[int, list[Any]] = {a: [] for a in unassigned}
    for user in User.objects.filter(
        agency_id__in=unassigned, is_active=True, role__in=("handler", "head")
    ).order_by("pk"):
        staff[user.agency_id].append(user)  # type: ignore[index]
    given = set(Notification.objects.filter(day=on).values_list("user_id", "case_id", "kind"))
    new: list[Any] = []
    mails: dict[int, list[str]] = {}
    for kind, case, message in wanted:
        active = case.handler is not None and case.handler.is_active
        for user in [case.handler] if active else staff[case.agency_id]:
            key = (user.pk, case.pk, kind)
            if key in given:
                continue
            given.add(key)
            new.append(Notification(user=user, case=case, kind=kind, day=on, message=message))
            if user.email:
                mails.setdefault(user.pk, [user.email]).append(message)
    # A second run of the same day at the same moment loses the race quietly.
    Notification.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    emailed = 0
    for lines in mails.values():
        address, *body = lines
        send_mail(
            subject=f"政府信息公开案件提醒（{on.isoformat()}，{len(body)} 件）",
            message="\n".join(body) + "\n\n请登录平台查看。",
            from_email=getattr(django_settings, "DEFAULT_FROM_EMAIL", None),
            recipient_list=[address],
            fail_silently=True,
        )
        emailed += 1
    Notification.objects.filter(day=on, user__email__gt="", emailed=False).update(emailed=True)
    return ReminderRun(refreshed, len(new), emailed)


@dataclass
class ImportedCase:
    """A complete case file to load in bulk (demo data, migrations from older systems)."""

    case: Case  # unsaved, personal and request fields filled
    events: list[tuple[str, dt.date, dict[str, Any], Any]]  # kind, date, data, actor
    consultations: list[Consultation]
    extensions: list[ExtensionRequest]


@transaction.atomic
def bulk_import(items: list[ImportedCase], by: Any) -> int:
    """Load whole case files at once. Each log is validated by the clock and the cache is
    derived from it exactly as :func:`append_event` derives it; invalid logs are refused."""
    ready: list[ImportedCase] = []
    for item in items:
        rows = [(k, d, _json(data), i + 1) for i, (k, d, data, _) in enumerate(item.events)]
        try:
            refresh(item.case, rows)
        except CaseError as exc:
            raise ValidationError(f"{item.case.number}：{exc}") from None
        item.case.applicant_key = applicant_key(item.case.applicant_name, item.case.id_number)
        ready.append(item)
    Case.objects.bulk_create([i.case for i in ready], batch_size=500)
    events = [
        CaseEvent(case=i.case, seq=n + 1, kind=k, date=d, data=_json(data), actor=actor)
        for i in ready
        for n, (k, d, data, actor) in enumerate(i.events)
    ]
    CaseEvent.objects.bulk_create(events, batch_size=2000)
    consultations = [c for i in ready for c in i.consultations]
    for i in ready:
        for c in i.consultations:
            c.case = i.case
        for x in i.extensions:
            x.case = i.case
    Consultation.objects.bulk_create(consultations, batch_size=1000)
    ExtensionRequest.objects.bulk_create([x for i in ready for x in i.extensions], batch_size=1000)
    agencies = {i.case.agency_id: i.case.agency for i in ready}
    for agency in agencies.values():
        count = sum(1 for i in ready if i.case.agency_id == agency.pk)
        _audit(None, agency, by, "bulk_import", {"cases": count})
    return len(ready)
