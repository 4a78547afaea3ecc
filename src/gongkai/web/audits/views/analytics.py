"""Oversight analytics pages: a project's reports, or the published reports of the agencies a
supervisor oversees — a chart per grouping and a trend chart (SVG, drawn on the server), each
with its table below and the same table as CSV/XLSX; and the ranking by published criteria."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from gongkai import analytics
from gongkai.analytics import charts
from gongkai.analytics.ranking import REPORT_CRITERIA
from gongkai.analytics.rates import MIN_N
from gongkai.evaluation import CRITERIA
from gongkai.web.accounts import permissions
from gongkai.web.audits import analytics as gather
from gongkai.web.audits.permissions import project_for
from gongkai.web.core.exports import table_download
from gongkai.web.core.requests import StaffRequest

DEFAULT_GROUPING = "region"
DEFAULT_RATE = "disclosed"
RANKING_SHOWN = 100  # the page lists the first places; the export has every report


@dataclass(frozen=True)
class Source:
    title: str
    items: list[analytics.ReportFigures]
    name: str  # the URL name prefix: "analytics" (a project) or "subtree_analytics"
    args: tuple[int, ...]  # the project's pk, or nothing

    def url(self, view: str, *extra: str) -> str:
        return reverse(f"audits:{self.name}{view}", args=(*self.args, *extra))


def _source(request: StaffRequest, pk: int | None) -> Source:
    if pk is None:
        agencies = permissions.visible_agencies(request.user).in_tree_order()
        items = gather.platform_figures(agencies, timezone.localdate())
        return Source("下级机关已公开年度报告", items, "subtree_analytics", ())
    project = project_for(request.user, pk)
    return Source(project.name, gather.project_figures(project), "analytics", (pk,))


def _choice(request: StaffRequest, name: str, allowed: Any, default: str) -> str:
    value = request.GET.get(name, default)
    return value if value in allowed else default


def _selection(request: StaffRequest) -> tuple[str, gather.RateColumn]:
    grouping = _choice(request, "by", analytics.GROUPINGS, DEFAULT_GROUPING)
    rate = gather.RATES_BY_KEY[_choice(request, "rate", gather.RATES_BY_KEY, DEFAULT_RATE)]
    return grouping, rate


def analytics_page(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    source = _source(request, pk)
    grouping, rate = _selection(request)
    summaries = analytics.by(grouping, source.items)
    years = analytics.by("year", source.items)
    columns = gather.rate_columns(summaries)
    places = analytics.places(source.items, timezone.localdate())
    query = f"?by={grouping}&rate={rate.key}"
    context = {
        "source": source,
        "grouping": grouping,
        "grouping_label": analytics.GROUPINGS[grouping][0],
        "groupings": [(key, label) for key, (label, _) in analytics.GROUPINGS.items()],
        "rate": rate,
        "rates": columns,
        "table": _table(summaries, columns),
        "year_columns": gather.rate_columns(years),
        "year_table": _table(years, gather.rate_columns(years)),
        "places": places[:RANKING_SHOWN],
        "ranked": len(places),
        "ranking_shown": RANKING_SHOWN,
        "criteria": [c for c in CRITERIA if c.key in REPORT_CRITERIA],
        "min_n": MIN_N,
        "max_bars": charts.MAX_BARS,
        "chart_url": source.url("_chart", "summary") + query,
        "trend_url": source.url("_chart", "trend") + query,
        "export": {
            table: {fmt: source.url("_export", table, fmt) + query for fmt in ("csv", "xlsx")}
            for table in ("summary", "trend", "ranking")
        },
        "page_url": source.url(""),
    }
    return render(request, "audits/analytics.html", context)


def _table(
    summaries: list[analytics.Summary], columns: list[gather.RateColumn]
) -> list[tuple[analytics.Summary, list[tuple[str, bool]]]]:
    """Each summary with its rates as shown: (text, whether the sample is too small)."""
    return [(s, [_shown(c.rate(s)) for c in columns]) for s in summaries]


def _shown(rate: analytics.Rate | None) -> tuple[str, bool]:
    if rate is None:
        return "无数据", False
    return rate.label, not rate.sufficient


def _trend_series(
    items: list[analytics.ReportFigures], rate: gather.RateColumn
) -> tuple[list[str], dict[str, list[float | None]]]:
    """The chosen rate per region, year by year (None where the sample is too small)."""
    per_region = analytics.trend(items, lambda f: f.region)
    years = [s.key for s in analytics.by("year", items)]
    series: dict[str, list[float | None]] = {}
    for region, summaries in list(per_region.items())[:10]:  # more lines are unreadable
        by_year = {s.key: rate.rate(s) for s in summaries}
        series[region] = [_percent(by_year.get(year)) for year in years]
    return years, series


def _percent(rate: analytics.Rate | None) -> float | None:
    return None if rate is None or rate.value is None else 100 * rate.value


def analytics_chart(request: StaffRequest, chart: str, pk: int | None = None) -> HttpResponse:
    source = _source(request, pk)
    grouping, rate = _selection(request)
    if chart == "summary":
        rows = [(s.key, rate.rate(s)) for s in analytics.by(grouping, source.items)]
        title = f"{rate.label}（按{analytics.GROUPINGS[grouping][0]}）"
        svg = charts.rate_bars(title, [(key, value) for key, value in rows if value is not None])
    elif chart == "trend":
        years, series = _trend_series(source.items, rate)
        svg = charts.trend_lines(
            f"{rate.label}年度趋势（%，按地区）", years, series, limits=(0, 100)
        )
    else:
        raise Http404("没有这个图表。")
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, no-cache"
    return response


def analytics_export(
    request: StaffRequest, table: str, fmt: str, pk: int | None = None
) -> HttpResponse:
    source = _source(request, pk)
    grouping, _ = _selection(request)
    if table == "summary":
        label = analytics.GROUPINGS[grouping][0]
        headers, rows = gather.summary_export(label, analytics.by(grouping, source.items))
        sheet = f"按{label}汇总"
    elif table == "trend":
        headers, rows = gather.summary_export("年度", analytics.by("year", source.items))
        sheet = "年度趋势"
    elif table == "ranking":
        headers, rows = _ranking_rows(source.items)
        sheet = "排名"
    else:
        raise Http404("没有这个表格。")
    return table_download(fmt, sheet, headers, rows, f"analytics-{table}")


def _ranking_rows(items: list[analytics.ReportFigures]) -> tuple[list[str], list[list[Any]]]:
    criteria = [c for c in CRITERIA if c.key in REPORT_CRITERIA]
    headers = ["名次", "机关", "年度", "总分", "满分"]
    for c in criteria:
        headers += [f"{c.label}（{c.points}分）", f"{c.label}说明"]
    rows = [
        [p.position, p.figures.agency, p.figures.year, p.score.total, p.score.out_of]
        + [value for part in p.score.parts for value in (part.points, part.why)]
        for p in analytics.places(items, timezone.localdate())
    ]
    return headers, rows
