"""The report's tables as rows of linked cells for the pages (labels from the format)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from gongkai.formats import get_format
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.render.layout import Role, table_layouts
from gongkai.report.canonical import from_dict
from gongkai.web.annual.builder import FIGURE_ROWS

FINDING_COLUMNS = {c.key: i for i, c in enumerate(APPLICANT_COLUMNS)}
TABLE4_COLUMNS = {c.key: i for i, c in enumerate(TABLE4.columns)}
TABLE4_BLOCKS = {b.key: i for i, b in enumerate(TABLE4.blocks)}


@dataclass(frozen=True)
class CellView:
    value: Any
    url: str | None  # the list of records behind the cell
    linked: int | None  # how many records are linked (None: the cell is an entered figure)


@dataclass(frozen=True)
class RowView:
    key: str
    label: str
    depth: int
    headers: tuple[str, ...]
    cells: tuple[CellView, ...]


def _shown(value: Any) -> Any:
    return "" if value is None else value


def _cells(
    base: str,
    table: str,
    row: str,
    values: list[Any],
    sources: dict[str, Any],
    figure: bool = False,
    query: str = "",
) -> tuple[CellView, ...]:
    out = []
    for index, value in enumerate(values):
        ids = (sources.get(row) or {}).get(str(index), []) if not figure else None
        url = f"{base}{table}/{row}/{index}/{query}"
        out.append(CellView(_shown(value), url, None if ids is None else len(ids)))
    return tuple(out)


def tables(
    pk: int, data: dict[str, Any], sources: dict[str, Any], query: str = ""
) -> dict[str, Any]:
    """The cells of ``data`` by table and row, for the page about one cell (its labels and
    records); ``query`` (e.g. ``?version=2``) is added to every cell link."""
    fmt = get_format(data.get("format") or "2021")
    base = reverse("annual:cell_base", args=[pk])
    table2 = data.get("table2") or {}
    rows2 = [
        RowView(
            row.key,
            row.label,
            0,
            tuple(c.label for c in row.columns),
            _cells(
                base,
                "table2",
                row.key,
                table2.get(row.key, []),
                sources.get("table2", {}),
                row.key in FIGURE_ROWS,
                query=query,
            ),
        )
        for row in fmt.table2.rows
        if row.key in table2
    ]
    table3 = data.get("table3") or {}
    rows3 = [
        RowView(
            row.key,
            row.label,
            len(row.parents),
            (),
            _cells(
                base, "table3", row.key, table3[row.key], sources.get("table3", {}), query=query
            ),
        )
        for row in fmt.table3.rows
        if row.key in table3
    ]
    width = len(TABLE4.columns)
    cells4 = data.get("table4") or []
    t4_sources = {"table4": sources.get("table4", {})}
    all4 = _cells(base, "table4", "table4", cells4, t4_sources, query=query)
    rows4 = [
        RowView(
            block.key,
            (f"{block.parent}·" if block.parent else "") + block.label,
            0,
            (),
            all4[i * width : (i + 1) * width],
        )
        for i, block in enumerate(TABLE4.blocks)
        if cells4
    ]
    return {"table2": rows2, "table3": rows3, "table4": rows4}


@dataclass(frozen=True)
class GridCellView:
    """One cell of the official table layout (gongkai.render.layout), as the page shows it."""

    tag: str  # "th" or "td"
    text: str
    rowspan: int
    colspan: int
    css: str
    ref: str | None  # "row/index" of a value cell
    url: str | None  # the list of records behind a value cell
    linked: int | None  # how many records (None: an entered yearly figure)


@dataclass(frozen=True)
class GridView:
    key: str
    number: str  # 表2 / 表3 / 表4
    title: str
    rows: tuple[tuple[GridCellView, ...], ...]


_CSS = {Role.CORNER: "corner", Role.HEADER: "", Role.CAPTION: "caption", Role.LABEL: "label"}


def grids(
    pk: int, data: dict[str, Any], sources: dict[str, Any], query: str = ""
) -> list[GridView]:
    """The printed tables in the official layout — the same grid the DOCX, HTML and XLSX
    exports use — with every value linked to the records behind it."""
    report = from_dict(data)
    fmt = report.fmt or get_format("2021")
    base = reverse("annual:cell_base", args=[pk])
    views = []
    for layout in table_layouts(report, fmt).values():
        grid = layout.grid
        if grid is None:
            continue
        table_sources = sources.get(grid.key) or {}
        rows = []
        for cells in grid.rows():
            row = []
            for cell in cells:
                if cell.role is not Role.VALUE or cell.ref is None:
                    tag = "td" if cell.role in (Role.LABEL, Role.CAPTION) else "th"
                    row.append(
                        GridCellView(
                            tag,
                            cell.text,
                            cell.rowspan,
                            cell.colspan,
                            _CSS[cell.role],
                            None,
                            None,
                            None,
                        )
                    )
                    continue
                key, index = cell.ref
                by_row = table_sources if grid.key == "table4" else table_sources.get(key) or {}
                figure = grid.key == "table2" and key in FIGURE_ROWS
                linked = None if figure else len(by_row.get(str(index), []))
                row.append(
                    GridCellView(
                        "td",
                        cell.text,
                        cell.rowspan,
                        cell.colspan,
                        "num blank" if cell.value is None else "num",
                        f"{key}/{index}",
                        f"{base}{grid.key}/{key}/{index}/{query}",
                        linked,
                    )
                )
            rows.append(tuple(row))
        views.append(GridView(grid.key, f"表{grid.key[-1]}", layout.title, tuple(rows)))
    return views


def finding_cell_url(pk: int, finding: dict[str, Any]) -> str | None:
    """Where the records behind a finding's cell are listed (A and B rules: which cases)."""
    table, row, column = finding.get("table"), finding.get("row"), finding.get("column")
    base = reverse("annual:cell_base", args=[pk])
    if table == "table3" and row and column in FINDING_COLUMNS:
        return f"{base}table3/{row}/{FINDING_COLUMNS[column]}/"
    if table == "table4" and row in TABLE4_BLOCKS:
        index = TABLE4_BLOCKS[row] * len(TABLE4.columns) + TABLE4_COLUMNS.get(
            column or "total", len(TABLE4.columns) - 1
        )
        return f"{base}table4/table4/{index}/"
    return None


TABLE3_HEADERS = tuple(c.label for c in APPLICANT_COLUMNS)
TABLE4_HEADERS = tuple(c.label for c in TABLE4.columns)


def find_cell(
    tables: dict[str, Any], table: str, row: str, column: int
) -> tuple[RowView, CellView] | None:
    """The row and cell a cell page is about (table 4: ``column`` counts across the blocks)."""
    rows = tables.get(table, [])
    if table == "table4":
        width = len(TABLE4.columns)
        block, index = divmod(column, width)
        return (
            (rows[block], rows[block].cells[index])
            if row == "table4" and block < len(rows)
            else None
        )
    for view in rows:
        if view.key == row and 0 <= column < len(view.cells):
            return view, view.cells[column]
    return None


def column_label(table: str, row: RowView, column: int) -> str:
    if table == "table3":
        return TABLE3_HEADERS[column]
    if table == "table4":
        return TABLE4_HEADERS[column % len(TABLE4_HEADERS)]
    return row.headers[column] if column < len(row.headers) else str(column + 1)
