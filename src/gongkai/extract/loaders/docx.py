"""Word (.docx): paragraphs and tables in body order; merged cells repeated (python-docx).

The zip is inspected before parsing: a member that would unpack to far more than its
compressed size, or a total beyond the limit, is refused (zip bombs).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from docx.exceptions import PythonDocxError
from docx.oxml.ns import qn

from gongkai.extract.document import Document, Grid, GridCell, Provenance, TextLine, UnreadableError
from gongkai.extract.loaders.limits import (
    MAX_DOCX_MEMBER_RATIO,
    MAX_DOCX_UNPACKED_BYTES,
    MAX_SPAN,
)
from gongkai.files import megabytes


def _check_zip(data: bytes, source: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableError(f"{source}：不是有效的 DOCX 文件（ZIP 结构损坏）") from None
    with archive:
        members = archive.infolist()
        if "word/document.xml" not in {m.filename for m in members}:
            raise UnreadableError(f"{source}：不是 Word 文档（DOCX 中缺少 word/document.xml）")
        total = sum(m.file_size for m in members)
        if total > MAX_DOCX_UNPACKED_BYTES:
            raise UnreadableError(
                f"{source}：DOCX 解压后达 {megabytes(total)}，超过上限 "
                f"{megabytes(MAX_DOCX_UNPACKED_BYTES)}（可能是压缩炸弹），拒绝读取"
            )
        for member in members:
            if member.file_size > MAX_DOCX_MEMBER_RATIO * max(member.compress_size, 1024):
                raise UnreadableError(
                    f"{source}：DOCX 中的 {member.filename} 压缩比异常"
                    f"（{megabytes(member.compress_size)} → {megabytes(member.file_size)}，"
                    "可能是压缩炸弹），拒绝读取"
                )


def _repair_spans(body: Any) -> list[str]:
    """Column spans that are not a small whole number (python-docx would raise, or expand a
    huge one) are read as 1 and named in a warning, so the rest of the table is still read."""
    warnings: list[str] = []
    attribute = qn("w:val")
    for number, span in enumerate(body.iter(qn("w:gridSpan")), 1):
        value = (span.get(attribute) or "").strip()
        if not value.isdecimal() or not 1 <= int(value[:6]) <= MAX_SPAN:
            span.getparent().remove(span)
            warnings.append(
                f"DOCX 表格中第 {number} 个合并单元格的列数“{value[:20]}”无效，按 1 列读取"
            )
    return warnings


def _grid(table: Any, index: int) -> tuple[Grid, list[TextLine]]:
    rows: list[list[GridCell]] = []
    lines: list[TextLine] = []
    # <w:tc> element → its GridCell; keying by the element keeps lxml's proxy alive, so a
    # merged cell met again in a later slot is recognised (id() of a freed proxy is reused).
    seen: dict[Any, GridCell] = {}
    for r, row in enumerate(table.rows):
        cells = row.cells
        grid_row: list[GridCell] = []
        for c, cell in enumerate(cells):
            key = cell._tc
            if key not in seen:
                text = "\n".join(p.text for p in cell.paragraphs).strip()
                colspan = sum(1 for other in cells if other._tc is cell._tc)
                prov = Provenance(table=index, row=r, column=c)
                seen[key] = GridCell(text, prov, 1, colspan)
                lines.extend(
                    TextLine(p.text.strip(), prov) for p in cell.paragraphs if p.text.strip()
                )
            grid_row.append(seen[key])
        rows.append(grid_row)
    # rowspan: how many rows repeat the same cell (python-docx repeats vertical merges too)
    spans: dict[int, int] = {}
    for row in rows:
        for ident in {id(slot) for slot in row}:
            spans[ident] = spans.get(ident, 0) + 1
    final = {
        id(cell): GridCell(cell.text, cell.prov, spans.get(id(cell), 1), cell.colspan)
        for cell in seen.values()
    }
    rows = [[final[id(slot)] for slot in row] for row in rows]
    return Grid(rows, Provenance(table=index)), lines


def load_docx(data: bytes, source: str) -> Document:
    _check_zip(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx / lxml raise many types for broken parts
        raise UnreadableError(
            f"{source}：DOCX 文件已损坏，无法解析（{type(exc).__name__}）"
        ) from None
    warnings = _repair_spans(document.element.body)
    lines: list[TextLine] = []
    grids: list[Grid] = []
    paragraph_number = 0
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = next(paragraphs)
            paragraph_number += 1
            text = paragraph.text.strip()
            lines.append(TextLine(text, Provenance(line=paragraph_number)))
        elif element.tag == qn("w:tbl"):
            try:
                grid, cell_lines = _grid(next(tables), len(grids))
            except (ValueError, KeyError, PythonDocxError) as exc:  # malformed cell properties
                raise UnreadableError(
                    f"{source}：DOCX 第 {len(grids) + 1} 个表格的结构有误，无法解析（{exc}）"
                ) from None
            grids.append(grid)
            lines.extend(cell_lines)
    if not any(line.text for line in lines):
        raise UnreadableError(f"{source}：Word 文档中没有文字")
    return Document(source, "docx", lines, grids, warnings=warnings)
