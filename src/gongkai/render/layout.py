"""One layout of the annual report, built from the format data, shared by HTML, DOCX and XLSX.

Each statutory table becomes a ``Grid``: cells placed on rows and columns with row and column
spans, exactly as the national format draws it (merged headers, group captions spanning rows,
the 勾稽 note in the corner). The renderers only walk a grid; none of them knows a format.

Tables show what was printed: rows the report printed but its format lacks (the 2019-style
``other`` row in a 2021-format report, local extension rows) are kept, and a row's printed
label (``report.labels``) is shown instead of the official one. The printed label is what the
source matched to that row key in the first place, so reading the output again gives the
same keys and values. A table that was not printed at all has no grid (rule E6).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from gongkai.formats import (
    FORMAT_2019,
    FORMAT_2021,
    Format,
    Row,
    table2_row,
    table3_row,
)
from gongkai.report.cells import Cell
from gongkai.report.model import AnnualReport

NOT_PUBLISHED = "本表未以表格形式公开（审核规则 E6）。"
REPORT_TITLE_SUFFIX = "政府信息公开工作年度报告"


class Role(StrEnum):
    CORNER = "corner"  # table 3's top-left cell: the 勾稽 note
    HEADER = "header"  # column headers (申请人情况, 自然人, 本年制发件数 …)
    CAPTION = "caption"  # group captions (第二十条第（一）项, 三、本年度办理结果 …)
    LABEL = "label"  # the label of a data row
    VALUE = "value"  # one printed cell value

    @property
    def is_heading(self) -> bool:
        return self is not Role.VALUE


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    role: Role
    text: str  # what is shown
    rowspan: int = 1
    colspan: int = 1
    value: Cell = None  # VALUE cells: the value of the canonical JSON
    ref: tuple[str, int] | None = None  # VALUE cells: (row key, index) in the canonical JSON


@dataclass(frozen=True)
class Grid:
    key: str  # "table2" | "table3" | "table4"
    title: str
    width: int
    height: int
    header_rows: int  # leading rows that are the column header (repeated on each page)
    cells: tuple[GridCell, ...]
    widths: tuple[float, ...]  # relative column widths, the same in every output

    def rows(self) -> Iterator[list[GridCell]]:
        """The cells that start on each row, left to right (what an HTML <tr> holds)."""
        by_row: list[list[GridCell]] = [[] for _ in range(self.height)]
        for cell in self.cells:
            by_row[cell.row].append(cell)
        for cells in by_row:
            yield sorted(cells, key=lambda c: c.col)


@dataclass(frozen=True)
class TableLayout:
    key: str
    title: str
    grid: Grid | None  # None: the report did not print this table (rule E6)


@dataclass(frozen=True)
class SectionLayout:
    number: str
    heading: str
    paragraphs: tuple[str, ...]
    table: TableLayout | None


@dataclass(frozen=True)
class ReportLayout:
    title: str
    agency: str | None
    published: date | None
    sections: tuple[SectionLayout, ...]


def display(value: Cell) -> str:
    """A cell as printed: blank stays blank, text stays text, a decimal keeps its places.

    A 2019 增/减 printed with its sign is the text "+3" in the JSON and is shown so; a
    plain 3 was printed without one. Adding a sign would change what a reader reads back.
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # never exponent notation
    return str(value)


def report_title(report: AnnualReport) -> str:
    if report.title:
        return report.title
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.agency or ''}{year}{REPORT_TITLE_SUFFIX}"


class _Builder:
    """Collects cells row by row; ``row`` is the next free row."""

    def __init__(self) -> None:
        self.cells: list[GridCell] = []
        self.row = 0

    def add(
        self, row: int, col: int, role: Role, text: str, rowspan: int = 1, colspan: int = 1
    ) -> None:
        self.cells.append(GridCell(row, col, role, text, rowspan, colspan))

    def grow(self, index: int, rows: int = 0, cols: int = 0) -> None:
        """Extend an already placed cell (a caption that covers one more row or block)."""
        cell = self.cells[index]
        self.cells[index] = replace(cell, rowspan=cell.rowspan + rows, colspan=cell.colspan + cols)

    def values(self, row: int, col: int, key: str, values: Sequence[Cell], width: int) -> None:
        """Value cells of row ``key`` from ``col``; the last one spans to ``width`` (the
        official layout). Table 4's single row has the key "table4"."""
        for i, value in enumerate(values):
            span = width - col - i if i == len(values) - 1 else 1
            cell = GridCell(row, col + i, Role.VALUE, display(value), 1, span, value, (key, i))
            self.cells.append(cell)

    def grid(self, key: str, title: str, header_rows: int, widths: Sequence[float]) -> Grid:
        width = len(widths)
        return Grid(key, title, width, self.row, header_rows, tuple(self.cells), tuple(widths))


def printed_label(report: AnnualReport, table: str, key: str, official: str | None) -> str:
    return report.labels.get(table, {}).get(key) or official or key


# --- table 2 -----------------------------------------------------------------------------


def _table2(report: AnnualReport, fmt: Format, rows: dict[str, list[Cell]]) -> Grid:
    spec = fmt.table2
    known = {row.key for row in spec.rows}
    extra = [key for key in rows if key not in known]
    width = 1 + max([len(g.columns) for g in spec.groups] + [len(rows[k]) for k in extra] + [1])
    b = _Builder()
    for group in spec.groups:
        printed = [row for row in group.rows if row.key in rows]
        if not printed:
            continue
        b.add(b.row, 0, Role.CAPTION, group.caption, colspan=width)
        b.add(b.row + 1, 0, Role.HEADER, spec.content_header)
        for i, column in enumerate(group.columns):
            last = i == len(group.columns) - 1
            span = width - 1 - i if last else 1
            b.add(b.row + 1, 1 + i, Role.HEADER, column.label, colspan=span)
        b.row += 2
        for row in printed:
            _table2_row(b, report, row.key, row, rows[row.key], width)
    if extra:
        # Rows outside the format get a header row of their own, without column labels
        # (none were defined), so they do not read as rows of the group above.
        b.add(b.row, 0, Role.HEADER, spec.content_header)
        b.add(b.row, 1, Role.HEADER, "", colspan=width - 1)
        b.row += 1
    for key in extra:
        _table2_row(b, report, key, table2_row(key, fmt), rows[key], width)
    # The label column carries the long texts; the value columns share the rest.
    return b.grid("table2", fmt.table_titles.get("table2", ""), 0, [3.0] + [2.0] * (width - 1))


def _table2_row(
    b: _Builder, report: AnnualReport, key: str, spec: Row | None, values: list[Cell], width: int
) -> None:
    label = printed_label(report, "table2", key, spec.label if spec else None)
    if not values:  # a printed label with no cells: the label takes the whole row
        b.add(b.row, 0, Role.LABEL, label, colspan=width)
    else:
        b.add(b.row, 0, Role.LABEL, label)
        b.values(b.row, 1, key, values, width)
    b.row += 1


# --- table 3 -----------------------------------------------------------------------------


def table3_order(fmt: Format, printed: dict[str, list[Cell]]) -> list[tuple[str, Row | None]]:
    """Printed rows in format order; the other format's rows where that format puts them."""
    own = [row.key for row in fmt.table3.rows]
    other = FORMAT_2019 if fmt is FORMAT_2021 else FORMAT_2021
    order = list(own)
    other_keys = [row.key for row in other.table3.rows]
    for i, key in enumerate(other_keys):
        if key in order or key not in printed:
            continue
        after = next((k for k in other_keys[i + 1 :] if k in own), None)
        order.insert(order.index(after) if after else len(order), key)
    order += [key for key in printed if key not in order]
    return [(key, table3_row(key)) for key in order if key in printed]


def _table3(report: AnnualReport, fmt: Format, rows: dict[str, list[Cell]]) -> Grid:
    spec = fmt.table3
    order = table3_order(fmt, rows)
    depth = 1 + max([len(row.parents) for _, row in order if row] + [0])
    ncols = len(spec.columns)
    # A local row wider than the format gets unlabelled columns of its own: no value is lost.
    width = depth + max([ncols] + [len(rows[key]) for key, _ in order])
    b = _Builder()
    # Header: the 勾稽 note over the label columns; 申请人情况 over the seven value columns;
    # 法人或其他组织 over the organisation columns; 自然人 and 总计 span the two lower rows.
    b.add(0, 0, Role.CORNER, spec.corner, rowspan=3, colspan=depth)
    b.add(0, depth, Role.HEADER, spec.super_header, colspan=ncols)
    first, last = spec.columns[0], spec.columns[-1]
    orgs = spec.columns[1:-1]
    b.add(1, depth, Role.HEADER, first.label, rowspan=2)
    b.add(1, depth + 1, Role.HEADER, spec.org_header, colspan=len(orgs))
    b.add(1, depth + ncols - 1, Role.HEADER, last.label, rowspan=2)
    for i, column in enumerate(orgs):
        b.add(2, depth + 1 + i, Role.HEADER, column.label)
    for col in range(depth + ncols, width):
        b.add(0, col, Role.HEADER, "", rowspan=3)
    b.row = 3
    # Body: a caption cell opens where a row's chain of parents first differs from the
    # previous row's and grows by one row for every following row under it.
    open_captions: list[tuple[str, int]] = []  # (caption, index into b.cells)
    for key, row in order:
        parents = row.parents if row else ()
        keep = 0
        while (
            keep < len(parents)
            and keep < len(open_captions)
            and open_captions[keep][0] == parents[keep]
        ):
            keep += 1
        del open_captions[keep:]
        for _, index in open_captions:
            b.grow(index, rows=1)
        for level in range(keep, len(parents)):
            open_captions.append((parents[level], len(b.cells)))
            b.add(b.row, level, Role.CAPTION, parents[level])
        label = printed_label(report, "table3", key, row.label if row else None)
        values = rows[key]
        label_span = (depth if values else width) - len(parents)
        b.add(b.row, len(parents), Role.LABEL, label, colspan=label_span)
        b.values(b.row, depth, key, values, width)
        b.row += 1
    # Caption columns are narrow (their captions wrap), the row-label column is wide.
    captions = [1.4 if level == 0 else 2.0 for level in range(depth - 1)]
    widths = [*captions, 5.0] + [1.1] * (width - depth)
    return b.grid("table3", fmt.table_titles.get("table3", ""), 3, widths)


# --- table 4 -----------------------------------------------------------------------------


def _table4(fmt: Format, values: list[Cell]) -> Grid:
    spec = fmt.table4
    ncols = len(spec.columns)
    depth = 3 if any(block.parent for block in spec.blocks) else 2
    b = _Builder()
    parent_cell: tuple[str, int] | None = None  # the open parent caption and its cell index
    for i, block in enumerate(spec.blocks):
        col = i * ncols
        if block.parent is None:
            parent_cell = None
            b.add(0, col, Role.HEADER, block.label, colspan=ncols)
            for j, column in enumerate(spec.columns):
                b.add(1, col + j, Role.HEADER, column.label, rowspan=depth - 1)
            continue
        if parent_cell and parent_cell[0] == block.parent:
            b.grow(parent_cell[1], cols=ncols)
        else:
            parent_cell = (block.parent, len(b.cells))
            b.add(0, col, Role.HEADER, block.parent, colspan=ncols)
        b.add(1, col, Role.HEADER, block.label, colspan=ncols)
        for j, column in enumerate(spec.columns):
            b.add(2, col + j, Role.HEADER, column.label)
    width = len(spec.blocks) * ncols
    b.row = depth
    b.values(b.row, 0, "table4", values, width)
    b.row += 1
    return b.grid("table4", fmt.table_titles.get("table4", ""), depth, [1.0] * width)


# --- the report --------------------------------------------------------------------------


def table_layouts(report: AnnualReport, fmt: Format) -> dict[str, TableLayout]:
    """The three statutory tables, keyed by the section that holds them."""
    titles = fmt.table_titles
    return {
        "2": TableLayout(
            "table2",
            titles.get("table2", ""),
            None if report.table2 is None else _table2(report, fmt, report.table2),
        ),
        "3": TableLayout(
            "table3",
            titles.get("table3", ""),
            None if report.table3 is None else _table3(report, fmt, report.table3),
        ),
        "4": TableLayout(
            "table4",
            titles.get("table4", ""),
            None if report.table4 is None else _table4(fmt, report.table4),
        ),
    }


def paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def report_layout(report: AnnualReport) -> ReportLayout:
    """The whole report: six sections in format order, tables in sections 二, 三 and 四.

    A report that names neither a format nor a year is laid out in the current format.
    """
    fmt = report.fmt or FORMAT_2021
    tables = table_layouts(report, fmt)
    texts = report.sections or {}
    sections = tuple(
        SectionLayout(s.number, s.heading, paragraphs(texts.get(s.number)), tables.get(s.number))
        for s in fmt.sections
    )
    return ReportLayout(report_title(report), report.agency, report.published, sections)
