"""Cases as the annual report builder reads them (``gongkai.statistics``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gongkai.statistics import ApplicationRecord
from gongkai.web.cases.models import Case


def application_records(agency_ids: Iterable[int]) -> Iterator[ApplicationRecord]:
    """One record per case of the agencies (source id: the case id), in one query.

    A case counts as concluded on the day its reply was issued, with its one outcome.
    """
    rows = (
        Case.objects.filter(agency_id__in=list(agency_ids))
        .order_by("pk")
        .values_list("pk", "applicant_type", "received", "replied_on", "outcome")
    )
    for pk, applicant, received, replied_on, outcome in rows.iterator(chunk_size=2000):
        concluded = replied_on if outcome else None
        yield ApplicationRecord(
            id=str(pk),
            applicant=applicant,
            received=received,
            concluded=concluded,
            outcome=outcome or None,
        )
