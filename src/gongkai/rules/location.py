"""Say where a finding is, in the words of the format (表3 ·（一）予以公开 · 商业企业)."""

from __future__ import annotations

from gongkai.formats import FORMAT_2021, Format, row_columns, table2_row, table3_row
from gongkai.formats.national import TABLE4
from gongkai.rules.findings import Finding

_TABLES = {"table2": "表2", "table3": "表3", "table4": "表4", "sections": "正文"}
_FIELDS = {"published": "发布日期", "title": "标题", "format": "表格格式"}


def _column_label(finding: Finding, fmt: Format) -> str | None:
    if finding.column is None:
        return None
    columns = row_columns(finding.table, finding.row, fmt)
    return next((c.label for c in columns if c.key == finding.column), finding.column)


def _row_label(finding: Finding, fmt: Format) -> str | None:
    row = finding.row
    if row is None:
        return None
    if finding.table == "table3":
        spec = table3_row(row)
        return spec.label if spec else row
    if finding.table == "table2":
        spec2 = table2_row(row, fmt)
        return spec2.label if spec2 else row
    if finding.table == "table4":
        return next((b.label for b in TABLE4.blocks if b.key == row), row)
    if finding.table == "sections":
        return next((s.heading for s in fmt.sections if s.number == row), row)
    return _FIELDS.get(row, row)


def describe(finding: Finding, fmt: Format | None = None) -> str:
    fmt = fmt or FORMAT_2021
    parts = [
        _TABLES.get(finding.table or "", finding.table or ""),
        _row_label(finding, fmt),
        _column_label(finding, fmt),
    ]
    return " · ".join(p for p in parts if p) or "全文"
