"""The shape of a national annual-report format, as plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CellKind(StrEnum):
    COUNT = "count"  # non-negative integer
    SIGNED = "signed"  # 2019 本年增/减: signed integer, may be printed with "+"
    AMOUNT = "amount"  # 万元 or 元: non-negative decimal


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: CellKind = CellKind.COUNT


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    columns: tuple[Column, ...] = ()  # table 2 only: each row group has its own columns
    aliases: tuple[str, ...] = ()  # accepted non-official labels (reported by rule E2)
    parents: tuple[str, ...] = ()  # table 3: group captions above this row, outermost first


@dataclass(frozen=True)
class Group:
    """A table-2 block: caption (第二十条第（一）项), its column header and rows."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Table2:
    groups: tuple[Group, ...]
    content_header: str = "信息内容"  # the header over the row labels: layout, not data

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for group in self.groups for row in group.rows)


@dataclass(frozen=True)
class Table3:
    corner: str  # the 勾稽 note in the top-left header cell
    super_header: str  # 申请人情况
    org_header: str  # 法人或其他组织
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    outcome_rows: tuple[str, ...]  # keys summed by rule B1
    captions: tuple[str, ...]  # group captions that are layout, not data


@dataclass(frozen=True)
class Block:
    key: str
    label: str  # 行政复议 / 未经复议直接起诉 / 复议后起诉
    parent: str | None  # 行政诉讼 for the two litigation blocks


@dataclass(frozen=True)
class Table4:
    blocks: tuple[Block, ...]
    columns: tuple[Column, ...]  # the five result columns of each block

    @property
    def size(self) -> int:
        return len(self.blocks) * len(self.columns)


@dataclass(frozen=True)
class Section:
    number: str  # "1" … "6", the canonical JSON key
    heading: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Format:
    id: str  # "2019" | "2021"
    name: str
    document: str  # the issuing notice
    first_year: int
    last_year: int | None
    title_template: str
    sections: tuple[Section, ...]
    table2: Table2
    table3: Table3
    table4: Table4
    table_titles: dict[str, str] = field(default_factory=dict)

    def applies_to(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)
