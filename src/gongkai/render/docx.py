"""The report as a DOCX file with the look of an official document, from the shared layout.

Title in 方正小标宋简体 二号 centred, section headings in 黑体 三号 (outline level 1, so the
Word/WPS navigation pane lists them), body in 仿宋_GB2312 三号; the tables carry the national
merged headers, borders on every cell, and header rows that repeat on each page.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.calendar.labels import cn_date as chinese_date
from gongkai.render.layout import (
    NOT_PUBLISHED,
    Grid,
    GridCell,
    Role,
    report_layout,
)
from gongkai.render.official import (
    BODY_FONT,
    HEADING_FONT,
    MARGINS_MM,
)
from gongkai.render.official_docx import (
    BODY_SIZE,
    HEADING_SIZE,
    TABLE_SIZE,
    TABLE_SMALL_SIZE,
    add_paragraph,
    add_title,
    set_font,
    setup_page,
)
from gongkai.report.model import AnnualReport

_TEXT_WIDTH_MM = 210 - MARGINS_MM[1] - MARGINS_MM[3]
_WIDE_TABLE_COLUMNS = 12  # from this many columns on, the table is set in 小五
_CELL_ALIGN = {Role.LABEL: WD_ALIGN_PARAGRAPH.LEFT}


def _append(parent: Any, tag: str, **attrs: str) -> None:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(name), value)
    parent.append(element)


def _heading(doc: Any, text: str) -> None:
    p = add_paragraph(
        doc, text, WD_ALIGN_PARAGRAPH.LEFT, indent=True, font=HEADING_FONT, size=HEADING_SIZE
    )
    p.paragraph_format.keep_with_next = True
    _append(p._p.get_or_add_pPr(), "w:outlineLvl", **{"w:val": "0"})  # last: schema order


def _write_cell(cell: Any, spec: GridCell, size: Pt) -> None:
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    paragraph = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:  # merging leaves the merged cells' empty paragraphs
        extra._p.getparent().remove(extra._p)
    fmt = paragraph.paragraph_format
    fmt.alignment = _CELL_ALIGN.get(spec.role, WD_ALIGN_PARAGRAPH.CENTER)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    if spec.text:
        set_font(paragraph.add_run(spec.text), BODY_FONT, size)


def _table(doc: Any, grid: Grid) -> None:
    table = doc.add_table(rows=grid.height, cols=grid.width)
    table.style = doc.styles["Table Grid"]  # single borders on every cell
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # The cell objects, taken once before any merge: python-docx recomputes the whole grid on
    # every table.cell() call. Grid cells never overlap, so each one stays valid.
    cells = [list(row.cells) for row in table.rows]
    total = sum(grid.widths)
    widths = [Mm(_TEXT_WIDTH_MM * w / total) for w in grid.widths]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row_cells in cells:
        for cell, width in zip(row_cells, widths, strict=True):
            cell.width = width  # Word reads the cell widths, LibreOffice the grid
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        _append(tr_pr, "w:cantSplit")
        if index < grid.header_rows:
            _append(tr_pr, "w:tblHeader")  # repeated at the top of each page
    size = TABLE_SMALL_SIZE if grid.width >= _WIDE_TABLE_COLUMNS else TABLE_SIZE
    for spec in grid.cells:
        cell = cells[spec.row][spec.col]
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = cell.merge(cells[spec.row + spec.rowspan - 1][spec.col + spec.colspan - 1])
        _write_cell(cell, spec, size)


def to_document(report: AnnualReport) -> Any:
    layout = report_layout(report)
    doc = Document()
    setup_page(doc)
    add_title(doc, layout.title)
    body = WD_ALIGN_PARAGRAPH.JUSTIFY
    for section in layout.sections:
        _heading(doc, section.heading)
        for text in section.paragraphs:
            add_paragraph(doc, text, body, indent=True)
        if section.table is None:
            continue
        if section.table.grid is None:
            note = f"{section.table.title}：{NOT_PUBLISHED}"
            add_paragraph(doc, note, body, indent=True)
            continue
        _table(doc, section.table.grid)
    signature = [layout.agency or ""]
    if layout.published:
        signature.append(chinese_date(layout.published))
    if any(signature):
        add_paragraph(doc, "", body)
        for text in signature:
            p = add_paragraph(doc, text, WD_ALIGN_PARAGRAPH.RIGHT)
            p.paragraph_format.right_indent = BODY_SIZE * 2
    return doc


def render_docx(report: AnnualReport) -> bytes:
    out = io.BytesIO()
    to_document(report).save(out)
    return out.getvalue()
