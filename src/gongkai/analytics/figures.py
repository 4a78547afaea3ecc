"""The figures of one published report that oversight compares, read from its tables.

Each figure is read from the cells the national formats define (``gongkai.formats``), in the
总计 column of table 3, and is None when a cell it needs is blank or text: a blank is not a
zero (``gongkai.report.cells``), so an unknown figure is left out of sums, not counted as 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.agency_kinds import infer_kind
from gongkai.analytics.rates import Rate
from gongkai.formats import FORMAT_2021
from gongkai.formats.national import TABLE4
from gongkai.outcomes import OUTCOMES, OutcomeGroup
from gongkai.report import AnnualReport, numeric

# 三、本年度办理结果 （一）予以公开 and （二）部分公开: what the applicant substantially received.
DISCLOSED_GROUPS = frozenset({OutcomeGroup.GRANTED, OutcomeGroup.PARTIAL})
# "Decided": the replies in which the agency decided the application — rows （一） to （五）
# of 三、本年度办理结果 (予以公开, 部分公开, 不予公开 1–8, 无法提供 1–3, 不予处理 1–5). Row
# （六）其他处理 (the applicant did not correct or pay, or another ending) is left out: no
# decision on the request was made, so it says nothing of how open the agency is.
DECIDED_GROUPS = frozenset(set(OutcomeGroup) - {OutcomeGroup.OTHER})
APPLICATION_ROWS = ("new_received", "carried_over")  # 一、本年新收 and 二、上年结转
# Table 4: the blocks whose results are a 复议 and a 诉讼, and the columns of a concluded case.
REVIEW_BLOCKS = ("review",)
SUIT_BLOCKS = ("direct_suit", "suit_after_review")
CONCLUDED_COLUMNS = ("upheld", "corrected", "other")  # 结果维持、结果纠正、其他结果 (not 尚未审结)
CORRECTED_COLUMN = "corrected"


@dataclass(frozen=True)
class ReportFigures:
    """One report's figures; None where the report does not state them."""

    agency: str
    region: str
    year: int
    applications: int | None  # 一、本年新收 + 二、上年结转, 总计 column
    disclosed: Rate | None  # 实质公开率: （一）+（二） over the decided rows
    review_corrected: Rate | None  # 纠错率 of 复议: 结果纠正 over concluded
    suit_corrected: Rate | None  # 纠错率 of 诉讼 (both 诉讼 blocks)
    errors: int | None  # findings of the consistency rules, when the input gives them
    warnings: int | None
    published: dt.date | None  # the report's publication date, when known
    kind: str | None  # agency kind (``gongkai.agency_kinds``): decides the report deadline
    replied_late: Rate | None = None  # overdue replies over replies: from case records only

    @property
    def findings(self) -> int | None:
        if self.errors is None or self.warnings is None:
            return None
        return self.errors + self.warnings


def _total(report: AnnualReport, rows: Iterable[str]) -> int | None:
    table = report.table3 or {}
    total = 0
    for row in rows:
        cells = table.get(row)
        number = numeric(cells[-1]) if cells else None
        if number is None:
            return None
        total += int(number)
    return total


def _outcome_rows(report: AnnualReport, groups: frozenset[OutcomeGroup]) -> list[str]:
    fmt = report.fmt or FORMAT_2021
    return [key for key in fmt.table3.outcome_rows if OUTCOMES[key].group in groups]


def _disclosed(report: AnnualReport) -> Rate | None:
    decided = _total(report, _outcome_rows(report, DECIDED_GROUPS))
    disclosed = _total(report, _outcome_rows(report, DISCLOSED_GROUPS))
    return None if decided is None or disclosed is None else Rate(disclosed, decided)


_BLOCK_INDEX = {block.key: i for i, block in enumerate(TABLE4.blocks)}
_COLUMN_INDEX = {column.key: i for i, column in enumerate(TABLE4.columns)}


def _corrected(report: AnnualReport, blocks: tuple[str, ...]) -> Rate | None:
    cells = report.table4
    if cells is None or len(cells) != TABLE4.size:
        return None
    corrected = concluded = 0
    width = len(TABLE4.columns)
    for block in blocks:
        for column in CONCLUDED_COLUMNS:
            number = numeric(cells[_BLOCK_INDEX[block] * width + _COLUMN_INDEX[column]])
            if number is None:
                return None
            concluded += int(number)
            corrected += int(number) if column == CORRECTED_COLUMN else 0
    return Rate(corrected, concluded)


def figures(
    report: AnnualReport,
    *,
    region: str,
    errors: int | None = None,
    warnings: int | None = None,
    replied_late: Rate | None = None,
) -> ReportFigures:
    """``region``: where the caller files the agency (the reports do not say it reliably);
    ``errors`` and ``warnings``: the report's findings, as the caller's audit found them."""
    agency = report.agency or "（未注明机关）"
    return ReportFigures(
        agency=agency,
        region=region,
        year=report.year or 0,
        applications=_total(report, APPLICATION_ROWS),
        disclosed=_disclosed(report),
        review_corrected=_corrected(report, REVIEW_BLOCKS),
        suit_corrected=_corrected(report, SUIT_BLOCKS),
        errors=errors,
        warnings=warnings,
        published=report.published,
        kind=report.agency_kind or infer_kind(agency),
        replied_late=replied_late,
    )
