"""Table 4 arithmetic: B3, each block's total equals its four results."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.formats.national import TABLE4
from gongkai.rules.context import At, Context, Term, compare, fmt_number, total
from gongkai.rules.findings import Finding

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
        finding = compare(
            "B3",
            At("table4", block.key, "total"),
            where,
            parts,
            printed,
            cannot="无法核对总计",
            differs=f"总计＝{fmt_number(printed.value)}，"
            f"维持＋纠正＋其他＋尚未审结＝{fmt_number(parts.value)}",
        )
        if finding:
            yield finding
