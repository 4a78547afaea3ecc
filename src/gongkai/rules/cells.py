"""B4: every cell holds a value of its column's kind; blank and text are reported, not zero."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.formats import CellKind, table2_row, table3_row
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report import Cell, CellState, classify
from gongkai.rules.context import Context
from gongkai.rules.findings import Finding, Severity

_KIND_TEXT = {
    CellKind.COUNT: "非负整数",
    CellKind.SIGNED: "整数",
    CellKind.AMOUNT: "非负数",
}


def _cells(ctx: Context) -> Iterator[tuple[str, str, str, str, Cell, CellKind]]:
    """(table, row key, column key, Chinese place, value, kind) for every cell."""
    report = ctx.report
    for key, values in (report.table2 or {}).items():
        spec = table2_row(key, report.fmt)
        for index, value in enumerate(values):
            column = spec.columns[index] if spec and index < len(spec.columns) else None
            place = f"表2“{spec.label if spec else key}”·“{column.label if column else index + 1}”"
            kind = report.table2_kind(key, index)
            yield "table2", key, column.key if column else str(index), place, value, kind
    for key, values in (report.table3 or {}).items():
        row = table3_row(key)
        for index, value in enumerate(values):
            column = APPLICANT_COLUMNS[index] if index < len(APPLICANT_COLUMNS) else None
            place = f"表3“{row.label if row else key}”·“{column.label if column else index + 1}”"
            yield "table3", key, column.key if column else str(index), place, value, CellKind.COUNT
    width = len(TABLE4.columns)
    for index, value in enumerate(report.table4 or []):
        block, column = TABLE4.blocks[index // width], TABLE4.columns[index % width]
        place = f"表4“{block.label}”·“{column.label}”"
        yield "table4", block.key, column.key, place, value, CellKind.COUNT


def check_b4(ctx: Context) -> Iterator[Finding]:
    for table, row, column, place, value, kind in _cells(ctx):
        state = classify(value, kind)
        if state is CellState.BLANK:
            yield Finding(
                "B4",
                Severity.CANNOT_ASSESS,
                f"{place}为空白（空白不等于0），无法判断",
                table,
                row,
                column,
                actual=None,
            )
        elif state is CellState.TEXT:
            yield Finding(
                "B4",
                Severity.WARNING,
                f"{place}为文字“{value}”，应填写{_KIND_TEXT[kind]}",
                table,
                row,
                column,
                actual=value,
            )
        elif state is CellState.INVALID:
            yield Finding(
                "B4",
                Severity.ERROR,
                f"{place}为{value}，应为{_KIND_TEXT[kind]}",
                table,
                row,
                column,
                actual=value,
            )
