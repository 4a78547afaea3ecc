"""Reconsideration and litigation records in the shape the statistics take (table 4)."""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.statistics import ReviewRecord
from gongkai.web.reviews.models import DisclosureReview


def review_records(agency_ids: Iterable[int]) -> list[ReviewRecord]:
    rows = DisclosureReview.objects.filter(agency_id__in=list(agency_ids)).values_list(
        "pk", "kind", "filed", "concluded", "result"
    )
    return [
        ReviewRecord(str(pk), kind, filed, concluded, result or None)
        for pk, kind, filed, concluded, result in rows
    ]
