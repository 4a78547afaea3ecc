"""A corpus of published reports ranked by the published criteria (``gongkai.evaluation``).

A published report shows two of the criteria — whether it was published by its deadline and
what the consistency rules found in it; replies and overdue cases are in the agency's case
records, which a corpus of documents does not have. So the same scorers give those two
parts, and the score is out of their points only.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.analytics.figures import ReportFigures
from gongkai.evaluation import AgencyYear, Score, ranked, score
from gongkai.rules import DEFAULT_SETTINGS, RuleSettings

REPORT_CRITERIA = ("report_published", "report_consistent")


@dataclass(frozen=True)
class Place:
    position: int
    figures: ReportFigures
    score: Score


def deadline(item: ReportFigures, settings: RuleSettings = DEFAULT_SETTINGS) -> dt.date:
    month, day = settings.deadlines.get(item.kind or "other", settings.deadlines["other"])
    return dt.date(item.year + 1, month, day)


def report_score(
    item: ReportFigures, today: dt.date, settings: RuleSettings = DEFAULT_SETTINGS
) -> Score:
    return _score(deadline(item, settings), item.published, item.errors, item.warnings, today)


# A corpus has many reports with the same dates and counts: each distinct case is scored once.
@functools.lru_cache(maxsize=8192)
def _score(
    due: dt.date,
    published: dt.date | None,
    errors: int | None,
    warnings: int | None,
    today: dt.date,
) -> Score:
    year = AgencyYear(
        replied=0,
        replied_late=0,
        overdue_open=0,
        report_deadline=due,
        report_published=published,
        report_errors=errors,
        report_warnings=warnings,
    )
    parts = score(year, today).parts
    return Score(tuple(p for p in parts if p.criterion.key in REPORT_CRITERIA))


def places(
    items: Iterable[ReportFigures], today: dt.date, settings: RuleSettings = DEFAULT_SETTINGS
) -> list[Place]:
    """Highest score first; equal scores share a place (``gongkai.evaluation.ranked``)."""
    scored = [(item, report_score(item, today, settings)) for item in items]
    return [
        Place(position, item, result)
        for position, (item, result) in ranked(scored, key=lambda pair: pair[1].total)
    ]
