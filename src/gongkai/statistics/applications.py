"""Table 3 from application records.

Policy (applications.md §5, the defaults): one application is one 件; for year Y,
new_received = received in Y; carried_over = received before Y and not concluded before Y;
an outcome row counts the cases concluded (reply issued) in Y; carried_forward = received by
the end of Y and not concluded by then. A1 then holds by construction. A reopening after a
纠正 review result counts as one more application unless the settings say otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gongkai.formats import FORMAT_2021, Format
from gongkai.formats.national import APPLICANT_COLUMNS
from gongkai.statistics.settings import DEFAULT_STATISTICS, StatisticsSettings
from gongkai.statistics.sources import Sources, TableResult

_COLUMN_INDEX = {column.key: i for i, column in enumerate(APPLICANT_COLUMNS[:-1])}
_TOTAL = len(APPLICANT_COLUMNS) - 1
# The 2019 format has a single （六）其他处理 row for the three 2021 sub-rows.
_OTHER_2019 = {"other_1": "other", "other_2": "other", "other_3": "other"}


@dataclass(frozen=True)
class ApplicationRecord:
    id: str
    applicant: str  # a table-3 applicant column key: natural_person, commercial, …
    received: date
    concluded: date | None = None  # the day the reply was issued
    outcome: str | None = None  # a table-3 outcome row key
    reopening: int = 0  # 0: the application as received; n: its n-th reopening after review

    def __post_init__(self) -> None:
        if self.applicant not in _COLUMN_INDEX:
            raise ValueError(f"申请 {self.id}：未知的申请人类型 {self.applicant!r}")
        if (self.concluded is None) != (self.outcome is None):
            raise ValueError(f"申请 {self.id}：办结日期与办理结果必须同时填写")
        if self.concluded is not None and self.concluded < self.received:
            raise ValueError(
                f"申请 {self.id}：办结日期 {self.concluded} 早于收到日期 {self.received}"
            )


def _outcome_row(outcome: str, fmt: Format) -> str:
    return _OTHER_2019.get(outcome, outcome) if fmt.id == "2019" else outcome


def table3_for_year(
    records: Iterable[ApplicationRecord],
    year: int,
    fmt: Format = FORMAT_2021,
    settings: StatisticsSettings = DEFAULT_STATISTICS,
) -> TableResult[dict[str, list[int]]]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    rows: dict[str, list[int]] = {row.key: [0] * len(APPLICANT_COLUMNS) for row in fmt.table3.rows}
    outcome_rows = set(fmt.table3.outcome_rows)
    sources = Sources()

    def count(row: str, record: ApplicationRecord) -> None:
        column = _COLUMN_INDEX[record.applicant]
        for index in (column, _TOTAL):
            rows[row][index] += 1
            sources.add(row, index, record.id)

    for record in records:
        if record.received > end or (record.reopening and not settings.count_reopened):
            continue
        concluded_in_year = record.concluded is not None and start <= record.concluded <= end
        open_at_start = record.received < start and (
            record.concluded is None or record.concluded >= start
        )
        if start <= record.received:
            count("new_received", record)
        elif open_at_start:
            count("carried_over", record)
        else:
            continue  # concluded before this year
        if concluded_in_year:
            assert record.outcome is not None
            row = _outcome_row(record.outcome, fmt)
            if row not in outcome_rows:
                raise ValueError(
                    f"申请 {record.id}：办理结果 {record.outcome!r} 不是{fmt.id}年格式的结果"
                )
            count(row, record)
            count("total", record)
        else:
            count("carried_forward", record)
    return TableResult(rows, sources)
