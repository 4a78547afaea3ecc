"""Table 3 arithmetic: A1 (column balance), B1 (outcomes sum), B2 (applicant columns sum)."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.formats import FORMAT_2019, FORMAT_2021, table3_row
from gongkai.formats.national import APPLICANT_COLUMNS
from gongkai.report import Cell
from gongkai.rules.context import At, Context, Term, compare, fmt_number, total
from gongkai.rules.findings import Finding, Severity

_OUTCOME_ROWS = frozenset(FORMAT_2021.table3.outcome_rows) | frozenset(
    FORMAT_2019.table3.outcome_rows
)
_APPLICANTS = APPLICANT_COLUMNS[:-1]
_TOTAL_COLUMN = APPLICANT_COLUMNS[-1]


def _label(row_key: str) -> str:
    row = table3_row(row_key)
    return row.label if row else row_key


def _terms(table: dict[str, list[Cell]], keys: list[str], column: int) -> list[Term]:
    return [Term(f"“{_label(key)}”", table[key][column]) for key in keys]


def _missing(table: dict[str, list[Cell]], keys: tuple[str, ...]) -> list[str]:
    return [key for key in keys if key not in table]


def check_a1(ctx: Context) -> Iterator[Finding]:
    table = ctx.report.table3
    if table is None:
        return
    keys = ("new_received", "carried_over", "total", "carried_forward")
    missing = _missing(table, keys)
    for index, column in enumerate(APPLICANT_COLUMNS):
        where = f"表3“{column.label}”列"
        if missing:
            names = "、".join(f"“{_label(k)}”" for k in missing)
            yield Finding(
                "A1",
                Severity.CANNOT_ASSESS,
                f"{where}：缺少{names}行，无法核对",
                "table3",
                None,
                column.key,
            )
            continue
        left = total(_terms(table, ["new_received", "carried_over"], index))
        right = total(_terms(table, ["total", "carried_forward"], index))
        finding = compare(
            "A1",
            At("table3", None, column.key),
            where,
            left,
            right,
            cannot="无法核对第一项加第二项之和等于第三项加第四项之和",
            differs=f"本年新收＋上年结转＝{fmt_number(left.value)}，"
            f"办理结果总计＋结转下年度＝{fmt_number(right.value)}，两者应相等",
        )
        if finding:
            yield finding


def check_b1(ctx: Context) -> Iterator[Finding]:
    table = ctx.report.table3
    if table is None:
        return
    outcomes = [key for key in table if key in _OUTCOME_ROWS]
    for index, column in enumerate(APPLICANT_COLUMNS):
        where = f"表3“{column.label}”列"
        if "total" not in table or not outcomes:
            yield Finding(
                "B1",
                Severity.CANNOT_ASSESS,
                f"{where}：缺少“（七）总计”行或办理结果行，无法核对",
                "table3",
                "total",
                column.key,
            )
            continue
        parts = total(_terms(table, outcomes, index))
        printed = total(_terms(table, ["total"], index))
        finding = compare(
            "B1",
            At("table3", "total", column.key),
            where,
            parts,
            printed,
            cannot="无法核对总计",
            differs=f"（七）总计＝{fmt_number(printed.value)}，"
            f"各项办理结果之和＝{fmt_number(parts.value)}",
        )
        if finding:
            yield finding


def check_b2(ctx: Context) -> Iterator[Finding]:
    table = ctx.report.table3
    if table is None:
        return
    for key, values in table.items():
        if len(values) != len(APPLICANT_COLUMNS):
            continue  # an extension row of another shape; E2 reports it
        where = f"表3“{_label(key)}”行"
        parts = total(Term(f"“{c.label}”", values[i]) for i, c in enumerate(_APPLICANTS))
        printed = total([Term(f"“{_TOTAL_COLUMN.label}”", values[-1])])
        finding = compare(
            "B2",
            At("table3", key, _TOTAL_COLUMN.key),
            where,
            parts,
            printed,
            cannot="无法核对总计列",
            differs=f"总计列＝{fmt_number(printed.value)}，六类申请人之和＝{fmt_number(parts.value)}",
        )
        if finding:
            yield finding
