"""Where in the source document a finding's cell was read (its provenance pointer).

Extraction keeps, per table row, one provenance per cell (``report.extra["provenance"]``);
this module finds the one a finding names, so a reviewer can see the printed cell.
"""

from __future__ import annotations

from typing import Any

from gongkai.formats import FORMAT_2021, Format, table2_row
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report import AnnualReport
from gongkai.rules.findings import Finding


def _column_index(finding: Finding, fmt: Format) -> int | None:
    """Index of the finding's cell in its row's provenance list (table 4: the flat list)."""
    column, row = finding.column, finding.row
    if finding.table == "table3":
        keys = [c.key for c in APPLICANT_COLUMNS]
    elif finding.table == "table2" and row:
        spec = table2_row(row, fmt)
        keys = [c.key for c in spec.columns] if spec else []
    elif finding.table == "table4":
        blocks = [b.key for b in TABLE4.blocks]
        columns = [c.key for c in TABLE4.columns]
        if row not in blocks:
            return None
        start = blocks.index(row) * len(columns)
        return start + (columns.index(column) if column in columns else 0)
    else:
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
