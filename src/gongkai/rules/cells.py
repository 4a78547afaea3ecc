"""B4: every cell holds a value of its column's kind; blank and text are reported, not zero."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from gongkai.formats import CellKind, table2_row, table3_row
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report import Cell, CellState
from gongkai.report.cells import Reading, read
from gongkai.rules.context import Context, shown
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
        reading = read(value, kind)
        message = _MESSAGES[reading.state](place, shown(value), _KIND_TEXT[kind], reading)
        if message is None:
            continue
        yield Finding("B4", _SEVERITY[reading.state], message, table, row, column, actual=value)


def _number_message(place: str, value: str, kind: str, reading: Reading) -> str | None:
    # A number printed with a note counts as the number; the note is shown, not lost.
    return (
        f"{place}印为“{value}”，按{reading.number}计，附注“{reading.note}”"
        if reading.note
        else None
    )


def _invalid_message(place: str, value: str, kind: str, reading: Reading) -> str:
    return f"{place}为{value}，{reading.problem or '应为' + kind}"


_MESSAGES: dict[CellState, Callable[[str, str, str, Reading], str | None]] = {
    CellState.BLANK: lambda place, value, kind, r: f"{place}为空白（空白不等于0），无法判断",
    CellState.TEXT: lambda place, value, kind, r: f"{place}为文字“{value}”，应填写{kind}",
    CellState.AMBIGUOUS: lambda place, value, kind, r: (
        f"{place}为“{value}”，{r.problem}，应填写一个{kind}"
    ),
    CellState.INVALID: _invalid_message,
    CellState.NUMBER: _number_message,
}
_SEVERITY = {
    CellState.BLANK: Severity.CANNOT_ASSESS,
    CellState.TEXT: Severity.WARNING,
    CellState.AMBIGUOUS: Severity.WARNING,
    CellState.INVALID: Severity.ERROR,
    CellState.NUMBER: Severity.INFO,
}
