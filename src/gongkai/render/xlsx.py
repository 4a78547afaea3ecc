"""The report's tables as an XLSX workbook: one sheet per table, from the shared layout.

Each sheet has the report title and the section heading above the table, then the table
with the national merged headers. Numbers are stored as numbers (a decimal amount as a
decimal showing its printed places), a blank cell stays empty, and printed text such as "/"
or "+3" (a 2019 增/减 printed with its sign) stays text, as in the JSON.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import Cell as SheetCell
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.render.layout import NOT_PUBLISHED, Grid, GridCell, Role, report_layout
from gongkai.render.official import BODY_FONT, HEADING_FONT, TITLE_FONT
from gongkai.report.model import AnnualReport

FIRST_ROW = 3  # rows 1 and 2: report title and section heading
_SHEET_CHARS = 110  # the table's total width in character units
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CELL_FONT = Font(name=BODY_FONT, size=11)
_HEAD_FONT = Font(name=BODY_FONT, size=11, bold=True)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
# Excel's sheet names may not hold these characters and are at most 31 long.
_SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _number_format(value: Decimal) -> str:
    """Show the decimal places that were printed (7545.00 stays 7545.00)."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * places if places else "0"


def _write_value(cell: SheetCell | MergedCell, spec: GridCell) -> None:
    value = spec.value
    if value is None:
        return
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # printed text, never a formula, even when it starts with "="
        return
    cell.value = value
    if isinstance(value, Decimal):
        cell.number_format = _number_format(value)


def _write_text(cell: SheetCell | MergedCell, text: str | None) -> None:
    cell.value = text or None
    if text:
        cell.data_type = "s"  # titles and labels are the report's own text, never formulas


def _write_grid(ws: Worksheet, grid: Grid) -> None:
    total = sum(grid.widths)
    for col, weight in enumerate(grid.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = _SHEET_CHARS * weight / total
    for spec in grid.cells:
        row, col = FIRST_ROW + spec.row, 1 + spec.col
        end_row, end_col = row + spec.rowspan - 1, col + spec.colspan - 1
        for r in range(row, end_row + 1):  # borders on every cell so merged areas are outlined
            for c in range(col, end_col + 1):
                ws.cell(r, c).border = _BORDER
        cell = ws.cell(row, col)
        if spec.role is Role.VALUE:
            _write_value(cell, spec)
            cell.font = _CELL_FONT
        else:
            _write_text(cell, spec.text)
            cell.font = _HEAD_FONT if spec.role in (Role.HEADER, Role.CORNER) else _CELL_FONT
        cell.alignment = _LEFT if spec.role is Role.LABEL else _CENTRE
        if end_row > row or end_col > col:
            ws.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)
    ws.freeze_panes = f"A{FIRST_ROW + grid.header_rows}"
    ws.print_title_rows = (
        f"{FIRST_ROW}:{FIRST_ROW + grid.header_rows - 1}" if grid.header_rows else None
    )


def _sheet_name(title: str, used: set[str]) -> str:
    name = title.translate(_SHEET_NAME_FORBIDDEN)[:31] or "表"
    base, n = name, 2
    while name in used:
        suffix = f"（{n}）"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def to_workbook(report: AnnualReport) -> Workbook:
    layout = report_layout(report)
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for section in layout.sections:
        if section.table is None:
            continue
        ws = wb.create_sheet(_sheet_name(section.table.title or section.heading, used))
        grid = section.table.grid
        width = grid.width if grid else 8
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if width >= 12 else "portrait"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        _write_text(ws.cell(1, 1), layout.title)
        ws.cell(1, 1).font = Font(name=TITLE_FONT, size=16)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
        _write_text(ws.cell(2, 1), section.heading)
        ws.cell(2, 1).font = Font(name=HEADING_FONT, size=12)
        for row in (1, 2):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        if grid is None:
            ws.cell(FIRST_ROW, 1, NOT_PUBLISHED).font = _CELL_FONT
            continue
        _write_grid(ws, grid)
    return wb


def render_xlsx(report: AnnualReport) -> bytes:
    out = io.BytesIO()
    to_workbook(report).save(out)
    return out.getvalue()
