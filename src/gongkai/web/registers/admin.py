"""The registers are read-only here: documents and yearly figures are entered, amended and
ended on the 文件登记 pages, whose services check the agency's right and keep the record."""

from __future__ import annotations

from django.contrib import admin

from gongkai.web.core.admin_site import ReadOnlyAdmin
from gongkai.web.registers.models import RegulatoryDocument, YearFigure


@admin.register(RegulatoryDocument)
class RegulatoryDocumentAdmin(ReadOnlyAdmin):
    staff_note = "此处仅供查看。规范性文件请在“文件登记”页面登记、修改和宣布失效或废止。"
    list_display = ("title", "kind", "document_number", "agency", "issued", "ended", "end_reason")
    list_filter = ("kind", "end_reason")
    search_fields = ("title", "document_number", "agency__name")
    date_hierarchy = "issued"


@admin.register(YearFigure)
class YearFigureAdmin(ReadOnlyAdmin):
    staff_note = (
        "此处仅供查看。年度统计数据请在“文件登记”的年度统计数据页面录入或导入，并注明来源。"
    )
    list_display = ("agency", "year", "licensing", "penalty", "coercion", "fees_10k_yuan", "source")
    list_filter = ("year",)
    search_fields = ("agency__name",)
