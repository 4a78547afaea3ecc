"""Yearly statistics from published reports: one agency's, and a region's roll-up.

The figures are the core's (``gongkai.analytics.figures``) and the roll-up is the core's
sum of reports (``gongkai.rules.rollup.sum_reports``, the same cells rule F1 checks on the
annual overview; a blank in any report leaves the sum blank). Only published versions are
read. A version never changes, so each one is parsed once per process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gongkai.analytics import ReportFigures, figures
from gongkai.formats import format_for_year
from gongkai.report import AnnualReport
from gongkai.report.canonical import from_dict
from gongkai.rules.rollup import sum_reports
from gongkai.web.agencies.models import Agency
from gongkai.web.annual.builder import to_json
from gongkai.web.annual.models import ReportVersion
from gongkai.web.annual.models.report import severity_counts
from gongkai.web.api.queries import current_versions, published_drafts, version_ids

# version id → (its report, its findings per severity); a version never changes
_PARSED: dict[int, tuple[AnnualReport, Counter[str]]] = {}
_PARSED_LIMIT = 50_000


def reports(version_ids: Iterable[int]) -> dict[int, tuple[AnnualReport, Counter[str]]]:
    """The published versions' reports and finding counts by id, reading only those not
    read before."""
    wanted = list(version_ids)
    missing = [pk for pk in wanted if pk not in _PARSED]
    if len(_PARSED) + len(missing) > _PARSED_LIMIT:
        _PARSED.clear()
        missing = wanted
    if missing:
        rows = ReportVersion.objects.filter(pk__in=missing).values_list("pk", "data", "findings")
        for pk, data, findings in rows.iterator(chunk_size=500):
            _PARSED[pk] = (from_dict(data), severity_counts(findings))
    return {pk: _PARSED[pk] for pk in wanted}


@dataclass(frozen=True)
class RegionRollup:
    region: Agency
    year: int
    agencies: int  # active agencies in the region, the region's own included
    included: list[int]  # version ids summed
    excluded: list[int]  # versions in another table format (cannot be added cell by cell)
    without_report: list[int]  # agency ids with no published report of the year
    report: dict[str, Any] | None  # the sum, canonical JSON; None when nothing is published
    figures: ReportFigures | None


# A roll-up depends only on the region's members and their current versions (which never
# change), so it is kept per process under exactly those: a province's takes seconds.
_ROLLUPS: dict[tuple[Any, ...], RegionRollup] = {}
_ROLLUPS_LIMIT = 256


def region_rollup(region: Agency, year: int) -> RegionRollup:
    members = Agency.objects.subtree(region).filter(is_active=True)
    member_ids = list(members.values_list("pk", flat=True))
    drafts = published_drafts(region=region.pk, year=year, scope="agency")
    versions = dict(
        current_versions()
        .filter(pk__in=version_ids(drafts, current=True))
        .order_by()
        .values_list("pk", "draft__agency_id")
    )
    key = (region.pk, region.name, year, tuple(member_ids), tuple(sorted(versions.items())))
    cached = _ROLLUPS.get(key)
    if cached is None:
        if len(_ROLLUPS) >= _ROLLUPS_LIMIT:
            _ROLLUPS.clear()
        cached = _ROLLUPS[key] = _rollup(region, year, member_ids, versions)
    return cached


def _rollup(
    region: Agency, year: int, member_ids: list[int], versions: dict[int, int]
) -> RegionRollup:
    parsed = {pk: report for pk, (report, _) in reports(sorted(versions)).items()}
    fmt = format_for_year(year).id
    included = [pk for pk, r in parsed.items() if r.format == fmt]
    excluded = [pk for pk, r in parsed.items() if r.format != fmt]
    reported = set(versions.values())
    without = [pk for pk in member_ids if pk not in reported]
    if not included:
        return RegionRollup(region, year, len(member_ids), [], excluded, without, None, None)
    summed = sum_reports([parsed[pk] for pk in included])
    summed.agency = region.name
    summed.year = year
    return RegionRollup(
        region,
        year,
        len(member_ids),
        included,
        excluded,
        without,
        to_json(summed),
        figures(summed, region=region.name),
    )
