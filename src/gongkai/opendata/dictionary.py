"""The data dictionary, made from the same tables as the files: every column (from
:data:`gongkai.opendata.columns.COLUMNS`) and every cell code the ``item`` column takes
(from the national formats in :mod:`gongkai.formats`), never written by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.formats import FORMATS, CellKind, Format
from gongkai.formats.national import APPLICANT_COLUMNS
from gongkai.opendata.cells import item_code
from gongkai.opendata.columns import COLUMNS

KIND_TYPES = {
    CellKind.COUNT: "非负整数",
    CellKind.SIGNED: "整数（可为负：本年增/减）",
    CellKind.AMOUNT: "非负数值（可有小数）",
}
TABLE_NUMBERS = {"table2": "表二", "table3": "表三", "table4": "表四"}
PARTS = {"column": "列", "item": "单元格"}


@dataclass(frozen=True)
class Entry:
    part: str  # "column" | "item"
    name: str
    type: str
    meaning: str
    item: str  # the national-format item (or that it is none)


HEADERS = ("part", "name", "type", "meaning", "national_item")
HEADER_LABELS = ("部分", "名称", "类型", "含义", "国家格式项目")


def _items(fmt: Format) -> Iterator[tuple[str, CellKind, str, str]]:
    """(code, kind, meaning, where in the format) of every cell of the format's tables."""
    titles = fmt.table_titles
    t2 = f"{TABLE_NUMBERS['table2']}“{titles['table2']}”"
    for group in fmt.table2.groups:
        for row in group.rows:
            for column in row.columns:
                yield (
                    item_code("table2", row.key, column.key),
                    column.kind,
                    f"{row.label}：{column.label}",
                    f"{t2} 《条例》{group.caption} · {row.label} · {column.label}",
                )
    t3 = f"{TABLE_NUMBERS['table3']}“{titles['table3']}”"
    for row in fmt.table3.rows:
        path = " · ".join((*row.parents, row.label))
        for column in APPLICANT_COLUMNS:
            applicant = column.label
            if column.key not in ("natural_person", "total"):
                applicant = f"{fmt.table3.org_header}·{column.label}"
            yield (
                item_code("table3", row.key, column.key),
                column.kind,
                f"{row.label}：{fmt.table3.super_header}·{applicant}",
                f"{t3} {path} · {applicant}",
            )
    t4 = f"{TABLE_NUMBERS['table4']}“{titles['table4']}”"
    for block in fmt.table4.blocks:
        label = f"{block.parent}·{block.label}" if block.parent else block.label
        for column in fmt.table4.columns:
            yield (
                item_code("table4", block.key, column.key),
                column.kind,
                f"{label}：{column.label}",
                f"{t4} {label} · {column.label}",
            )


def item_entries() -> list[Entry]:
    """Every cell code of either format, once; where a code sits in each format is named."""
    found: dict[str, tuple[CellKind, str, dict[str, list[str]]]] = {}
    for fmt in sorted(FORMATS.values(), key=lambda f: f.first_year, reverse=True):
        for code, kind, meaning, where in _items(fmt):
            places = found.setdefault(code, (kind, meaning, {}))[2]
            places.setdefault(where, []).append(fmt.id)
    return [
        Entry(
            "item",
            code,
            KIND_TYPES[kind],
            meaning,
            "；".join(f"{_formats(ids)}：{where}" for where, ids in places.items()),
        )
        for code, (kind, meaning, places) in found.items()
    ]


def _formats(ids: list[str]) -> str:
    """ "2021、2019 年格式（…30号、…60号）": the same place in both formats is named once."""
    documents = "、".join(FORMATS[i].document for i in ids)
    return f"{'、'.join(ids)} 年格式（{documents}）"


def column_entries() -> list[Entry]:
    return [Entry("column", c.name, c.type, c.meaning, c.item) for c in COLUMNS]


def entries() -> list[Entry]:
    return [*column_entries(), *item_entries()]


def entry_row(entry: Entry) -> list[str]:
    return [PARTS[entry.part], entry.name, entry.type, entry.meaning, entry.item]
