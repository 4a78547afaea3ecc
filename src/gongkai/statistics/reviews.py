"""Table 4 from reconsideration and litigation records.

Policy: a case counts in year Y when it was filed in Y or was still pending at the start of
Y; its column is its result if concluded by the end of Y, else 尚未审结. Last year's pending
cases therefore reappear with their result (what rule C3 expects).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gongkai.formats.national import TABLE4
from gongkai.statistics.sources import Sources, TableResult

_BLOCKS = {block.key: i for i, block in enumerate(TABLE4.blocks)}
_RESULTS = {"upheld": 0, "corrected": 1, "other": 2}
_PENDING, _TOTAL = 3, 4
_WIDTH = len(TABLE4.columns)


@dataclass(frozen=True)
class ReviewRecord:
    id: str
    kind: str  # review | direct_suit | suit_after_review
    filed: date
    concluded: date | None = None
    result: str | None = None  # upheld | corrected | other

    def __post_init__(self) -> None:
        if self.kind not in _BLOCKS:
            raise ValueError(f"案件 {self.id}：未知的案件类型 {self.kind!r}")
        if (self.concluded is None) != (self.result is None):
            raise ValueError(f"案件 {self.id}：审结日期与结果必须同时填写")
        if self.result is not None and self.result not in _RESULTS:
            raise ValueError(f"案件 {self.id}：未知的结果 {self.result!r}")


def table4_for_year(records: Iterable[ReviewRecord], year: int) -> TableResult[list[int]]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    cells = [0] * TABLE4.size
    sources = Sources()
    for record in records:
        if record.filed > end or (record.concluded is not None and record.concluded < start):
            continue
        block = _BLOCKS[record.kind] * _WIDTH
        done = record.concluded is not None and record.concluded <= end
        column = _RESULTS[record.result] if done and record.result else _PENDING
        for index in (block + column, block + _TOTAL):
            cells[index] += 1
            sources.add("table4", index, record.id)
    return TableResult(cells, sources)
