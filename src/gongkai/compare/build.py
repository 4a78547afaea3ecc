"""``compare(last, this)``: the year-over-year comparison of two reports of one agency."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gongkai.compare.model import CellDelta, Comparison, ReportSummary, SectionComparison
from gongkai.formats import FORMAT_2021, CellKind, Format, table2_row
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report import AnnualReport, Cell, numeric
from gongkai.report.cells import Number
from gongkai.rules import check
from gongkai.rules.similarity import repeated_passages, repeated_share

CROSS_YEAR_RULES = ("C1", "C2", "C3")
# Repeated runs shorter than this (without whitespace) are set phrases, not copied text.
MIN_PASSAGE_CHARS = 15


def change(last: Cell, this: Cell, kind: CellKind) -> tuple[Number | None, Decimal | None]:
    """增减值 and 增减率; None where either value is blank or text, the rate also when last is 0."""
    before, now = numeric(last, kind), numeric(this, kind)
    if before is None or now is None:
        return None, None
    delta = now - before
    rate = None if before == 0 else Decimal(delta) / Decimal(before)
    return delta, rate


def _delta(
    table: str,
    row: str,
    column: str,
    labels: tuple[str, str],
    values: tuple[Cell, Cell],
    kind: CellKind,
) -> CellDelta:
    last, this = values
    delta, rate = change(last, this, kind)
    return CellDelta(table, row, column, labels[0], labels[1], last, this, delta, rate)


def _at(values: list[Cell] | None, index: int) -> Cell:
    return values[index] if values is not None and index < len(values) else None


def _table2(last: AnnualReport, this: AnnualReport, fmt: Format) -> Iterator[CellDelta]:
    for row in fmt.table2.rows:
        now = (this.table2 or {}).get(row.key)
        before = (last.table2 or {}).get(row.key)
        if now is None and before is None:
            continue
        # Last year's cell counts only where its format has the same column at that place.
        before_row = table2_row(row.key, last.fmt)
        before_keys = [c.key for c in before_row.columns] if before_row else []
        for index, column in enumerate(row.columns):
            same = index < len(before_keys) and before_keys[index] == column.key
            yield _delta(
                "table2", row.key, column.key, (row.label, column.label),
                (_at(before, index) if same else None, _at(now, index)), column.kind,
            )  # fmt: skip


def _table3(last: AnnualReport, this: AnnualReport, fmt: Format) -> Iterator[CellDelta]:
    for row in fmt.table3.rows:
        now = (this.table3 or {}).get(row.key)
        before = (last.table3 or {}).get(row.key)
        if now is None and before is None:
            continue
        for index, column in enumerate(APPLICANT_COLUMNS):
            yield _delta(
                "table3", row.key, column.key, (row.label, column.label),
                (_at(before, index), _at(now, index)), CellKind.COUNT,
            )  # fmt: skip


def _table4(last: AnnualReport, this: AnnualReport) -> Iterator[CellDelta]:
    if this.table4 is None and last.table4 is None:
        return
    width = len(TABLE4.columns)
    for b, block in enumerate(TABLE4.blocks):
        for c, column in enumerate(TABLE4.columns):
            index = b * width + c
            label = f"{block.parent}·{block.label}" if block.parent else block.label
            yield _delta(
                "table4", block.key, column.key, (label, column.label),
                (_at(last.table4, index), _at(this.table4, index)), CellKind.COUNT,
            )  # fmt: skip


def _sections(last: AnnualReport, this: AnnualReport, fmt: Format) -> Iterator[SectionComparison]:
    for section in fmt.sections:
        now = (this.sections or {}).get(section.number, "")
        before = (last.sections or {}).get(section.number, "")
        yield SectionComparison(
            section.number,
            section.heading,
            repeated_share(now, before),
            tuple(repeated_passages(now, before, MIN_PASSAGE_CHARS)),
            now,
            len(before),
        )


def _summary(report: AnnualReport) -> ReportSummary:
    return ReportSummary(report.agency, report.year, report.fmt.id if report.fmt else None)


def compare(last: AnnualReport, this: AnnualReport) -> Comparison:
    """This year's report against last year's: 重复率 per section, 增减 per cell, C1–C3."""
    fmt = this.fmt or last.fmt or FORMAT_2021
    cells = (*_table2(last, this, fmt), *_table3(last, this, fmt), *_table4(last, this))
    return Comparison(
        _summary(last),
        _summary(this),
        tuple(_sections(last, this, fmt)),
        cells,
        tuple(check(this, last, rules=CROSS_YEAR_RULES)),
    )
