"""The source text around a provenance pointer, with the pointed-at characters singled out.

A reviewer checks a finding against the printed report: for text formats the decoded lines
around the cell (characters by offset and length), for PDF the page's text lines (the lines
whose box overlaps the cell's box), for HTML/DOCX tables the grid row holding the cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.extract.document import Document, TextLine

CONTEXT_LINES = 6


@dataclass(frozen=True)
class SourceLine:
    label: str  # "第 149 行", "第 4 页", "表格 3 第 4 行"
    before: str
    marked: str  # empty when the line is context only
    after: str


def _overlaps(box: tuple[float, ...] | None, target: list[float]) -> bool:
    if box is None or len(target) != 4:
        return False
    return box[0] < target[2] and target[0] < box[2] and box[1] < target[3] and target[1] < box[3]


def _holds(line: TextLine, number: int | None, offset: int | None) -> bool:
    start = line.prov.offset
    if line.prov.line != number or offset is None or start is None:
        return False
    return start <= offset < start + max(len(line.text), 1)


def _text_lines(doc: Document, pointer: dict[str, Any]) -> list[SourceLine]:
    number, offset = pointer.get("line"), pointer.get("offset")
    hits = [i for i, line in enumerate(doc.lines) if _holds(line, number, offset)]
    if not hits:
        return []
    index = hits[0]
    out: list[SourceLine] = []
    for i in range(max(0, index - CONTEXT_LINES), min(len(doc.lines), index + CONTEXT_LINES + 1)):
        line = doc.lines[i]
        label = f"第 {line.prov.line} 行"
        if i == index and offset is not None and line.prov.offset is not None:
            start = offset - line.prov.offset
            end = start + int(pointer.get("length") or len(line.text) - start)
            out.append(SourceLine(label, line.text[:start], line.text[start:end], line.text[end:]))
        else:
            out.append(SourceLine(label, line.text, "", ""))
    return out


def _page_lines(doc: Document, pointer: dict[str, Any]) -> list[SourceLine]:
    page, box = pointer.get("page"), pointer.get("box") or []
    lines: list[TextLine] = [line for line in doc.lines if line.prov.page == page]
    hits = [i for i, line in enumerate(lines) if _overlaps(line.prov.box, box)]
    if not hits:
        return [SourceLine(f"第 {page} 页", line.text, "", "") for line in lines]
    first, last = hits[0], hits[-1]
    out: list[SourceLine] = []
    for i, line in enumerate(lines[max(0, first - CONTEXT_LINES) : last + CONTEXT_LINES + 1]):
        hit = (i + max(0, first - CONTEXT_LINES)) in hits
        out.append(SourceLine(f"第 {page} 页", "", line.text, "") if hit else
                   SourceLine(f"第 {page} 页", line.text, "", ""))  # fmt: skip
    return out


def _grid_row(doc: Document, pointer: dict[str, Any]) -> list[SourceLine]:
    table, row, column = pointer.get("table"), pointer.get("row"), pointer.get("column")
    if table is None or row is None or not (0 <= table < len(doc.grids)):
        return []
    rows = doc.grids[table].rows
    out: list[SourceLine] = []
    for r in range(max(0, row - CONTEXT_LINES), min(len(rows), row + CONTEXT_LINES + 1)):
        cells = [cell.text for cell in rows[r]]
        label = f"表格 {table + 1} 第 {r + 1} 行"
        if r == row and column is not None and 0 <= column < len(cells):
            before = " | ".join([*cells[:column], ""])
            after = " | ".join(["", *cells[column + 1 :]])
            out.append(SourceLine(label, before, cells[column], after))
        else:
            out.append(SourceLine(label, " | ".join(cells), "", ""))
    return out


def source_lines(doc: Document, pointer: dict[str, Any] | None) -> list[SourceLine]:
    """The lines to show for ``pointer`` in ``doc`` (empty when it cannot be placed)."""
    if not pointer:
        return []
    if pointer.get("page") is not None:
        return _page_lines(doc, pointer)
    if pointer.get("column") is not None and doc.grids:
        return _grid_row(doc, pointer)  # HTML/DOCX tables: the printed row, cell by cell
    if pointer.get("line") is not None:
        return _text_lines(doc, pointer)
    return []
