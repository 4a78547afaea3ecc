"""Reports summed per agency, region or year: counts add up, rates are pooled (the sum of
numerators over the sum of denominators, so a big agency weighs as many cases as it has)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gongkai.analytics.figures import ReportFigures
from gongkai.analytics.rates import Rate

NO_YEAR = "未注明年度"


@dataclass(frozen=True)
class Summary:
    key: str
    reports: int
    applications: int  # over the reports that state it
    applications_unknown: int  # reports whose table 3 does not state it
    disclosed: Rate
    review_corrected: Rate
    suit_corrected: Rate
    findings: int
    reports_with_findings: int  # reports the findings were counted for
    replied_late: Rate | None  # None when no input gave case records

    @property
    def findings_per_report(self) -> float | None:
        if not self.reports_with_findings:
            return None
        return self.findings / self.reports_with_findings


def _sum_rates(rates: Iterable[Rate | None]) -> Rate:
    """The pooled rate; unknown (None) rates are left out, not counted as 0 of 0."""
    numerator = denominator = 0
    for rate in rates:
        if rate is not None:
            numerator += rate.numerator
            denominator += rate.denominator
    return Rate(numerator, denominator)


def summarise(key: str, items: list[ReportFigures]) -> Summary:
    late = [f.replied_late for f in items if f.replied_late is not None]
    known = [f.applications for f in items if f.applications is not None]
    counted = [f.findings for f in items if f.findings is not None]
    return Summary(
        key=key,
        reports=len(items),
        applications=sum(known),
        applications_unknown=len(items) - len(known),
        disclosed=_sum_rates(f.disclosed for f in items),
        review_corrected=_sum_rates(f.review_corrected for f in items),
        suit_corrected=_sum_rates(f.suit_corrected for f in items),
        findings=sum(counted),
        reports_with_findings=len(counted),
        replied_late=_sum_rates(late) if late else None,
    )


def grouped(items: Iterable[ReportFigures], key: Callable[[ReportFigures], str]) -> list[Summary]:
    """One summary per key, in the order the keys first appear."""
    groups: dict[str, list[ReportFigures]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return [summarise(name, members) for name, members in groups.items()]


# The groupings the oversight page offers, as data: name → (label, key of a report).
GROUPINGS: dict[str, tuple[str, Callable[[ReportFigures], str]]] = {
    "agency": ("机关", lambda f: f.agency),
    "region": ("地区", lambda f: f.region),
    "year": ("年度", lambda f: str(f.year) if f.year else NO_YEAR),
}


def by(grouping: str, items: Iterable[ReportFigures]) -> list[Summary]:
    """``grouping`` is a key of ``GROUPINGS``; years come out in order (a trend)."""
    summaries = grouped(items, GROUPINGS[grouping][1])
    return sorted(summaries, key=lambda s: s.key) if grouping == "year" else summaries


def trend(
    items: Iterable[ReportFigures], key: Callable[[ReportFigures], str]
) -> dict[str, list[Summary]]:
    """Year by year for each group (e.g. each region): group → summaries in year order."""
    out: dict[str, list[ReportFigures]] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return {name: by("year", members) for name, members in out.items()}
