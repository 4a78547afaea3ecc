"""Cases as the annual report builder reads them (``gongkai.statistics``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Q

from gongkai.statistics import ApplicationRecord
from gongkai.web.cases.clockbridge import REOPENED
from gongkai.web.cases.models import Case, CaseEvent

# A reopened case's later handlings are records "<case id>-<n>" (n = 1, 2, …).
HANDLING_SEPARATOR = "-"


def application_records(
    agency_ids: Iterable[int], *, year: int | None = None
) -> Iterator[ApplicationRecord]:
    """One record per handling of the agencies' cases (source id: the case id), in one
    query, plus one small query for the cases reopened after a review.

    A handling counts as concluded on the day its reply was issued, with its one outcome (a
    reply date without an outcome is not a conclusion: ``table3_for_year`` sees it open).
    A case reopened after a 纠正 review result (``services.reopen_after_review``) gives one
    record per handling: the original one keeps its receipt, reply and outcome (so the year
    it was reported in does not change); each reopening is received on its own day and
    concluded by the reply that follows it, if any.

    With ``year``, only the cases ``gongkai.statistics.table3_for_year`` can count in that
    year are read: received by its end, and not concluded before its start (for a reopened
    case the latest reply bounds every handling's). Every other case is skipped there
    anyway, so the tables are the same; the rows are read in no particular order (the
    table does not depend on it, and ordering would make PostgreSQL walk the primary key
    index instead of the agency indexes).
    """
    rows = Case.objects.filter(agency_id__in=list(agency_ids))
    if year is not None:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        rows = rows.filter(received__lte=end).filter(
            Q(replied_on__isnull=True) | Q(replied_on__gte=start) | Q(outcome="")
        )
    values = rows.order_by().values_list(
        "pk", "applicant_type", "received", "replied_on", "outcome", "reopened_on"
    )
    reopened: dict[int, tuple[str, dt.date]] = {}
    for pk, applicant, received, replied_on, outcome, reopened_on in values.iterator(
        chunk_size=2000
    ):
        if reopened_on is not None:
            reopened[pk] = (applicant, received)
            continue
        yield ApplicationRecord(
            id=str(pk),
            applicant=applicant,
            received=received,
            concluded=replied_on if outcome else None,
            outcome=outcome or None,
        )
    yield from _handlings(reopened)


def _handlings(cases: dict[int, tuple[str, dt.date]]) -> Iterator[ApplicationRecord]:
    if not cases:
        return
    events = (
        CaseEvent.objects.filter(case_id__in=list(cases), kind__in=("replied", REOPENED))
        .order_by("case_id", "seq")
        .values_list("case_id", "kind", "date", "data")
    )
    by_case: dict[int, list[tuple[str, dt.date, dict[str, Any]]]] = {}
    for case_id, kind, day, data in events:
        by_case.setdefault(case_id, []).append((kind, day, data))
    for pk, (applicant, received) in cases.items():
        number, start, reply = 0, received, None
        for kind, day, data in by_case.get(pk, []):
            if kind == REOPENED:
                yield _record(pk, number, applicant, start, reply)
                number, start, reply = number + 1, day, None
            else:
                reply = (day, data.get("outcome") or None)
        yield _record(pk, number, applicant, start, reply)


def _record(
    pk: int, number: int, applicant: str, received: dt.date, reply: tuple[dt.date, Any] | None
) -> ApplicationRecord:
    concluded, outcome = reply if reply and reply[1] else (None, None)
    return ApplicationRecord(
        id=f"{pk}{HANDLING_SEPARATOR}{number}" if number else str(pk),
        applicant=applicant,
        received=received,
        concluded=concluded,
        outcome=outcome,
        reopening=number,
    )


def case_pk(record_id: str) -> int | None:
    """The case behind a record id (a reopened case's later handlings included)."""
    head = str(record_id).partition(HANDLING_SEPARATOR)[0]
    return int(head) if head.isdigit() else None
