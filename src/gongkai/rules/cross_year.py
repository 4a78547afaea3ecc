"""Rules against last year's report of the same agency: C1, C2, C3 (warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.formats import table2_row
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report import AnnualReport, Cell
from gongkai.rules.context import At, Context, Term, Total, compare, fmt_number, total
from gongkai.rules.findings import Finding, Severity
from gongkai.rules.table4 import block_name


def _pair(ctx: Context) -> tuple[AnnualReport, AnnualReport] | None:
    return (ctx.report, ctx.previous) if ctx.previous is not None else None


def check_c1(ctx: Context) -> Iterator[Finding]:
    pair = _pair(ctx)
    if pair is None:
        return
    this, prev = pair
    if this.table3 is None or prev.table3 is None:
        return
    if "carried_over" not in this.table3 or "carried_forward" not in prev.table3:
        yield Finding(
            "C1",
            Severity.CANNOT_ASSESS,
            "缺少“上年结转”或上年“结转下年度继续办理”行，无法核对",
            "table3",
            "carried_over",
        )
        return
    for index, column in enumerate(APPLICANT_COLUMNS):
        now = total([Term("本年“上年结转”", this.table3["carried_over"][index])])
        before = total([Term("上年“结转下年度”", prev.table3["carried_forward"][index])])
        finding = compare(
            "C1",
            At("table3", "carried_over", column.key),
            f"表3“{column.label}”列",
            before,
            now,
            cannot="无法核对",
            differs=f"本年“上年结转”为{fmt_number(now.value)}，"
            f"上年报告“结转下年度继续办理”为{fmt_number(before.value)}",
            severity=Severity.WARNING,
        )
        if finding:
            yield finding


def _docs(report: AnnualReport, key: str) -> dict[str, Cell] | None:
    """Table-2 document counts keyed by column (issued, repealed, in_force), 2021 format."""
    row = table2_row(key, report.fmt)
    values = (report.table2 or {}).get(key)
    if row is None or values is None or report.fmt is None or report.fmt.id != "2021":
        return None
    return {column.key: values[i] for i, column in enumerate(row.columns) if i < len(values)}


def check_c2(ctx: Context) -> Iterator[Finding]:
    pair = _pair(ctx)
    if pair is None:
        return
    this, prev = pair
    for key in ("regulations", "normative_documents"):
        now, before = _docs(this, key), _docs(prev, key)
        if now is None or before is None:
            continue
        label = table2_row(key, this.fmt).label  # type: ignore[union-attr]
        expected = total(
            [Term("上年现行有效件数", before["in_force"]), Term("本年制发件数", now["issued"])]
        )
        repealed = total([Term("本年废止件数", now["repealed"])])
        actual = total([Term("本年现行有效件数", now["in_force"])])
        unread = expected.unreadable + repealed.unreadable
        should = Total(
            None if unread or expected.value is None or repealed.value is None
            else expected.value - repealed.value,
            unread,
        )  # fmt: skip
        finding = compare(
            "C2",
            At("table2", key, "in_force"),
            f"表2“{label}”",
            should,
            actual,
            cannot="无法核对",
            differs=f"现行有效件数为{fmt_number(actual.value)}，"
            f"按上年{fmt_number(before['in_force'])}＋制发{fmt_number(now['issued'])}"
            f"－废止{fmt_number(now['repealed'])}应为{fmt_number(should.value)}",
            severity=Severity.WARNING,
        )
        if finding:
            yield finding


def check_c3(ctx: Context) -> Iterator[Finding]:
    pair = _pair(ctx)
    if pair is None:
        return
    this, prev = pair
    if this.table4 is None or prev.table4 is None:
        return
    width = len(TABLE4.columns)
    for index, block in enumerate(TABLE4.blocks):
        start = index * width
        pending = total([Term("上年“尚未审结”", prev.table4[start + 3])])
        if pending.value is None or pending.value == 0:
            continue
        concluded = total(
            Term(f"本年“{c.label}”", this.table4[start + i])
            for i, c in enumerate(TABLE4.columns[:3])
        )
        where = f"表4“{block_name(index)}”"
        if concluded.value is None:
            yield Finding(
                "C3",
                Severity.CANNOT_ASSESS,
                f"{where}：{'、'.join(concluded.unreadable)}，无法核对",
                "table4",
                block.key,
                "pending",
            )
        elif concluded.value < pending.value:
            yield Finding(
                "C3",
                Severity.WARNING,
                f"{where}：上年尚未审结{fmt_number(pending.value)}件，本年审结（维持、纠正、其他）"
                f"仅{fmt_number(concluded.value)}件，请核实上年案件是否已审结",
                "table4",
                block.key,
                "pending",
                expected=pending.value,
                actual=concluded.value,
            )
