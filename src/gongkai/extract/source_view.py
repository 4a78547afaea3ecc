"""The source text around a provenance pointer, with the pointed-at characters singled out.

A reviewer checks a finding against the printed report: for text formats the decoded lines
around the cell (characters by offset and length), for PDF the page's text lines with the
cell's characters (in a ruled table: the cell found among its row's cells in the line; else
the lines whose box overlaps the cell's box), for HTML/DOCX tables the grid row holding it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.extract.document import Document, GridCell, TextLine

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


def _bounded_find(text: str, word: str, start: int) -> int:
    """Where ``word`` stands alone in ``text`` at or after ``start`` (-1: nowhere): the
    numbers of a row are separated by spaces, so 1 is not the first digit of 10."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or text[at - 1].isspace()) and (end == len(text) or text[end].isspace()):
            return at
        at = text.find(word, at + 1)
    return -1


def _cell_span(line: TextLine, cells: list[GridCell], target: GridCell) -> tuple[int, int] | None:
    """The characters of ``target``'s text in a PDF line of its grid row: the row's cells
    under the line, read left to right, each found after the one before."""
    box = line.prov.box
    if box is None:
        return None
    middle = (box[1] + box[3]) / 2
    under: dict[int, GridCell] = {}
    for cell in cells:
        cell_box = cell.prov.box
        if cell_box and cell_box[1] <= middle <= cell_box[3] and _overlaps(box, list(cell_box)):
            under.setdefault(id(cell), cell)  # a merged cell fills several slots
    cursor = 0
    for cell in sorted(under.values(), key=lambda c: c.prov.box[0] if c.prov.box else 0.0):
        word = cell.text.strip()
        at = _bounded_find(line.text, word, cursor) if word else -1
        if cell is target:
            return (at, at + len(word)) if at >= 0 else None
        if at >= 0:
            cursor = at + len(word)
    return None


def _target_cell(doc: Document, pointer: dict[str, Any]) -> GridCell | None:
    table, row, column = pointer.get("table"), pointer.get("row"), pointer.get("column")
    if table is None or row is None or column is None or not 0 <= table < len(doc.grids):
        return None
    rows = doc.grids[table].rows
    return rows[row][column] if 0 <= row < len(rows) and 0 <= column < len(rows[row]) else None


def _page_lines(doc: Document, pointer: dict[str, Any]) -> list[SourceLine]:
    """The page's lines around the cell; in a ruled table the cell's own characters are
    marked (found among its row's cells), else every line its box overlaps."""
    page, box = pointer.get("page"), pointer.get("box") or []
    lines: list[TextLine] = [line for line in doc.lines if line.prov.page == page]
    hits = [i for i, line in enumerate(lines) if _overlaps(line.prov.box, box)]
    label = f"第 {page} 页"
    if not hits:
        return [SourceLine(label, line.text, "", "") for line in lines]
    target = _target_cell(doc, pointer)
    spans: dict[int, tuple[int, int]] = {}
    if target is not None:
        cells = doc.grids[pointer["table"]].rows[pointer["row"]]
        for i in hits:
            span = _cell_span(lines[i], cells, target)
            if span is not None:
                spans[i] = span
    first, last = hits[0], hits[-1]
    out: list[SourceLine] = []
    for i in range(max(0, first - CONTEXT_LINES), min(len(lines), last + CONTEXT_LINES + 1)):
        text = lines[i].text
        if i in spans:
            start, end = spans[i]
            out.append(SourceLine(label, text[:start], text[start:end], text[end:]))
        elif i in hits and not spans:  # the characters are not known: the whole line
            out.append(SourceLine(label, "", text, ""))
        else:
            out.append(SourceLine(label, text, "", ""))
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
