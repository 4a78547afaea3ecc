"""The reports the analytics page measures, read from the database as ``gongkai.analytics``
figures: a project's extracted reports with their open findings, or — for a supervisor — the
platform's own published reports of the agencies it oversees, with their case records'
late replies (the only source of an overdue rate; a published report does not state one).

The figures and every rate come from the core; this module only gathers and translates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Count, F
from django.db.models.functions import MD5

from gongkai.analytics import Rate, ReportFigures, Summary, figures
from gongkai.report import ReportReadError, ReportShapeError, loads
from gongkai.report.canonical import from_dict
from gongkai.web.agencies.models import Agency
from gongkai.web.annual.models import ReportVersion
from gongkai.web.annual.sources import CASES_APP
from gongkai.web.audits.models import AuditFinding, AuditProject, AuditReport, Disposition

UNMATCHED = "（未对应到机关）"
# A finding the reviewers judged not to be the report's fault does not count against it.
NOT_THE_REPORTS_FAULT = ("justified", "extraction_problem")

# A report's own figures depend only on its JSON; reading 5,000 of them on every request
# would cost most of the page's time, so they are kept per process, keyed by the text's MD5
# (computed by the database, so an unchanged report's text is not even fetched).
_READ: dict[tuple[int, str], ReportFigures | None] = {}
_READ_LIMIT = 200_000


def _read(pk: int, text: str) -> ReportFigures | None:
    try:
        return figures(loads(text, source=f"report {pk}"), region="")
    except (ReportReadError, ReportShapeError):
        return None  # stored by the extraction, so this should not happen


def _reports(keys: list[tuple[int, str]]) -> dict[int, ReportFigures | None]:
    """Each report's own figures by pk, reading only the texts not seen before."""
    missing = [pk for pk, digest in keys if (pk, digest) not in _READ]
    if len(_READ) + len(missing) > _READ_LIMIT:
        _READ.clear()
        missing = [pk for pk, _ in keys]
    if missing:
        rows = AuditReport.objects.filter(pk__in=missing).values_list("pk", "report_json")
        for pk, text in rows.iterator(chunk_size=1000):
            _READ[(pk, hashlib.md5(text.encode()).hexdigest())] = _read(pk, text)
    return {pk: _READ.get((pk, digest)) for pk, digest in keys}


def _finding_counts(reports: Iterable[int], project: AuditProject) -> dict[int, Counter[str]]:
    """Open report findings per report and severity, without those the reviewers excused."""
    excused = Disposition.objects.filter(
        project=project, current=True, verdict__in=NOT_THE_REPORTS_FAULT
    ).values("fingerprint")
    rows = (
        AuditFinding.objects.filter(
            project=project, finding_class="report", resolved_at__isnull=True
        )
        .exclude(fingerprint__in=excused)
        .order_by()
        .values_list("report_id", "severity")
        .annotate(n=Count("*"))
    )
    wanted = set(reports)
    out: dict[int, Counter[str]] = {}
    for report_id, severity, n in rows:
        if report_id in wanted:
            out.setdefault(report_id, Counter())[severity] += n
    return out


def project_figures(project: AuditProject) -> list[ReportFigures]:
    """One item per extracted report of the project, filed under the region (the parent
    agency) of the agency it was matched to; unmatched reports are filed together."""
    rows = list(
        AuditReport.objects.filter(document__project=project)
        .order_by("agency_name", "year", "pk")
        .values_list(
            "pk",
            MD5("report_json"),
            "matched_agency__name",
            "matched_agency__parent__name",
            "matched_agency__kind",
        )
    )
    counts = _finding_counts((pk for pk, *_ in rows), project)
    read_by_pk = _reports([(pk, digest) for pk, digest, *_ in rows])
    out = []
    for pk, _, agency, region, kind in rows:
        read = read_by_pk[pk]
        if read is None:
            continue
        found = counts.get(pk, Counter())
        out.append(
            ReportFigures(
                agency=agency or read.agency,
                region=region or agency or UNMATCHED,  # a root agency is its own region
                year=read.year,
                applications=read.applications,
                disclosed=read.disclosed,
                review_corrected=read.review_corrected,
                suit_corrected=read.suit_corrected,
                errors=found["error"],
                warnings=found["warning"],
                published=read.published,
                kind=kind or read.kind,
            )
        )
    return out


def _late_replies(
    agencies: list[int], years: set[int], today: dt.date
) -> dict[tuple[int, int], Rate]:
    """(agency, year) → replies after the due date over replies, from the case records."""
    if not apps.is_installed(CASES_APP) or not agencies:
        return {}
    from gongkai.web.cases import queries
    from gongkai.web.cases.models import Case

    cases = Case.objects.filter(agency_id__in=agencies)
    out = {}
    for year in years:
        for agency_id, row in queries.timeliness(cases, year, today).items():
            out[(agency_id, year)] = Rate(row["late"], row["replied"])
    return out


# A published version never changes, so its figures are kept per process by its pk and
# creation time (a pk alone could come back after a rolled-back transaction).
_VERSIONS: dict[tuple[int, dt.datetime], ReportFigures] = {}


def _versions(keys: list[tuple[int, dt.datetime]]) -> dict[int, ReportFigures]:
    missing = [pk for pk, created in keys if (pk, created) not in _VERSIONS]
    if len(_VERSIONS) + len(missing) > _READ_LIMIT:
        _VERSIONS.clear()
        missing = [pk for pk, _ in keys]
    rows = ReportVersion.objects.filter(pk__in=missing).values_list(
        "pk", "created_at", "data", "findings"
    )
    for pk, created, data, found in rows.iterator(chunk_size=1000):
        severities = Counter(f.get("severity") for f in found)
        _VERSIONS[(pk, created)] = figures(
            from_dict(data),
            region="",
            errors=severities["error"],
            warnings=severities["warning"],
        )
    return {pk: _VERSIONS[(pk, created)] for pk, created in keys}


def platform_figures(agencies: Iterable[Agency], today: dt.date) -> list[ReportFigures]:
    """The latest published version of each agency's own report (not the region roll-ups,
    which would count every case twice), with its findings and its late replies."""
    by_pk = {a.pk: a for a in agencies}
    rows = list(
        ReportVersion.objects.filter(
            draft__agency_id__in=list(by_pk),
            draft__scope="agency",
            number=F("draft__published_version"),
        )
        .order_by("draft__year", "draft__agency__path")
        .values_list("pk", "created_at", "draft__agency_id", "draft__year")
    )
    read = _versions([(pk, created) for pk, created, *_ in rows])
    first = _first_published([(a, y) for _, _, a, y in rows])
    late = _late_replies(list(by_pk), {year for *_, year in rows}, today)
    parents = _names({a.parent_id for a in by_pk.values() if a.parent_id})
    return [
        dataclasses.replace(
            read[pk],
            agency=by_pk[agency_id].name,
            kind=by_pk[agency_id].kind,
            region=parents.get(by_pk[agency_id].parent_id or 0, by_pk[agency_id].name),
            published=first.get((agency_id, year)),
            replied_late=late.get((agency_id, year), Rate(0, 0)),
        )
        for pk, _, agency_id, year in rows
    ]


def _first_published(keys: list[tuple[int, int]]) -> dict[tuple[int, int], dt.date]:
    if not keys:
        return {}
    rows = ReportVersion.objects.filter(
        number=1, draft__scope="agency", draft__agency_id__in={a for a, _ in keys}
    ).values_list("draft__agency_id", "draft__year", "published_on")
    return {(a, y): day for a, y, day in rows}


def _names(pks: set[int]) -> dict[int, str]:
    return dict(Agency.objects.filter(pk__in=pks).values_list("pk", "name"))


# --- the tables, as data: one definition for the page, the CSV and the XLSX --------------


@dataclass(frozen=True)
class RateColumn:
    key: str
    label: str
    rate: Callable[[Summary], Rate | None]
    explanation: str


RATES = (
    RateColumn(
        "disclosed",
        "实质公开率",
        lambda s: s.disclosed,
        "（予以公开＋部分公开）÷ 作出决定的申请（表三办理结果第（一）至（五）项；"
        "第（六）项其他处理未作决定，不计入）",
    ),
    RateColumn(
        "review",
        "复议纠错率",
        lambda s: s.review_corrected,
        "行政复议结果纠正 ÷（结果维持＋结果纠正＋其他结果），尚未审结的不计入",
    ),
    RateColumn(
        "suit",
        "诉讼纠错率",
        lambda s: s.suit_corrected,
        "行政诉讼（未经复议直接起诉和复议后起诉）结果纠正 ÷ 已审结",
    ),
    RateColumn(
        "late",
        "超期答复率",
        lambda s: s.replied_late,
        "超过答复期限作出的答复 ÷ 本年答复（仅平台案件记录有此数据）",
    ),
)
RATES_BY_KEY = {r.key: r for r in RATES}


def _rate_cells(rate: Rate | None) -> list[Any]:
    """For an export: the rate, its interval and n, or 样本不足 (and blank when unknown)."""
    if rate is None:
        return [None, None, None, None]
    low, high = rate.interval or (None, None)
    value: Any = round(rate.value, 4) if rate.value is not None else "样本不足"
    return [
        value,
        None if low is None else round(low, 4),
        None if high is None else round(high, 4),
        rate.denominator,
    ]


def rate_columns(summaries: list[Summary]) -> list[RateColumn]:
    """The overdue rate only where some input gave case records."""
    has_late = any(s.replied_late is not None for s in summaries)
    return [r for r in RATES if r.key != "late" or has_late]


def summary_export(
    grouping_label: str, summaries: list[Summary]
) -> tuple[list[str], list[list[Any]]]:
    columns = rate_columns(summaries)
    headers = [grouping_label, "报告数", "申请数量", "申请数量未填报的报告", "每份报告的审核问题"]
    for column in columns:
        headers += [
            column.label,
            f"{column.label}95%下限",
            f"{column.label}95%上限",
            f"{column.label}样本量",
        ]
    rows = []
    for s in summaries:
        per_report = s.findings_per_report
        row: list[Any] = [
            s.key,
            s.reports,
            s.applications,
            s.applications_unknown,
            None if per_report is None else round(per_report, 2),
        ]
        for column in columns:
            row += _rate_cells(column.rate(s))
        rows.append(row)
    return headers, rows
