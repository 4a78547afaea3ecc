"""Table 4 arithmetic: B3, each block's total equals its four results."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.formats.national import TABLE4
from gongkai.rules.context import Context, Term, fmt_number, total
from gongkai.rules.findings import Finding, Severity

_WIDTH = len(TABLE4.columns)


def block_name(index: int) -> str:
    block = TABLE4.blocks[index]
    return f"{block.parent}-{block.label}" if block.parent else block.label


def check_b3(ctx: Context) -> Iterator[Finding]:
    cells = ctx.report.table4
    if cells is None:
        return
    for index, block in enumerate(TABLE4.blocks):
        values = cells[index * _WIDTH : (index + 1) * _WIDTH]
        where = f"表4“{block_name(index)}”"
        parts = total(Term(f"“{c.label}”", values[i]) for i, c in enumerate(TABLE4.columns[:-1]))
        printed = total([Term("“总计”", values[-1])])
        unreadable = printed.unreadable + parts.unreadable
        if unreadable:
            yield Finding(
                "B3",
                Severity.CANNOT_ASSESS,
                f"{where}：{'、'.join(unreadable)}，无法核对总计",
                "table4",
                block.key,
                "total",
            )
        elif parts.value != printed.value:
            yield Finding(
                "B3",
                Severity.ERROR,
                f"{where}：总计＝{fmt_number(printed.value)}，"
                f"维持＋纠正＋其他＋尚未审结＝{fmt_number(parts.value)}",
                "table4",
                block.key,
                "total",
                expected=parts.value,
                actual=printed.value,
            )
