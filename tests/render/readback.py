"""Read a rendered table back into plain rows and compare every cell with the JSON.

A rendered table is given as an expanded grid: one row per table row, one slot per grid
column, each slot ``(origin, content)`` where ``origin`` identifies the printed cell (a
merged cell fills several slots with the same origin object). The comparison finds each JSON row
by its label, independently of the renderer's layout code.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from gongkai.formats import table2_row, table3_row
from gongkai.report.cells import Cell
from gongkai.report.model import AnnualReport

Slot = tuple[object, object]  # (origin, text or value)
Expanded = list[list[Slot]]


def distinct(row: list[Slot]) -> list[object]:
    """The contents of the printed cells of a row, each merged cell once."""
    seen: set[int] = set()
    out: list[object] = []
    for origin, content in row:
        if id(origin) not in seen:  # identity: two equal-looking cells are still two cells
            seen.add(id(origin))
            out.append(content)
    return out


def label_of(report: AnnualReport, table: str, key: str) -> str:
    printed = report.labels.get(table, {}).get(key)
    row = table2_row(key, report.fmt) if table == "table2" else table3_row(key)
    return printed or (row.label if row else key)


def table2_cells(report: AnnualReport, grid: Expanded) -> dict[str, list[object]]:
    """Row key → rendered cell contents, found by the row's printed label in column 1."""
    assert report.table2 is not None
    by_label = {}
    for row in grid:
        cells = distinct(row)
        by_label.setdefault(cells[0], cells[1:])
    return {key: by_label[label_of(report, "table2", key)] for key in report.table2}


def table3_cells(report: AnnualReport, grid: Expanded) -> dict[str, list[object]]:
    """Row key → the seven cells right of the label columns, found by the row's label."""
    assert report.table3 is not None
    depth = next(i for i, (_, text) in enumerate(grid[0]) if text == "申请人情况")
    by_label = {}
    for row in grid[3:]:
        by_label[row[depth - 1][1]] = [content for _, content in row[depth:]]
    return {key: by_label[label_of(report, "table3", key)] for key in report.table3}


def printed(value: Cell) -> str:
    """The text a document shows for a JSON cell: blank empty, text as is, decimals as written."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def same(value: Cell) -> Cell:
    return value


def assert_cells_equal(
    report: AnnualReport,
    tables: dict[str, Expanded],
    read: Callable[[object], object] = str,
    expect: Callable[[Cell], object] = printed,
) -> None:
    """Every JSON cell equals the rendered one.

    ``read`` normalises what the document holds (text, or a spreadsheet value); ``expect``
    says what a JSON cell must look like there (its printed text, or the value itself).
    """
    if report.table2 is not None:
        for key, cells in table2_cells(report, tables["table2"]).items():
            assert [read(c) for c in cells] == [expect(v) for v in report.table2[key]], key
    if report.table3 is not None:
        for key, cells in table3_cells(report, tables["table3"]).items():
            assert [read(c) for c in cells] == [expect(v) for v in report.table3[key]], key
    if report.table4 is not None:
        cells = distinct(tables["table4"][-1])
        assert [read(c) for c in cells] == [expect(v) for v in report.table4]
