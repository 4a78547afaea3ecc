"""Single spaces inside a row of columns that may not be cell boundaries ("1 23 4" for
12, 3, 4; "1 234" for 1234) are read right or reported ambiguous, never silently wrong."""

from __future__ import annotations

from gongkai.extract import extract_bytes
from gongkai.extract.document import TablesReading
from gongkai.extract.tables import read_tables
from tests.extract.reports import report_html
from tests.extract.tables_helpers import text_document

GAP = "    "
T4 = GAP.join(["1", "0", "0", "0", "1", *["0"] * 10])


def _read(regulations: str, new_received: str, table4: str = T4) -> TablesReading:
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        GAP.join(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
        GAP.join(["规章", regulations]),
        GAP.join(["行政许可", "12"]),
        "三、收到和处理政府信息公开申请情况",
        GAP.join(
            ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        ),
        GAP.join(["一、本年新收政府信息公开申请数量", new_received]),
        GAP.join(["二、上年结转政府信息公开申请数量", *["0"] * 7]),
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 行政诉讼",
        "结果维持 结果纠正 其他结果 尚未审结 总计",
        table4,
        "五、存在的主要问题及改进情况",
        "无。",
    ]
    return read_tables(text_document("\n".join(lines)), 2023)


def _cells(*values: str) -> str:
    return GAP.join(values)


def _flagged(reading: TablesReading, key: str) -> list[list[object]]:
    return next([a.chosen, *a.alternatives] for a in reading.ambiguous if a.row == key)


def test_a_space_inside_a_number_is_split_by_the_row_sum() -> None:
    # "1 2" is one cell (12): eight numbers for seven cells, and only 12 + 3 = 15 adds up.
    reading = _read(_cells("2", "0", "11"), _cells("1 2", "3", "0", "0", "0", "0", "15"))
    assert reading.table3 is not None
    assert reading.table3["new_received"] == [12, 3, 0, 0, 0, 0, 15]
    assert any("空格不在单元格边界上" in w for w in reading.warnings)


def test_a_misplaced_space_is_reported_with_the_reading_that_adds_up() -> None:
    # "1 23" printed where the cells are 12 and 3: both readings are reported.
    reading = _read(_cells("2", "0", "11"), _cells("1 23", "0", "0", "0", "0", "15"))
    assert reading.table3 is not None
    readings = _flagged(reading, "new_received")
    assert [12, 3, 0, 0, 0, 0, 15] in readings
    assert reading.table3["new_received"] in readings


def test_single_spaced_cells_where_other_gaps_are_wide_are_reported_ambiguous() -> None:
    # "1 23" between wide gaps: 1 and 23, or 12 and 3 — table 2 has no sum to decide.
    reading = _read(_cells("1 23", "4"), _cells("3", "0", "0", "0", "0", "0", "3"))
    assert reading.table2 is not None
    assert reading.table2["regulations"] == [1, 23, 4]  # as printed
    assert [12, 3, 4] in _flagged(reading, "regulations")


def test_a_thousands_space_makes_one_cell() -> None:
    reading = _read(_cells("1 234", "0", "5"), _cells("3", "0", "0", "0", "0", "0", "3"))
    assert reading.table2 is not None
    assert reading.table2["regulations"] == [1234, 0, 5]


def test_evenly_single_spaced_cells_are_the_cells() -> None:
    reading = _read("2 0 11", " ".join(["12", "3", "0", "0", "0", "0", "15"]))
    assert reading.table2 is not None and reading.table3 is not None
    assert reading.table2["regulations"] == [2, 0, 11]
    assert reading.table3["new_received"] == [12, 3, 0, 0, 0, 0, 15]
    assert not reading.ambiguous
    assert not [w for w in reading.warnings if "空格" in w]


def test_the_cell_provenance_covers_the_printed_space() -> None:
    reading = _read(_cells("2", "0", "11"), _cells("1 2", "3", "0", "0", "0", "0", "15"))
    provenance = reading.provenance["table3"]["new_received"][0]
    assert provenance is not None and provenance.length == len("1 2")


def test_table4_with_a_space_inside_a_number_is_split_by_its_block_sums() -> None:
    printed = _cells("1 2", "0", "0", "0", "12", *["0"] * 5, "3", "0", "0", "0", "3")
    reading = _read(_cells("2", "0", "11"), _cells("3", "0", "0", "0", "0", "0", "3"), printed)
    assert reading.table4 == [12, 0, 0, 0, 12, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3]
    assert any(w.startswith("「表四」") and "空格" in w for w in reading.warnings)


def test_a_thousands_space_inside_a_real_table_cell_is_one_number() -> None:
    html = report_html().replace("<td>12</td>", "<td>1 234</td>", 1)
    report = extract_bytes(html.encode("utf-8"), "page.html").report
    assert report.table2 is not None and report.table2["licensing"] == [1234]
    markdown = "\n".join(
        ["| 信息内容 | 本年处理决定数量 |", "|---|---|", "| 行政许可 | 1 234 |", "| 行政处罚 | 5 |"]
    )
    reading = read_tables(text_document(markdown, "md"), 2023)
    assert reading.table2 is not None and reading.table2["licensing"] == [1234]
