"""Table 2 from the register of 规章 / 行政规范性文件 and the yearly figures.

2021 format: issued in Y, repealed in Y, in force at the end of Y. 2019 format: made in Y,
published in Y, in force and published at the end of Y (对外公开总数量).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from gongkai.formats import FORMAT_2021, Format
from gongkai.report import Cell
from gongkai.statistics.sources import Sources, TableResult


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    kind: str  # regulations | normative_documents
    issued: date
    published: date | None = None
    repealed: date | None = None  # 废止 or 失效

    def in_force(self, day: date) -> bool:
        return self.issued <= day and (self.repealed is None or self.repealed > day)


@dataclass(frozen=True)
class YearFigures:
    """Figures entered or imported per year (with their source noted by the platform)."""

    licensing: int | None = None
    penalty: int | None = None
    coercion: int | None = None
    fees_10k_yuan: Decimal | None = None  # 行政事业性收费, 万元


def _within(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def table2_for_year(
    documents: Iterable[DocumentRecord],
    figures: YearFigures,
    year: int,
    fmt: Format = FORMAT_2021,
) -> TableResult[dict[str, list[Cell]]]:
    end = date(year, 12, 31)
    sources = Sources()
    rows: dict[str, list[Cell]] = {row.key: [None] * len(row.columns) for row in fmt.table2.rows}
    for key in ("regulations", "normative_documents"):
        rows[key] = [0, 0, 0]
    for doc in documents:
        if fmt.id == "2021":
            columns = (_within(doc.issued, year), _within(doc.repealed, year), doc.in_force(end))
        else:
            published_by_end = doc.published is not None and doc.published <= end
            columns = (
                _within(doc.issued, year),
                _within(doc.published, year),
                doc.in_force(end) and published_by_end,
            )
        for index, counted in enumerate(columns):
            if counted:
                value = rows[doc.kind][index]
                rows[doc.kind][index] = (value if isinstance(value, int) else 0) + 1
                sources.add(doc.kind, index, doc.id)
    decisions = {
        "licensing": figures.licensing,
        "penalty": figures.penalty,
        "coercion": figures.coercion,
    }
    for key, value in decisions.items():
        # The decisions column is the last one in both formats; unknown stays blank, not 0.
        rows[key][-1] = value
    if fmt.id == "2021":
        rows["fees"] = [figures.fees_10k_yuan]
    return TableResult(rows, sources)
