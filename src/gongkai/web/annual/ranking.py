"""The supervisor's ranking of the agencies it oversees for one year (``gongkai.evaluation``).

Reads what the platform already keeps: each agency's replies and overdue cases (the cases
app, when installed), its annual report's first publication date and the findings of its
current published version; the score and the places come from the core, so every agency
is measured by the same published rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db.models import QuerySet

from gongkai.evaluation import AgencyYear, Score, ranked, score
from gongkai.web.agencies.models import Agency
from gongkai.web.annual import overview
from gongkai.web.annual.models.report import severity_counts
from gongkai.web.annual.sources import CASES_APP


@dataclass(frozen=True)
class Place:
    position: int
    score: Score
    status: overview.AgencyStatus

    @property
    def agency(self) -> Agency:
        return self.status.agency


def _case_figures(agencies: list[Agency], year: int, today: dt.date) -> dict[int, dict[str, int]]:
    if not apps.is_installed(CASES_APP):
        return {}
    from gongkai.web.cases import queries
    from gongkai.web.cases.models import Case

    cases = Case.objects.filter(agency_id__in=[a.pk for a in agencies])
    return queries.timeliness(cases, year, today)


def places(agencies: QuerySet[Agency], year: int, today: dt.date) -> list[Place]:
    statuses = overview.statuses(agencies, year, today)
    figures = _case_figures([s.agency for s in statuses], year, today)
    none = {"replied": 0, "late": 0, "overdue": 0}
    scored = []
    for status in statuses:
        cases = figures.get(status.agency.pk, none)
        # The report criteria read the published report (its current version), never a
        # working draft: an unpublished report scores nothing on them.
        counts = severity_counts(status.current.findings) if status.current else None
        agency_year = AgencyYear(
            replied=cases["replied"],
            replied_late=cases["late"],
            overdue_open=cases["overdue"],
            report_deadline=status.deadline,
            report_published=status.published_on,
            report_errors=counts["error"] if counts is not None else None,
            report_warnings=counts["warning"] if counts is not None else None,
        )
        scored.append((status, score(agency_year, today)))
    return [
        Place(position, result, status)
        for position, (status, result) in ranked(scored, key=lambda item: item[1].total)
    ]
