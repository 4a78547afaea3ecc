"""Many cases at once: the batched refresh of the as-of-today cache and the bulk import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.clock import CaseError
from gongkai.web.cases.models import Case, CaseEvent, Consultation, ExtensionRequest
from gongkai.web.cases.services.intake import applicant_key
from gongkai.web.cases.services.log import _CACHE_FIELDS, _audit, _json, refresh
from gongkai.web.cases.services.pinned import refresh_chunk
from gongkai.web.workcalendar.services import work_calendar


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
            .only("pk", "channel", *_CACHE_FIELDS)[: refresh_chunk()]
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
    calendar = work_calendar()  # once for the whole import
    for item in items:
        rows = [(k, d, _json(data), i + 1) for i, (k, d, data, _) in enumerate(item.events)]
        try:
            refresh(item.case, rows, calendar)
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
