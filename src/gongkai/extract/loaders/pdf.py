"""PDF (.pdf): text lines with page and box, ruled tables as Grids.

Pages are read with PDFium (``gongkai.extract.loaders.pdf_page``: characters, lines and the
rules of path objects); pdfplumber's table finder turns the rules into cells, and only on
pages that have rules at all.

Some PDF producers write ordinary characters as Kangxi-radical code points (⾏ for 行);
they are repaired here and the printed text is kept in ``Provenance.original``. A table
that runs over a page break (same columns, ending at the bottom and continuing at the top
of the next page) becomes one Grid whose cells keep their own page. One-column frames are
text boxes, not tables: their text stays in the lines only.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder

from gongkai.extract.document import Document, Grid, GridCell, Provenance, TextLine, UnreadableError
from gongkai.extract.loaders.limits import MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGES
from gongkai.extract.loaders.pdf_page import (
    Char,
    PageContent,
    cell_text,
    from_pdfplumber,
    read_page,
    text_of,
)
from gongkai.extract.loaders.pdf_streams import inflated_size
from gongkai.files import megabytes
from gongkai.text.normalize import RADICAL_SUPPLEMENT

# pdfminer (behind pdfplumber, for pages PDFium misreads) logs every odd font descriptor.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
_NEWLINE = re.compile(r"\s*\n\s*")
_BOTTOM_MARGIN = 0.2  # a table ending in the last fifth of a page may continue
_TOP_MARGIN = 0.2
_X_TOLERANCE = 6.0  # points: the same table's left/right edges on consecutive pages
_MIN_EDGES = 8  # fewer rules on a page cannot make a table of two columns and two rows


def repair(text: str) -> str:
    """Radical code points → the ordinary characters they stand for."""
    if not _RADICALS.search(text):
        return text
    return _RADICALS.sub(
        lambda m: RADICAL_SUPPLEMENT.get(m.group(0)) or unicodedata.normalize("NFKC", m.group(0)),
        text,
    )


def _cell_text(raw: str | None) -> str:
    def join(match: re.Match[str]) -> str:
        before = match.string[match.start() - 1] if match.start() else ""
        after = match.string[match.end()] if match.end() < len(match.string) else ""
        return "" if before > "\u2e7f" or after > "\u2e7f" else " "  # CJK wraps without a space

    return _NEWLINE.sub(join, (raw or "").strip())


def _prov(page: int, box: tuple[float, float, float, float], printed: str, shown: str,
          **where: int) -> Provenance:  # fmt: skip
    rounded = (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))
    return Provenance(
        page=page, box=rounded, original=printed if printed != shown else None, **where
    )


@dataclass
class _PageTable:
    page: int
    page_height: float
    bbox: tuple[float, float, float, float]
    rows: list[list[tuple[str, tuple[float, float, float, float], int, int]]]  # text, box, spans

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


class _RuledPage:
    """What pdfplumber's table finder reads of a page with the ``lines`` strategy."""

    def __init__(self, content: PageContent) -> None:
        self.edges = content.edges
        self.bbox = (0.0, 0.0, content.width, content.height)


def _tables(content: PageContent) -> list[Any]:
    if len(content.edges) < _MIN_EDGES:
        return []
    return list(TableFinder(_RuledPage(content)).tables)  # type: ignore[arg-type]


def _in(ch: Char, box: tuple[float, ...]) -> bool:
    x, y = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _slots(
    table: Any, chars: list[Char]
) -> list[list[tuple[str, tuple[float, float, float, float], int, int]]]:
    """Every slot of the table's row × column lattice, merged cells repeated."""
    origin: dict[tuple[float, ...], str] = {}
    for row in table.rows:
        row_chars = [ch for ch in chars if _in(ch, row.bbox)]
        for box in row.cells:
            if box is not None:
                origin[tuple(box)] = _cell_text(cell_text(row_chars, box))
    # pdfplumber indexes row.cells by the sorted distinct cell x0s, rows by distinct tops.
    xs = [*sorted({cell[0] for cell in table.cells}), table.bbox[2]]
    tops = [*sorted({cell[1] for cell in table.cells}), table.bbox[3]]
    lattice: list[list[tuple[str, tuple[float, float, float, float], int, int]]] = []
    for r, row in enumerate(table.rows):
        y = (tops[r] + tops[r + 1]) / 2
        slots = []
        for c, box in enumerate(row.cells):
            x = (xs[c] + xs[c + 1]) / 2
            if box is None:
                box = next(
                    (cell for cell in table.cells
                     if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]),
                    None,
                )  # fmt: skip
            if box is None:
                slots.append(("", (x, y, x, y), 1, 1))
                continue
            colspan = sum(
                1 for i in range(len(xs) - 1) if box[0] <= (xs[i] + xs[i + 1]) / 2 < box[2]
            )
            rowspan = sum(
                1 for i in range(len(tops) - 1) if box[1] <= (tops[i] + tops[i + 1]) / 2 < box[3]
            )
            slots.append((origin.get(tuple(box), ""), tuple(box), max(rowspan, 1), max(colspan, 1)))
        lattice.append(slots)
    return lattice


def _continues(previous: _PageTable, table: _PageTable) -> bool:
    return (
        table.page == previous.page + 1
        and table.width == previous.width
        and previous.bbox[3] > previous.page_height * (1 - _BOTTOM_MARGIN)
        and table.bbox[1] < table.page_height * _TOP_MARGIN
        and abs(table.bbox[0] - previous.bbox[0]) < _X_TOLERANCE
        and abs(table.bbox[2] - previous.bbox[2]) < _X_TOLERANCE
    )


# PDFium's error codes in words for the user (its own messages are English).
_PDFIUM_REASONS = {
    pdfium_c.FPDF_ERR_FILE: "文件无法打开或不完整",
    pdfium_c.FPDF_ERR_FORMAT: "不是有效的 PDF 格式或文件已损坏",
    pdfium_c.FPDF_ERR_SECURITY: "使用了不支持的加密或安全设置",
    pdfium_c.FPDF_ERR_PAGE: "页面无法读取",
}


def _open(data: bytes, source: str) -> pdfium.PdfDocument:
    if b"%PDF" not in data[:1024]:
        raise UnreadableError(f"{source}：不是 PDF 文件（缺少 %PDF 文件头）")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableError(f"{source}：PDF 已加密，需要密码才能打开，无法读取") from None
        reason = _PDFIUM_REASONS.get(getattr(exc, "err_code", None), "原因不明")
        raise UnreadableError(f"{source}：PDF 文件已损坏，无法解析（{reason}）") from None
    pages = len(pdf)
    if not pages:
        pdf.close()
        raise UnreadableError(f"{source}：PDF 文件没有页面")
    if pages > MAX_PDF_PAGES:
        pdf.close()
        raise UnreadableError(
            f"{source}：PDF 共 {pages} 页，超过上限 {MAX_PDF_PAGES} 页，不像一份年度报告"
        )
    return pdf


class _SlowReader:
    """pdfplumber for the pages PDFium misreads, opened once per document: opening parses
    the whole file again, which for a broken cross-reference table means a full scan."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._plumber: Any = None

    def page(self, index: int) -> PageContent:
        if self._plumber is None:
            self._plumber = pdfplumber.open(io.BytesIO(self._data))
        return from_pdfplumber(self._plumber.pages[index], index + 1)

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()


def _check_inflated_size(data: bytes, source: str) -> None:
    if inflated_size(data, MAX_PDF_INFLATED_BYTES) > MAX_PDF_INFLATED_BYTES:
        raise UnreadableError(
            f"{source}：PDF 中的压缩内容解压后超过 {megabytes(MAX_PDF_INFLATED_BYTES)}"
            "（可能是压缩炸弹），拒绝读取"
        )


def load_pdf(data: bytes, source: str) -> Document:
    _check_inflated_size(data, source)
    pdf = _open(data, source)
    slow = _SlowReader(data)
    lines: list[tuple[str, str, int, tuple[float, float, float, float]]] = []
    tables: list[_PageTable] = []
    images = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                content = read_page(page, index + 1)
            finally:
                page.close()
            if content.misplaced:
                content = slow.page(index)
            images += content.images
            for found in _tables(content):
                rows = _slots(found, content.chars)
                if rows and len(rows[0]) > 1:
                    bbox = tuple(found.bbox)
                    tables.append(_PageTable(content.number, content.height, bbox, rows))
            for text, box in text_of(content.chars):
                lines.append((text, repair(text), content.number, box))
    except UnreadableError:
        raise
    except Exception:  # PDFium reports broken content streams in many ways
        raise UnreadableError(f"{source}：PDF 文件已损坏，无法解析（页面内容无法读取）") from None
    finally:
        pdf.close()
        slow.close()
    if not any(shown.strip() for _, shown, _, _ in lines):
        if images:
            raise UnreadableError(
                f"{source}：PDF 只有图片没有文字（扫描件），需要先进行文字识别（OCR）"
            )
        raise UnreadableError(f"{source}：PDF 中没有可提取的文字")
    grids, table_of = _grids(tables)
    text_lines = []
    for printed, shown, page_number, box in lines:
        where = table_of(page_number, box)
        text_lines.append(TextLine(shown, _prov(page_number, box, printed, shown, **where)))
    return Document(source, "pdf", text_lines, grids)


def _grids(tables: list[_PageTable]) -> tuple[list[Grid], Any]:
    """Merge page-break continuations, number the grids, and say which grid row holds a box."""
    merged: list[list[_PageTable]] = []
    for table in tables:
        if merged and _continues(merged[-1][-1], table):
            merged[-1].append(table)
        else:
            merged.append([table])
    grids: list[Grid] = []
    areas: list[tuple[int, int, tuple[float, float, float, float]]] = []
    row_bands: list[tuple[int, int, int, float, float]] = []  # grid, page, row, top, bottom
    for index, parts in enumerate(merged):
        rows: list[list[GridCell]] = []
        for part in parts:
            areas.append((index, part.page, part.bbox))
            # One GridCell per merged cell: its repeated slots are the same object, so that
            # table recognition counts it once (where it starts: its first row and column).
            cells: dict[tuple[float, float, float, float], GridCell] = {}
            for slots in part.rows:
                r = len(rows)
                single = [box for _, box, rowspan, _ in slots if rowspan == 1] or [
                    box for _, box, _, _ in slots
                ]
                top, bottom = min(b[1] for b in single), max(b[3] for b in single)
                row_bands.append((index, part.page, r, top, bottom))
                row: list[GridCell] = []
                for c, (text, box, rowspan, colspan) in enumerate(slots):
                    cell = cells.get(box)
                    if cell is None:
                        shown = repair(text)
                        where = _prov(part.page, box, text, shown, table=index, row=r, column=c)
                        cell = GridCell(shown, where, rowspan, colspan)
                        if rowspan > 1 or colspan > 1:
                            cells[box] = cell
                    row.append(cell)
                rows.append(row)
        first = parts[0]
        grids.append(Grid(rows, _prov(first.page, first.bbox, "", "", table=index)))

    def table_of(page: int, box: tuple[float, float, float, float]) -> dict[str, int]:
        x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        for index, area_page, area in areas:
            if area_page == page and area[0] <= x <= area[2] and area[1] <= y <= area[3]:
                for grid, band_page, row, top, bottom in row_bands:
                    if grid == index and band_page == page and top <= y <= bottom:
                        return {"table": index, "row": row}
                return {"table": index}
        return {}

    return grids, table_of
