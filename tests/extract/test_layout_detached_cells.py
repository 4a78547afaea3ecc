"""Cells a converter pulled out of table 2 (report 016), and cells printed with a note.

A two-line cell ("22" over "（其中修订 16 件）") printed outside its markdown table is one
text cell (spec §5); it goes to the table-2 row left one cell short, in the column its note
names, and the placement is reported as ambiguous with the other columns.
"""

from __future__ import annotations

from gongkai.extract.cell_text import is_value, parse_cell
from gongkai.extract.document import Document
from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import grid, text_document

_DETACHED = "\n".join(
    [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "22",
        "（其中修订 16 件）",
        "55",
        "（含自然失效 29 件）",
        "第二十条第（五）项",
        "行政许可 0",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "|---|---|---|---|",
        "| 规章 | 22 | 235 |",
        "|---|---|---|",
        "| 行政规范性文件 | 34 | 189 |",
        "|---|---|---|",
    ]
)


def test_noted_number_is_one_text_cell() -> None:
    assert is_value("22（其中修订 16 件）") and is_value("3(含 1 件)")
    assert parse_cell("22（其中修订 16 件）") == "22（其中修订 16 件）"
    assert not is_value("（二）部分公开")


def test_detached_cells_go_to_the_short_rows_in_the_column_their_note_names() -> None:
    reading = read_tables(text_document(_DETACHED, "md"), 2021)
    assert reading.table2 is not None
    assert reading.table2["regulations"] == ["22（其中修订 16 件）", 22, 235]
    assert reading.table2["normative_documents"] == [34, "55（含自然失效 29 件）", 189]
    ambiguous = {a.row: a for a in reading.ambiguous}
    assert [22, "22（其中修订 16 件）", 235] in ambiguous["regulations"].alternatives
    assert ["55（含自然失效 29 件）", 34, 189] in ambiguous["normative_documents"].alternatives
    assert any("按其说明归入第 2 列" in w for w in reading.warnings)
    prov = reading.provenance["table2"]["regulations"][0]
    assert prov is not None and prov.line == 3 and prov.length == len("22\n（其中修订 16 件）")


def test_a_detached_cell_no_row_can_take_is_reported() -> None:
    text = _DETACHED.replace("| 规章 | 22 | 235 |", "| 规章 | 22 | 22 | 235 |")
    text = text.replace("| 行政规范性文件 | 34 | 189 |", "| 行政规范性文件 | 34 | 55 | 189 |")
    reading = read_tables(text_document(text, "md"), 2021)
    assert reading.table2 is not None and reading.table2["regulations"] == [22, 22, 235]
    assert any("无法归入任何一行" in w for w in reading.warnings)


def test_noted_cell_in_a_real_table_stays_text() -> None:
    rows = [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "22（其中修订 16 件）", "22", "235"],
        ["行政规范性文件", "34", "55（含自然失效 29 件）", "189"],
    ]
    doc = Document(source="<test>", kind="html", lines=[], grids=[grid(rows)])
    reading = read_tables(doc, 2021)
    assert reading.table2 is not None
    assert reading.table2["regulations"] == ["22（其中修订 16 件）", 22, 235]
    assert reading.table2["normative_documents"] == [34, "55（含自然失效 29 件）", 189]
