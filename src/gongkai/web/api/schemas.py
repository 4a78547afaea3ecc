"""The API's response shapes: they are the OpenAPI schema.

Plain pydantic models, not ninja's ``Schema``: the answers are built from Python values,
and ninja's attribute resolver (for ORM objects) costs several times the validation itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from gongkai.analytics import Rate


class Out(BaseModel):
    """Every response shape."""


class Error(Out):
    detail: str = Field(description="错误说明（中文）")


class RateOut(Out):
    numerator: int
    denominator: int
    value: float | None = Field(description="比率；样本少于 10 时为 null（样本不足）")

    @classmethod
    def of(cls, rate: Rate | None) -> RateOut | None:
        if rate is None:
            return None
        return cls(numerator=rate.numerator, denominator=rate.denominator, value=rate.value)


class AgencyRef(Out):
    id: int
    name: str


class AgencyOut(Out):
    id: int
    name: str
    short_name: str
    kind: str = Field(description="机关类型：government、department、township …")
    kind_label: str
    parent_id: int | None
    level: int
    ancestor_ids: list[int] = Field(description="自根机关至上级机关的编号")
    office_name: str
    office_address: str
    office_postcode: str
    office_phone: str
    office_email: str
    office_hours: str
    website: str


class AgencyDetail(AgencyOut):
    children: list[AgencyRef]


class AgencyPage(Out):
    items: list[AgencyOut]
    next_cursor: str | None


class ReportVersionOut(Out):
    id: int
    agency: AgencyRef
    year: int
    scope: str = Field(description="agency：本机关；region：本地区汇总")
    version: int
    current: bool = Field(description="是否为该报告的最新公开版本")
    published_on: dt.date
    correction_note: str


class ReportVersionPage(Out):
    items: list[ReportVersionOut]
    next_cursor: str | None


class ReportDetail(ReportVersionOut):
    report: dict[str, Any] = Field(description="规范 JSON（gongkai.annual-report/1）")


class FindingOut(Out):
    rule: str
    severity: str
    message: str
    where: str | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None


class FindingList(Out):
    report_id: int
    items: list[FindingOut]


class CatalogueItemOut(Out):
    id: int
    agency_id: int
    index_number: str
    title: str
    category: str = Field(description="《条例》第二十条的项，01–15")
    category_label: str
    column: str | None
    issuing_body: str
    document_number: str
    formed: dt.date
    published: dt.date
    validity: str = Field(description="valid 有效；expired 失效；repealed 废止")
    summary: str
    url: str


class CatalogueItemPage(Out):
    items: list[CatalogueItemOut]
    next_cursor: str | None


class DocumentOut(Out):
    id: int
    agency_id: int
    kind: str = Field(description="regulations 规章；normative_documents 行政规范性文件")
    title: str
    document_number: str
    issued: dt.date
    published: dt.date
    effective: dt.date | None
    last_amended: dt.date | None
    amendment_note: str
    ended: dt.date | None
    end_reason: str


class DocumentPage(Out):
    at: dt.date = Field(description="现行有效的判断日期")
    items: list[DocumentOut]
    next_cursor: str | None


class FigureOut(Out):
    applications: int | None = Field(description="本年新收与上年结转申请数（总计列）")
    disclosed: RateOut | None = Field(description="实质公开率：予以公开与部分公开占已作决定的比例")
    review_corrected: RateOut | None = Field(description="行政复议纠错率")
    suit_corrected: RateOut | None = Field(description="行政诉讼纠错率")


class AgencyYearStatistics(Out):
    agency: AgencyRef
    year: int
    report_id: int = Field(description="所依据的已公开年报版本")
    version: int
    published_on: dt.date
    figures: FigureOut
    errors: int
    warnings: int


class AgencyStatisticsPage(Out):
    items: list[AgencyYearStatistics]
    next_cursor: str | None


class RegionStatistics(Out):
    region: AgencyRef
    year: int
    agencies: int = Field(description="地区内在用机关数（含本级）")
    report_ids: list[int] = Field(description="参加汇总的已公开年报版本")
    excluded_report_ids: list[int] = Field(description="表格格式不同、无法逐项加总的版本")
    agencies_without_report: list[int]
    figures: FigureOut | None
    report: dict[str, Any] | None = Field(
        description="各机关报告逐项相加（gongkai.annual-report/1；任一报告空白的单元格为空白）"
    )


class CaseStatistics(Out):
    agency: AgencyRef
    year: int
    received: int
    replied: int
    replied_late: int
    overdue: int = Field(description="年内（或至今日）超过答复期限仍未答复的件数")
    outcomes: dict[str, int] = Field(description="当年办结件数，按办理结果（表3行）")


class CaseStatisticsList(Out):
    items: list[CaseStatistics]


class OverdueCase(Out):
    id: int
    number: str
    agency: AgencyRef
    received: dt.date
    reply_due: dt.date
    overdue_from: dt.date
    state: str
    provisional: bool = Field(description="期限为暂定（当年节假日通知未载入）")


class OverdueCasePage(Out):
    today: dt.date
    items: list[OverdueCase]
    next_cursor: str | None
