"""HTML (.html/.htm): article text in reading order, and every <table> as a Grid.

Merged cells (rowspan/colspan) are repeated in every slot they cover, each copy pointing to
the source cell. Text inside tables is also given as lines (one per block inside a cell),
marked with the table, row and column, so layout tables around the article lose nothing.
Some CMS pages ship the article inside a <script> string or JSON; when the visible page
does not read like a report (or has no table) but a script string does, that string is read
instead. A page whose table markup is entity-escaped (``&lt;table&gt;``, shown as text) is
read again with the markup decoded (``embedded``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from gongkai.extract.classify import report_signal
from gongkai.extract.document import Document, Grid, GridCell, Provenance, TextLine
from gongkai.extract.loaders.embedded import (
    embedded_html,
    holds_table,
    string_literals,
    unescape_markup,
)
from gongkai.extract.loaders.encoding import decode
from gongkai.extract.loaders.limits import MAX_HTML_CELLS, MAX_SPAN
from gongkai.extract.loaders.text import load_text

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# Elements whose text is not article text (always closed explicitly in practice).
_SKIPPED = frozenset({"style", "noscript", "template"})
_SPACE = re.compile(r"[\s\u00a0\u3000]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_MIN_ARTICLE_CHARS = 80  # a script string shorter than this holds no report
_TAG = re.compile(r"(?:<|&lt;)\s*(?:p|div|table|td|br|span)\b", re.I)  # or escaped


def looks_like_html(text: str) -> bool:
    """Whether text (a crawler's field, a script's string) holds HTML markup."""
    return _TAG.search(text) is not None


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _span(value: str | None) -> int:
    try:
        number = int(value or "1")
    except ValueError:
        return 1
    return min(max(number, 1), MAX_SPAN)


@dataclass
class _RawCell:
    parts: list[str]
    rowspan: int
    colspan: int
    offset: int | None
    line: int | None


@dataclass
class _Table:
    index: int
    offset: int
    line: int
    rows: list[list[_RawCell]] = field(default_factory=list)
    row_open: bool = False
    cell: _RawCell | None = None

    def position(self) -> tuple[int, int]:
        """Row and index (within the row as written, before spans) of the open cell."""
        return len(self.rows) - 1, len(self.rows[-1]) - 1


class _Reader(HTMLParser):
    def __init__(self, source_text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source_text)]
        self.lines: list[TextLine] = []
        self.grids: dict[int, Grid] = {}
        # (table, row, index of the cell as written) → column in the grid, after spans.
        self.columns: dict[tuple[int, int, int], int] = {}
        self.scripts: list[str] = []
        self.title: str | None = None
        self.warnings: list[str] = []
        self._buffer: list[str] = []
        self._buffer_pos: tuple[int, int] | None = None
        self._tables: list[_Table] = []
        self._next_table = 0
        self._skip_depth = 0
        self._script: list[str] | None = None
        self._title: list[str] | None = None

    # --- positions ---------------------------------------------------------------------

    def _offset(self, pos: tuple[int, int]) -> int:
        line, column = pos
        return self._line_starts[min(line, len(self._line_starts)) - 1] + column

    # --- lines -------------------------------------------------------------------------

    def _flush(self) -> None:
        text = _collapse("".join(self._buffer))
        pos = self._buffer_pos
        self._buffer, self._buffer_pos = [], None
        if not text or pos is None:
            return
        prov = Provenance(line=pos[0], offset=self._offset(pos))
        if self._tables and self._tables[-1].cell is not None:
            table = self._tables[-1]
            row, column = table.position()
            prov = replace(prov, table=table.index, row=row, column=column)
        self.lines.append(TextLine(text, prov))

    # --- tags --------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._script = []
            return
        if tag == "title":
            self._title = []
            return
        if tag in _SKIPPED:
            self._skip_depth += 1
            return
        if tag == "body":  # whatever was left open in <head> ends here
            self._skip_depth = 0
        if tag in _BLOCKS:
            self._flush()
        if tag == "table":
            pos = self.getpos()
            self._tables.append(_Table(self._next_table, self._offset(pos), pos[0]))
            self._next_table += 1
        elif tag == "tr" and self._tables:
            table = self._tables[-1]
            self._close_cell(table)
            table.rows.append([])
            table.row_open = True
        elif tag in ("td", "th") and self._tables:
            table = self._tables[-1]
            self._close_cell(table)
            if not table.rows:
                table.rows.append([])
            named = dict(attrs)
            pos = self.getpos()
            table.cell = _RawCell(
                [], _span(named.get("rowspan")), _span(named.get("colspan")),
                self._offset(pos), pos[0],
            )  # fmt: skip
            table.rows[-1].append(table.cell)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
            self._add_cell_text(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._script is not None:
                self.scripts.append("".join(self._script))
            self._script = None
            return
        if tag == "title":
            if self._title is not None:
                self.title = _collapse("".join(self._title)) or None
            self._title = None
            return
        if tag in _SKIPPED:
            self._skip_depth = max(self._skip_depth - 1, 0)
            return
        if tag in _BLOCKS:
            self._flush()
            self._add_cell_text(" ")
        if not self._tables:
            return
        table = self._tables[-1]
        if tag in ("td", "th"):
            self._close_cell(table)
        elif tag == "tr":
            self._close_cell(table)
            table.row_open = False
        elif tag == "table":
            self._close_cell(table)
            self._tables.pop()
            grid = self._grid(table)
            if grid is not None:
                self.grids[table.index] = grid

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        if self._title is not None:
            self._title.append(data)
            return
        if self._skip_depth:
            return
        if self._buffer_pos is None and data.strip():
            self._buffer_pos = self.getpos()
        self._buffer.append(data)
        self._add_cell_text(data)

    def _add_cell_text(self, data: str) -> None:
        if self._tables and self._tables[-1].cell is not None:
            self._tables[-1].cell.parts.append(data)

    def _close_cell(self, table: _Table) -> None:
        if table.cell is not None:
            self._flush()
            table.cell = None

    def close(self) -> None:
        super().close()
        self._flush()
        while self._tables:  # unclosed tables at the end of a cut-out fragment
            self.handle_endtag("table")

    # --- grids -------------------------------------------------------------------------

    def _grid(self, table: _Table) -> Grid | None:
        rows = table.rows
        if not any(rows):
            return None
        slots: dict[tuple[int, int], GridCell] = {}
        width = 0
        for r, row in enumerate(rows):
            c = 0
            for i, raw in enumerate(row):
                while (r, c) in slots:
                    c += 1
                self.columns[(table.index, r, i)] = c
                rowspan = min(raw.rowspan, len(rows) - r)
                if len(slots) + rowspan * raw.colspan > MAX_HTML_CELLS:
                    self.warnings.append(f"第 {table.index + 1} 个表格过大，超出部分未读取")
                    break
                prov = Provenance(
                    line=raw.line, offset=raw.offset, table=table.index, row=r, column=c
                )
                cell = GridCell(_collapse("".join(raw.parts)), prov, rowspan, raw.colspan)
                for dr in range(rowspan):
                    for dc in range(raw.colspan):
                        slots[(r + dr, c + dc)] = cell
                c += raw.colspan
                width = max(width, c)
        grid_rows = [
            [
                slots.get((r, c)) or GridCell("", Provenance(table=table.index, row=r, column=c))
                for c in range(width)
            ]
            for r in range(len(rows))
        ]
        return Grid(grid_rows, Provenance(line=table.line, offset=table.offset, table=table.index))


def _renumbered(line: TextLine, reader: _Reader, renumber: dict[int, int]) -> TextLine:
    prov = line.prov
    if prov.table is None or prov.row is None or prov.column is None:
        return line
    column = reader.columns.get((prov.table, prov.row, prov.column), prov.column)
    return TextLine(line.text, replace(prov, table=renumber.get(prov.table), column=column))


def _embedded_article(scripts: list[str]) -> str | None:
    """The script string that reads most like a report, if any does."""
    best, best_signal = None, 0
    for script in scripts:
        for literal in string_literals(script, min_chars=_MIN_ARTICLE_CHARS):
            text = unescape_markup(literal)
            signal = report_signal(text)
            if signal > best_signal:
                best, best_signal = text, signal
    return best


def _script_article(reader: _Reader, visible: str) -> str | None:
    """The script string to read instead of the page: it reads more like a report than the
    visible text, and holds the table when the visible page already has a report's words."""
    if not reader.scripts:
        return None
    shown = report_signal(visible)
    if shown >= 2 and reader.grids:
        return None
    embedded = _embedded_article(reader.scripts)
    if embedded is None or report_signal(embedded) <= shown:
        return None
    if shown >= 2 and not holds_table(embedded):
        return None
    return embedded


def _decode_html(data: bytes, source: str) -> tuple[str, str]:
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = "gb18030" if name in ("gb2312", "gbk") else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    decoded = decode(data, source)
    return decoded.text, decoded.encoding


def _read(text: str) -> _Reader:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    return reader


def parse_html(
    text: str, source: str, *, kind: str = "html", encoding: str | None = None
) -> Document:
    """A Document from HTML source text (also used for HTML inside crawler dumps)."""
    reader = _read(text)
    warnings = list(reader.warnings)
    visible = "\n".join(line.text for line in reader.lines)
    if not reader.grids and holds_table(visible):
        decoded = _read(unescape_markup(text))
        if decoded.grids:
            decoded.title = decoded.title or reader.title
            reader = decoded
            warnings.append("网页中的表格以转义的 HTML（&lt;table&gt;）印出，已解码后读取")
    elif (embedded := _script_article(reader, visible)) is not None:
        inner = _read(embedded) if looks_like_html(embedded) else None
        if inner is not None:
            inner.title = inner.title or reader.title
            reader = inner
        else:
            reader.lines = [
                TextLine(part.strip(), Provenance(line=i + 1))
                for i, part in enumerate(embedded.split("\n"))
            ]
            reader.grids = {}
        warnings.append("网页正文取自页面脚本中的内容（CMS 页面），出处为脚本字符串内的位置")
    # Number the kept grids 0, 1, … in document order and point the lines at them.
    renumber = {old: new for new, old in enumerate(sorted(reader.grids))}
    grids = []
    for old in sorted(reader.grids):
        grid = reader.grids[old]
        grid.prov = replace(grid.prov, table=renumber[old])
        grid.rows = [
            [replace(cell, prov=replace(cell.prov, table=renumber[old])) for cell in row]
            for row in grid.rows
        ]
        grids.append(grid)
    lines = [_renumbered(line, reader, renumber) for line in reader.lines]
    meta = {"title": reader.title} if reader.title else {}
    return Document(source, kind, lines, grids, encoding=encoding, warnings=warnings, meta=meta)


def load_html(data: bytes, source: str) -> Document:
    text, encoding = _decode_html(data, source)
    return parse_html(text, source, encoding=encoding)


def load_text_or_embedded_html(data: bytes, source: str, kind: str = "txt") -> Document:
    """A text or Markdown file; one carrying the report's table as HTML (raw, as PDF-to-
    Markdown converters write it, or escaped in a JavaScript or JSON string, ``&lt;table&gt;``)
    is read as that HTML, so its table is a real grid."""
    doc = load_text(data, source, kind)
    markup = embedded_html(doc.text)
    if markup is None:
        return doc
    inner = parse_html(markup, source, kind=doc.kind, encoding=doc.encoding)
    if not inner.grids:
        return doc
    inner.warnings.insert(
        0,
        "文本中的表格是嵌入的 HTML（脚本或 JSON 字符串、转义的标记），已解码后按网页读取，出处为解码后的位置",
    )
    return inner
