"""The public endpoints under /api/v1/: agencies, published reports and their findings,
the catalogue, the register in force at a date, yearly statistics. Read-only, anonymous.

Lists are keyset-paginated (``cursor``/``limit``, see :mod:`gongkai.web.api.cursors`);
every answer carries an ETag and, where the rows say when they changed, Last-Modified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router
from ninja.params.functions import Query

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.analytics import ReportFigures, figures
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.models.agency import path_ids
from gongkai.web.annual.models.report import SCOPE_CHOICES
from gongkai.web.api import cursors, queries, statistics
from gongkai.web.api.conditional import json_response
from gongkai.web.api.schemas import (
    AgencyDetail,
    AgencyOut,
    AgencyPage,
    AgencyRef,
    AgencyStatisticsPage,
    AgencyYearStatistics,
    CatalogueItemOut,
    CatalogueItemPage,
    DocumentOut,
    DocumentPage,
    Error,
    FigureOut,
    FindingList,
    FindingOut,
    RateOut,
    RegionStatistics,
    ReportDetail,
    ReportVersionOut,
    ReportVersionPage,
)
from gongkai.web.api.views.filters import choice, day
from gongkai.web.catalogue.categories import ART20_BY_KEY
from gongkai.web.catalogue.models import VALIDITY_CHOICES
from gongkai.web.registers.models.documents import DOCUMENT_KIND_CHOICES

router = Router(tags=["公开数据"])
ERRORS: dict[int, Any] = {304: None, 400: Error, 404: Error, 429: Error}
LIMIT = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT, description="每页条数")
CURSOR = Query(None, description="上一页响应中的 next_cursor")


def _latest(stamps: Iterable[dt.datetime | None]) -> dt.datetime | None:
    return max((s for s in stamps if s is not None), default=None)


# --- agencies ----------------------------------------------------------------------------


def _agency(row: Agency) -> AgencyOut:
    return AgencyOut(
        id=row.pk,
        name=row.name,
        short_name=row.short_name,
        kind=row.kind,
        kind_label=AGENCY_KINDS[row.kind].label,
        parent_id=row.parent_id,
        level=row.level,
        ancestor_ids=path_ids(row.path)[:-1],
        office_name=row.office_name,
        office_address=row.office_address,
        office_postcode=row.office_postcode,
        office_phone=row.office_phone,
        office_email=row.office_email,
        office_hours=row.office_hours,
        website=row.website,
    )


@router.get("/agencies", response={200: AgencyPage, **ERRORS}, summary="机关列表")
def agencies(
    request: HttpRequest,
    parent: int | None = Query(None, description="只列出该机关的直接下级"),
    region: int | None = Query(None, description="只列出该机关及其全部下级"),
    kind: str | None = Query(None, description="机关类型"),
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
) -> HttpResponse:
    rows = queries.in_region(queries.public_agencies(), region, "")
    if parent is not None:
        rows = rows.filter(parent_id=parent)
    if choice("kind", kind, AGENCY_KINDS):
        rows = rows.filter(kind=kind)
    page = cursors.page(rows.only(*queries.AGENCY_FIELDS), cursor, limit)
    payload = AgencyPage(items=[_agency(a) for a in page.rows], next_cursor=page.next_cursor)
    return json_response(request, payload, _latest(a.updated_at for a in page.rows))


@router.get("/agencies/{agency_id}", response={200: AgencyDetail, **ERRORS}, summary="机关详情")
def agency(request: HttpRequest, agency_id: int) -> HttpResponse:
    found = queries.agency_or_404(agency_id)
    children = queries.public_agencies().filter(parent=found).order_by("path")
    payload = AgencyDetail(
        **_agency(found).model_dump(),
        children=[AgencyRef(id=c.pk, name=c.name) for c in children.only("id", "name")],
    )
    return json_response(request, payload, found.updated_at)


# --- annual reports ----------------------------------------------------------------------


def _version(row: dict[str, Any]) -> ReportVersionOut:
    return ReportVersionOut(
        id=row["id"],
        agency=AgencyRef(id=row["draft__agency_id"], name=row["draft__agency__name"]),
        year=row["draft__year"],
        scope=row["draft__scope"],
        version=row["number"],
        current=row["number"] == row["draft__published_version"],
        published_on=row["published_on"],
        correction_note=row["note"],
    )


@router.get("/reports", response={200: ReportVersionPage, **ERRORS}, summary="已公开的年度报告")
def reports(
    request: HttpRequest,
    agency: int | None = Query(None, description="机关编号"),
    region: int | None = Query(None, description="该机关及其全部下级的报告"),
    year: int | None = Query(None, description="报告年度"),
    scope: str | None = Query(None, description="agency 本机关；region 本地区汇总"),
    current: bool | None = Query(None, description="true：只列每份报告的最新公开版本"),
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
) -> HttpResponse:
    choice("scope", scope, dict(SCOPE_CHOICES))
    rows = queries.current_versions() if current else queries.published_versions()
    shown = rows.values(*queries.VERSION_FIELDS)
    if (agency, region, year, scope) == (None, None, None, None):
        page = cursors.page(shown, cursor, limit, key="id")
    else:
        found = queries.published_drafts(agency=agency, region=region, year=year, scope=scope)
        ids = queries.version_ids(found, current=bool(current))
        page = cursors.page_by_ids(shown, ids, cursor, limit, key="id")
    payload = ReportVersionPage(
        items=[_version(r) for r in page.rows], next_cursor=page.next_cursor
    )
    return json_response(request, payload, _latest(r["created_at"] for r in page.rows))


def _one_version(version_id: int) -> dict[str, Any]:
    versions = queries.published_versions().filter(pk=version_id)
    row: dict[str, Any] | None = versions.values(*queries.VERSION_FIELDS).first()
    if row is None:
        raise Http404(f"未找到编号为 {version_id} 的已公开年度报告。")
    return row


@router.get(
    "/reports/{report_id}", response={200: ReportDetail, **ERRORS}, summary="年度报告（规范 JSON）"
)
def report(request: HttpRequest, report_id: int) -> HttpResponse:
    row = _one_version(report_id)
    data = queries.published_versions().values_list("data", flat=True).get(pk=report_id)
    payload = ReportDetail(**_version(row).model_dump(), report=data)
    return json_response(request, payload, row["created_at"])


@router.get(
    "/reports/{report_id}/findings",
    response={200: FindingList, **ERRORS},
    summary="年度报告的审核结果",
)
def report_findings(request: HttpRequest, report_id: int) -> HttpResponse:
    row = _one_version(report_id)
    found = queries.published_versions().values_list("findings", flat=True).get(pk=report_id)
    items = [
        FindingOut(
            rule=f["rule"],
            severity=f["severity"],
            message=f["message"],
            where=f.get("where"),
            table=f.get("table"),
            row=f.get("row"),
            column=None if f.get("column") is None else str(f["column"]),
        )
        for f in found
    ]
    return json_response(request, FindingList(report_id=report_id, items=items), row["created_at"])


# --- catalogue and register --------------------------------------------------------------


def _item(row: dict[str, Any]) -> CatalogueItemOut:
    art20 = ART20_BY_KEY[row["category"]]
    return CatalogueItemOut(
        id=row["id"],
        agency_id=row["agency_id"],
        index_number=row["index_number"],
        title=row["title"],
        category=row["category"],
        category_label=f"第二十条第{art20.number}项 {art20.label}",
        column=row["column__name"],
        issuing_body=row["issuing_body"],
        document_number=row["document_number"],
        formed=row["formed"],
        published=row["published"],
        validity=row["validity"],
        summary=row["summary"],
        url=row["url"],
    )


@router.get(
    "/catalogue", response={200: CatalogueItemPage, **ERRORS}, summary="主动公开目录（已公开）"
)
def catalogue(
    request: HttpRequest,
    agency: int | None = Query(None, description="发布机关编号"),
    region: int | None = Query(None, description="该机关及其全部下级发布的信息"),
    category: str | None = Query(None, description="第二十条的项，01–15"),
    year: int | None = Query(None, description="公开年度"),
    validity: str | None = Query(None, description="valid、expired、repealed"),
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
) -> HttpResponse:
    rows = queries.in_region(queries.published_items(timezone.localdate()), region, "agency__")
    if agency is not None:
        rows = rows.filter(agency_id=agency)
    if choice("category", category, ART20_BY_KEY):
        rows = rows.filter(category=category)
    if choice("validity", validity, dict(VALIDITY_CHOICES)):
        rows = rows.filter(validity=validity)
    if year is not None:
        rows = rows.filter(published__year=year)
    page = cursors.page(rows.values(*queries.ITEM_FIELDS), cursor, limit, key="id")
    payload = CatalogueItemPage(items=[_item(r) for r in page.rows], next_cursor=page.next_cursor)
    return json_response(request, payload, _latest(r["updated_at"] for r in page.rows))


@router.get(
    "/registers/documents",
    response={200: DocumentPage, **ERRORS},
    summary="现行有效的规章和行政规范性文件",
)
def documents(
    request: HttpRequest,
    at: str | None = Query(None, description="判断日期 YYYY-MM-DD，默认今天"),
    agency: int | None = Query(None, description="制定机关编号"),
    region: int | None = Query(None, description="该机关及其全部下级制定的文件"),
    kind: str | None = Query(None, description="regulations 或 normative_documents"),
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
) -> HttpResponse:
    today = timezone.localdate()
    on = day("at", at, today)
    rows = queries.in_region(queries.documents_in_force(on, today), region, "agency__")
    if agency is not None:
        rows = rows.filter(agency_id=agency)
    if choice("kind", kind, dict(DOCUMENT_KIND_CHOICES)):
        rows = rows.filter(kind=kind)
    page = cursors.page(rows.values(*queries.DOCUMENT_FIELDS), cursor, limit, key="id")
    items = [DocumentOut(**{k: v for k, v in r.items() if k != "updated_at"}) for r in page.rows]
    payload = DocumentPage(at=on, items=items, next_cursor=page.next_cursor)
    return json_response(request, payload, _latest(r["updated_at"] for r in page.rows))


# --- statistics --------------------------------------------------------------------------


def _figures(found: ReportFigures) -> FigureOut:
    return FigureOut(
        applications=found.applications,
        disclosed=RateOut.of(found.disclosed),
        review_corrected=RateOut.of(found.review_corrected),
        suit_corrected=RateOut.of(found.suit_corrected),
    )


@router.get(
    "/statistics/agencies",
    response={200: AgencyStatisticsPage, **ERRORS},
    summary="各机关年度统计（据已公开年报）",
)
def agency_statistics(
    request: HttpRequest,
    year: int | None = Query(None, description="报告年度"),
    agency: int | None = Query(None, description="机关编号"),
    region: int | None = Query(None, description="该机关及其全部下级"),
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
) -> HttpResponse:
    found = queries.published_drafts(agency=agency, region=region, year=year, scope="agency")
    shown = queries.current_versions().values(*queries.VERSION_FIELDS)
    drafts = found.values_list("pk", flat=True)
    page = cursors.page_by_ids(shown, drafts, cursor, limit, key="draft_id")
    parsed = statistics.reports(r["id"] for r in page.rows)
    items = []
    for r in page.rows:
        report, counts = parsed[r["id"]]
        items.append(
            AgencyYearStatistics(
                agency=AgencyRef(id=r["draft__agency_id"], name=r["draft__agency__name"]),
                year=r["draft__year"],
                report_id=r["id"],
                version=r["number"],
                published_on=r["published_on"],
                figures=_figures(figures(report, region="")),
                errors=counts.get("error", 0),
                warnings=counts.get("warning", 0),
            )
        )
    payload = AgencyStatisticsPage(items=items, next_cursor=page.next_cursor)
    return json_response(request, payload, _latest(r["created_at"] for r in page.rows))


@router.get(
    "/statistics/regions/{agency_id}",
    response={200: RegionStatistics, **ERRORS},
    summary="地区年度汇总（下级机关已公开年报逐项相加）",
)
def region_statistics(
    request: HttpRequest, agency_id: int, year: int = Query(..., description="报告年度")
) -> HttpResponse:
    rollup = statistics.region_rollup(queries.agency_or_404(agency_id), year)
    payload = RegionStatistics(
        region=AgencyRef(id=rollup.region.pk, name=rollup.region.name),
        year=year,
        agencies=rollup.agencies,
        report_ids=rollup.included,
        excluded_report_ids=rollup.excluded,
        agencies_without_report=rollup.without_report,
        figures=_figures(rollup.figures) if rollup.figures else None,
        report=rollup.report,
    )
    stamp = (
        queries.published_versions()
        .filter(pk__in=rollup.included)
        .aggregate(latest=Max("created_at"))["latest"]
    )
    return json_response(request, payload, stamp)
