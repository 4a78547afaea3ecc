"""Where in the source document a finding's cell was read (its provenance pointer).

Extraction keeps, per table row, one provenance per cell (``report.extra["provenance"]``);
this module finds the one a finding names, so a reviewer can see the printed cell.
"""

from __future__ import annotations

from typing import Any

from gongkai.formats import FORMAT_2021, Format, row_columns
from gongkai.formats.national import TABLE4
from gongkai.report import AnnualReport
from gongkai.rules.findings import Finding


def _column_index(finding: Finding, fmt: Format) -> int | None:
    """Index of the finding's cell in its row's provenance list (table 4: the flat list)."""
    column, row = finding.column, finding.row
    keys = [c.key for c in row_columns(finding.table, row, fmt)]
    if finding.table == "table4":  # one flat list: the block's place, then the column's
        blocks = [b.key for b in TABLE4.blocks]
        if row not in blocks:
            return None
        return blocks.index(row) * len(keys) + (keys.index(column) if column in keys else 0)
    if finding.table not in ("table2", "table3") or (finding.table == "table2" and not row):
        return None
    if column is None:
        return 0  # a whole-row finding points at the row's first cell
    return keys.index(column) if column in keys else None


def locate(finding: Finding, report: AnnualReport) -> dict[str, Any] | None:
    """The provenance (line/offset/length or page/box) of the finding's cell or section."""
    provenance = report.extra.get("provenance") or {}
    table = provenance.get(finding.table or "")
    if table is None:
        return None
    if finding.table == "sections":
        found = table.get(finding.row or "")
        return dict(found) if isinstance(found, dict) else None
    index = _column_index(finding, report.fmt or FORMAT_2021)
    cells = table if finding.table == "table4" else table.get(finding.row or "")
    if index is None or not isinstance(cells, list) or index >= len(cells):
        return None
    cell = cells[index]
    return dict(cell) if isinstance(cell, dict) else None


def is_extraction_doubt(finding: Finding, report: AnnualReport) -> bool:
    """Whether the finding is about a row whose printed characters split more than one way:
    then it may be a misreading by extraction rather than an error in the report."""
    ambiguous = report.extra.get("ambiguous_cells") or []
    return any(
        isinstance(cell, dict)
        and cell.get("table") == finding.table
        and cell.get("row") == finding.row
        for cell in ambiguous
    )
