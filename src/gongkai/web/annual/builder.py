"""Compute a report's tables from records with the core statistics, keeping every cell's
sources; draft the sections; run the rules. No Django models are written here."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from gongkai.drafting import draft_sections
from gongkai.formats import format_for_year
from gongkai.report import AnnualReport, dumps
from gongkai.report.canonical import from_dict
from gongkai.rules import Finding, RuleSettings, check
from gongkai.rules.location import describe
from gongkai.statistics import (
    StatisticsSettings,
    table2_for_year,
    table3_for_year,
    table4_for_year,
)
from gongkai.web.annual.sources import RecordSource

# Table-2 rows that come from the yearly figures, not from register entries.
FIGURE_ROWS = ("licensing", "penalty", "coercion", "fees")


@dataclass
class Built:
    report: AnnualReport
    # table → row → column index (as text) → record ids; "figures": YearFigure ids used.
    sources: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)  # the counting rules, as staff read them


def report_title(agency_name: str, year: int, region: bool = False) -> str:
    scope = "（汇总）" if region else ""
    return f"{agency_name}{year}年政府信息公开工作年度报告{scope}"


def build_tables(
    source: RecordSource,
    agency_ids: list[int],
    year: int,
    *,
    agency_name: str,
    agency_kind: str,
    region: bool = False,
    policy: StatisticsSettings | None = None,
) -> Built:
    """The report of ``agency_ids`` (one agency, or a region's subtree) for ``year``."""
    policy = policy or statistics_settings()
    fmt = format_for_year(year)
    figures, figure_ids = source.year_figures(agency_ids, year)
    t2 = table2_for_year(source.document_records(agency_ids), figures, year, fmt)
    t3 = table3_for_year(source.application_records(agency_ids, year), year, fmt, policy)
    t4 = table4_for_year(source.review_records(agency_ids), year)
    report = AnnualReport(
        agency=agency_name,
        year=year,
        format=fmt.id,
        agency_kind=agency_kind,
        title=report_title(agency_name, year, region),
        table2=t2.values,
        table3={row: list(cells) for row, cells in t3.values.items()},  # cells of any kind
        table4=list(t4.values),
    )
    warnings = []
    if not source.applications_connected:
        warnings.append("依申请公开案件数据尚未接入平台，表3按无申请计算。")
    missing = [key for key in FIGURE_ROWS if key in t2.values and t2.values[key][-1] is None]
    if missing:
        warnings.append("表2部分年度统计数据未录入（空白不等于0），请在“年度统计数据”中录入。")
    sources = {
        "table2": t2.sources.to_dict(),
        "table3": t3.sources.to_dict(),
        "table4": t4.sources.to_dict().get("table4", {}),
        "figures": figure_ids,
    }
    return Built(report, sources, warnings, policy.describe())


def statistics_settings() -> StatisticsSettings:
    """The platform's statistics policy (``GONGKAI_COUNT_REOPENED``)."""
    return StatisticsSettings(count_reopened=getattr(settings, "GONGKAI_COUNT_REOPENED", True))


def with_sections(report: AnnualReport, kept: dict[str, str]) -> AnnualReport:
    """Sections drafted from the tables, except those staff edited (``kept``)."""
    report.sections = {**draft_sections(report), **kept}
    return report


def to_json(report: AnnualReport) -> dict[str, Any]:
    """The canonical JSON object, as stored (plain JSON values)."""
    data: dict[str, Any] = json.loads(dumps(report))
    return data


def from_json(data: dict[str, Any]) -> AnnualReport:
    return from_dict(data)


def run_rules(
    report: AnnualReport, previous: AnnualReport | None, settings: RuleSettings
) -> list[dict[str, Any]]:
    findings: list[Finding] = check(report, previous, settings)
    fmt = report.fmt
    return [{**f.to_dict(), "where": describe(f, fmt)} for f in findings]
