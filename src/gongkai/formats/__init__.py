"""The national annual-report formats as data, and lookups over them."""

from gongkai.formats.labels import LabelMatch, match_row_label, match_section_heading
from gongkai.formats.national import APPLICANT_COLUMNS, FORMAT_2019, FORMAT_2021, TABLE4
from gongkai.formats.spec import (
    Block,
    CellKind,
    Column,
    Format,
    Group,
    Row,
    Section,
    Table2,
    Table3,
    Table4,
)

FORMATS: dict[str, Format] = {f.id: f for f in (FORMAT_2019, FORMAT_2021)}


class UnknownFormatError(ValueError):
    pass


def get_format(format_id: str) -> Format:
    try:
        return FORMATS[format_id]
    except KeyError:
        known = "、".join(FORMATS)
        raise UnknownFormatError(f"未知的年报格式 {format_id!r}（可用：{known}）") from None


def format_for_year(year: int) -> Format:
    """The format a report for ``year`` must use (rule D4)."""
    for fmt in FORMATS.values():
        if fmt.applies_to(year):
            return fmt
    raise UnknownFormatError(f"{year} 年没有适用的国家年报格式（首个格式自 2019 年起）")


def table3_row(key: str) -> Row | None:
    """A table-3 row from either format (a report may print the other format's row)."""
    for fmt in (FORMAT_2021, FORMAT_2019):
        for row in fmt.table3.rows:
            if row.key == key:
                return row
    return None


def table2_row(key: str, preferred: Format | None = None) -> Row | None:
    for fmt in (preferred, FORMAT_2021, FORMAT_2019):
        if fmt is None:
            continue
        for row in fmt.table2.rows:
            if row.key == key:
                return row
    return None


def row_columns(table: str | None, row: str | None, fmt: Format) -> tuple[Column, ...]:
    """The columns of one row of a table (table 4: of one block); () when unknown."""
    if table == "table3":
        return APPLICANT_COLUMNS
    if table == "table4":
        return TABLE4.columns
    if table == "table2" and row:
        spec = table2_row(row, fmt)
        return spec.columns if spec else ()
    return ()


__all__ = [
    "FORMATS",
    "FORMAT_2019",
    "FORMAT_2021",
    "Block",
    "CellKind",
    "Column",
    "Format",
    "Group",
    "LabelMatch",
    "Row",
    "Section",
    "Table2",
    "Table3",
    "Table4",
    "UnknownFormatError",
    "format_for_year",
    "get_format",
    "match_row_label",
    "match_section_heading",
    "row_columns",
    "table2_row",
    "table3_row",
]
