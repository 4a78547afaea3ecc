"""A report's tables as long-form rows: one row per printed cell, in the format's order.

Long form keeps both national formats (2019 and 2021 differ in table 2) in one set of
columns, and loads into pandas as it is (``pivot_table`` on ``item`` gives the wide table).
Blank, text and numbers stay different facts: ``value`` holds only a number the cell
states, ``text`` the printed text of a text cell, ``state`` which of them it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from gongkai.formats import CellKind, Column, Format, table2_row
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report.cells import Cell, CellState, read
from gongkai.report.model import AnnualReport, Table

TABLE_KEYS = ("table2", "table3", "table4")


@dataclass(frozen=True)
class CellRow:
    table: str
    row: str
    row_label: str
    column: str
    column_label: str
    kind: CellKind
    value: int | Decimal | None
    text: str | None
    state: CellState

    @property
    def item(self) -> str:
        """The cell's code, e.g. ``table3.granted.natural_person`` (see the data dictionary)."""
        return f"{self.table}.{self.row}.{self.column}"


def item_code(table: str, row: str, column: str) -> str:
    return f"{table}.{row}.{column}"


def _cell(
    table: str, row: str, row_label: str, column: Column | None, index: int, value: Cell
) -> CellRow:
    kind = column.kind if column else CellKind.COUNT
    reading = read(value, kind)
    return CellRow(
        table=table,
        row=row,
        row_label=row_label,
        column=column.key if column else f"c{index + 1}",
        column_label=column.label if column else "",
        kind=kind,
        value=reading.number,
        text=value if isinstance(value, str) else None,
        state=reading.state,
    )


def _rows_in_order(table: Table, official: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(key, label) of the printed rows: the format's in its order, then any others as printed."""
    keys = {key for key, _ in official}
    for key, label in official:
        if key in table:
            yield key, label
    for key in table:
        if key not in keys:
            yield key, key


def _table2(report: AnnualReport, fmt: Format | None) -> Iterator[CellRow]:
    table = report.table2
    if table is None:
        return
    official = [(r.key, r.label) for r in fmt.table2.rows] if fmt else []
    for key, label in _rows_in_order(table, official):
        spec = table2_row(key, fmt)
        columns = spec.columns if spec else ()
        printed = report.labels.get("table2", {}).get(key, label)
        for index, value in enumerate(table[key]):
            column = columns[index] if index < len(columns) else None
            yield _cell("table2", key, printed, column, index, value)


def _table3(report: AnnualReport, fmt: Format | None) -> Iterator[CellRow]:
    table = report.table3
    if table is None:
        return
    official = [(r.key, r.label) for r in fmt.table3.rows] if fmt else []
    for key, label in _rows_in_order(table, official):
        printed = report.labels.get("table3", {}).get(key, label)
        for index, value in enumerate(table[key]):
            column = APPLICANT_COLUMNS[index] if index < len(APPLICANT_COLUMNS) else None
            yield _cell("table3", key, printed, column, index, value)


def _table4(report: AnnualReport) -> Iterator[CellRow]:
    values = report.table4
    if values is None:
        return
    width = len(TABLE4.columns)
    for b, block in enumerate(TABLE4.blocks):
        label = f"{block.parent}·{block.label}" if block.parent else block.label
        for c, column in enumerate(TABLE4.columns):
            index = b * width + c
            if index < len(values):
                yield _cell("table4", block.key, label, column, c, values[index])


def cell_rows(report: AnnualReport) -> Iterator[CellRow]:
    """Every printed cell of tables 2–4; a table that was not printed gives no rows."""
    fmt = report.fmt
    yield from _table2(report, fmt)
    yield from _table3(report, fmt)
    yield from _table4(report)
