"""征求意见: consultations of third parties or other agencies and their answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.clock import EventType
from gongkai.web.cases.models import Case, Consultation
from gongkai.web.cases.services.log import append_event, compute


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
        {"party": party, "kind": kind, "consultee": kind},
        version=version,
    )
    consultation = Consultation.objects.create(
        case=case, kind=kind, party=party, address=address, sent_on=date
    )
    refresh_consultations(case)
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


def consultation_limits(case: Case, result: Any) -> list[tuple[Consultation, dt.date | None]]:
    """Each consultation row with the clock's limit for it (``result``: the clock's view of
    the case): each row's letter is the ``consultation_sent`` event sent in the same order,
    and its limit runs from service. The case page shows these; the rows cache them."""
    sent = case.events.filter(kind=EventType.CONSULTATION_SENT.value).order_by("seq")
    rows = list(case.consultations.order_by("sent_on", "id"))
    limits = [result.limit_of(event.seq) for event in sent]
    return [(row, limits[i] if i < len(limits) else None) for i, row in enumerate(rows)]


def refresh_consultations(case: Case) -> None:
    """Rewrite the rows' cached limits from the clock."""
    for row, limit in consultation_limits(case, compute(case)):
        if row.limit != limit:
            row.limit = limit
            row.save(update_fields=["limit"])
