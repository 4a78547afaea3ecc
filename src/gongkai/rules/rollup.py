"""Rules across documents: parent = Σ children (F1) and the year-over-year chain (F2).

A 区域汇总 report must equal the sum of its agencies' reports, a government's report the
sum of its departments' — whichever the project configures as children. Only additive
cells are summed: table 3 and table 4 entirely, and in table 2 the counts and amounts
(``ADDITIVE_TABLE2``); a 2019 本年增/减 or 上一年项目数量 is not a sum across agencies.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from gongkai.formats import CellKind, Format
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report import AnnualReport, Cell, numeric
from gongkai.report.cells import Number
from gongkai.rules import check
from gongkai.rules.context import At, Term, compare, fmt_number, total
from gongkai.rules.findings import Finding, Severity

ROLLUP_TABLES = ("table2", "table3", "table4")
# Format id → table-2 row → the column keys that add up across agencies.
ADDITIVE_TABLE2: dict[str, dict[str, tuple[str, ...]]] = {
    "2021": {
        "regulations": ("issued", "repealed", "in_force"),
        "normative_documents": ("issued", "repealed", "in_force"),
        "licensing": ("decisions",),
        "penalty": ("decisions",),
        "coercion": ("decisions",),
        "fees": ("amount",),
    },
    "2019": {
        "regulations": ("made", "published", "total"),
        "normative_documents": ("made", "published", "total"),
        "licensing": ("decisions",),
        "other_services": ("decisions",),
        "penalty": ("decisions",),
        "coercion": ("decisions",),
        "procurement": ("projects", "amount"),
    },
}
CHAIN_RULES = ("C1", "C2")


@dataclasses.dataclass(frozen=True)
class _Cell:
    """One summable cell: where it is, its name in messages, its kind, how to read it."""

    at: At
    where: str
    kind: CellKind
    index: int  # position in the row (table 2, 3) or in the flat table 4


def _cells(fmt: Format, tables: tuple[str, ...]) -> Iterator[_Cell]:
    if "table2" in tables:
        additive = ADDITIVE_TABLE2.get(fmt.id, {})
        for row in fmt.table2.rows:
            for i, column in enumerate(row.columns):
                if column.key in additive.get(row.key, ()):
                    where = f"表2“{row.label}”“{column.label}”"
                    yield _Cell(At("table2", row.key, column.key), where, column.kind, i)
    if "table3" in tables:
        for row in fmt.table3.rows:
            for i, column in enumerate(APPLICANT_COLUMNS):
                where = f"表3“{row.label}”“{column.label}”列"
                yield _Cell(At("table3", row.key, column.key), where, CellKind.COUNT, i)
    if "table4" in tables:
        width = len(TABLE4.columns)
        for b, block in enumerate(TABLE4.blocks):
            name = f"{block.parent}·{block.label}" if block.parent else block.label
            for c, column in enumerate(TABLE4.columns):
                at = At("table4", block.key, column.key)
                yield _Cell(at, f"表4“{name}”“{column.label}”", CellKind.COUNT, b * width + c)


def _value(report: AnnualReport, cell: _Cell) -> tuple[bool, Cell]:
    """(printed at all, value): a table or row not printed is not a blank cell."""
    if cell.at.table == "table4":
        values = report.table4
    else:
        values = (getattr(report, cell.at.table) or {}).get(cell.at.row)
    if values is None or cell.index >= len(values):
        return False, None
    return True, values[cell.index]


def _name(report: AnnualReport, index: int) -> str:
    return report.agency or f"第{index + 1}份下级报告"


def check_rollup(
    parent: AnnualReport,
    children: list[AnnualReport],
    *,
    tables: tuple[str, ...] = ROLLUP_TABLES,
) -> list[Finding]:
    """F1: every additive cell of ``parent`` equals the sum of the children's cells."""
    fmt = parent.fmt
    if fmt is None or not children:
        return []
    others = [c for c in children if c.fmt is None or c.fmt.id != fmt.id]
    if others:
        names = "、".join(_name(c, children.index(c)) for c in others)
        message = f"{names}的表格格式与汇总报告（{fmt.name}）不同，无法逐项加总核对"
        return [Finding("F1", Severity.CANNOT_ASSESS, message)]
    findings: list[Finding] = []
    for cell in _cells(fmt, tables):
        printed, value = _value(parent, cell)
        if not printed:
            continue
        terms = []
        for i, child in enumerate(children):
            child_printed, child_value = _value(child, cell)
            label = _name(child, i) if child_printed else f"{_name(child, i)}（未列出该项）"
            terms.append(Term(label, child_value, cell.kind))
        summed = total(terms)
        own = total([Term("汇总报告", value, cell.kind)])
        finding = compare(
            "F1",
            cell.at,
            cell.where,
            summed,
            own,
            cannot="无法核对汇总数",
            differs=f"汇总报告为{fmt_number(own.value)}，{len(children)}份下级报告合计"
            f"{fmt_number(summed.value)}",
        )
        if finding:
            findings.append(finding)
    return findings


def sum_reports(
    children: list[AnnualReport], *, tables: tuple[str, ...] = ROLLUP_TABLES
) -> AnnualReport:
    """The roll-up of the children: each additive cell is their sum where every child's
    cell is a number, blank otherwise (a blank is not 0); other cells stay blank."""
    first = children[0]
    fmt = first.fmt
    result = AnnualReport(agency=None, year=first.year, format=first.format)
    if fmt is None:
        return result
    result.table2 = (
        {r.key: [None] * len(r.columns) for r in fmt.table2.rows} if "table2" in tables else None
    )
    result.table3 = (
        {r.key: [None] * len(APPLICANT_COLUMNS) for r in fmt.table3.rows}
        if "table3" in tables
        else None
    )
    result.table4 = [None] * TABLE4.size if "table4" in tables else None
    for cell in _cells(fmt, tables):
        numbers = [numeric(_value(child, cell)[1], cell.kind) for child in children]
        known: list[Number] = [n for n in numbers if n is not None]
        summed: Number | None = sum(known) if len(known) == len(numbers) else None
        if cell.at.table == "table4":
            assert result.table4 is not None
            result.table4[cell.index] = summed
        else:
            getattr(result, cell.at.table)[cell.at.row][cell.index] = summed
    return result


def check_chain(reports_by_year: dict[int, AnnualReport]) -> list[Finding]:
    """C1 and C2 over every pair of consecutive years present (messages name the year);
    F2 (info) for each missing year between the first and the last."""
    findings: list[Finding] = []
    years = sorted(reports_by_year)
    for year in range(years[0], years[-1] + 1) if years else ():
        if year not in reports_by_year:
            findings.append(
                Finding(
                    "F2",
                    Severity.INFO,
                    f"缺少{year}年度报告，{year - 1}年与{year + 1}年之间无法逐年衔接核对",
                    row=str(year),
                )
            )
            continue
        previous = reports_by_year.get(year - 1)
        if previous is None:
            continue
        for finding in check(reports_by_year[year], previous, rules=CHAIN_RULES):
            findings.append(
                dataclasses.replace(
                    finding, message=f"{year}年（对照{year - 1}年）：{finding.message}"
                )
            )
    return findings


__all__ = ["ADDITIVE_TABLE2", "ROLLUP_TABLES", "check_chain", "check_rollup", "sum_reports"]
