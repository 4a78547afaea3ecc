"""Cells run together with no separator; digits split by the format's arithmetic."""

from __future__ import annotations

import time

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import (
    T2_2021,
    T3_LABELS_2021,
    TABLE4,
    report_rows,
    table3_2021,
    text_document,
)


def _flat(rows: list[tuple[str, list[object]]]) -> str:
    body = "".join(label + "".join(str(v) for v in values) for label, values in rows)
    return (
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数" + body
        + "四、政府信息公开行政复议、行政诉讼情况行政复议结果维持尚未审结总计"
        + "100010000020002五、存在的主要问题及改进情况无。"
    )  # fmt: skip


def test_concatenated_2021_splits_by_row_sums() -> None:
    reading = read_tables(text_document(_flat(report_rows())), 2021)
    assert reading.table3 == table3_2021()
    assert reading.table4 == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]
    # "3140" for three cells has several readings and no rule to choose: reported.
    (normative,) = [a for a in reading.ambiguous if a.row == "normative_documents"]
    assert [3, 1, 40] in [normative.chosen, *normative.alternatives]


def test_ambiguous_row_sum_is_reported_with_all_readings() -> None:
    rows = report_rows()
    reading = read_tables(text_document(_flat(rows)), 2021)
    flagged = {a.row for a in reading.ambiguous if a.table == "table3"}
    # "111000012": [11,1,0,0,0,0,12] and [1,11,0,0,0,0,12] both satisfy B2.
    assert "new_received" in flagged
    assert reading.table3 is not None
    assert reading.table3["new_received"] == [11, 1, 0, 0, 0, 0, 12]  # chosen by A1/B1


def test_2019_dropped_blank_cells() -> None:
    text = (
        "第二十条第（一）项信息内容本年新制作数量上一年项目数量规章规范性文件222"
        "行政许可97+82179其他对外管理服务事项00政府集中采购225253.168万元"
        "三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量11"
        "二、上年结转政府信息公开申请数量（七）总计11四、结转下年度继续办理"
    )
    reading = read_tables(text_document(text), 2020)
    assert reading.format == "2019"
    assert reading.table2 is not None and reading.table3 is not None
    assert reading.table2["regulations"] == [None, None, None]
    assert reading.table2["licensing"] == [97, "+82", 179]
    assert reading.table3["new_received"] == [1, None, None, None, None, None, 1]
    assert reading.table3["carried_over"] == [None] * 7
    flagged = {a.row for a in reading.ambiguous}
    assert {"licensing", "other_services", "procurement", "new_received"} <= flagged


def test_table4_with_more_digits_than_cells_uses_block_sums() -> None:
    text = _flat(report_rows()).replace("100010000020002", "10001000001000010")
    reading = read_tables(text_document(text), 2022)
    # 17 digits for 15 cells: only 10 … 10 in the last block keeps every block sum right.
    assert reading.table4 == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 10, 0, 0, 0, 10]
    assert not [a for a in reading.ambiguous if a.table == "table4"]


def test_prose_quantities_are_not_rows() -> None:
    text = "全年办理行政许可1029件，行政事业性收费670.37万元。" * 3 + "规章000行政规范性文件1153"
    reading = read_tables(text_document(text), 2023)
    assert reading.table2 is not None
    assert set(reading.table2) == {"regulations", "normative_documents"}


def _busy_table3() -> dict[str, list[int]]:
    """Two-digit cells in several rows, so that many splits are possible."""
    rows = table3_2021()
    rows["new_received"] = [23, 4, 0, 1, 0, 0, 28]
    rows["carried_over"] = [2, 1, 0, 0, 0, 0, 3]
    rows["granted"] = [12, 3, 0, 1, 0, 0, 16]
    rows["partial"] = [3, 0, 0, 0, 0, 0, 3]
    rows["denied_4"] = [1, 0, 0, 0, 0, 0, 1]
    rows["unable_1"] = [6, 1, 0, 0, 0, 0, 7]
    rows["other_3"] = [1, 1, 0, 0, 0, 0, 2]
    rows["total"] = [23, 5, 0, 1, 0, 0, 29]
    rows["carried_forward"] = [2, 0, 0, 0, 0, 0, 2]
    return rows


def _flat_report(t3: dict[str, list[int]], t4: list[int]) -> str:
    rows = [*T2_2021, *((label, t3[key]) for key, label in T3_LABELS_2021)]
    digits = "".join(str(v) for v in t4)
    return _flat(rows).replace("100010000020002", digits)


def test_rows_split_right_when_the_printed_total_row_is_wrong() -> None:
    t3 = _busy_table3()
    # 总计 printed wrong: its columns are not the sum of the outcome rows (B1) and its own
    # 总计 cell is not the sum of its applicant cells (B2).
    t3["total"] = [21, 15, 0, 1, 0, 0, 39]
    reading = read_tables(text_document(_flat_report(t3, TABLE4)), 2023)
    assert reading.table3 is not None
    flagged = {a.row for a in reading.ambiguous if a.table == "table3"}
    for key, values in t3.items():
        if key not in flagged:
            assert reading.table3[key] == values, key
    assert "total" in flagged  # no rule checks its split: reported, not guessed silently
    (total,) = [a for a in reading.ambiguous if a.row == "total"]
    assert t3["total"] in [total.chosen, *total.alternatives]
    assert {"new_received", "carried_over", "carried_forward"}.isdisjoint(flagged)


def test_table4_blocks_that_add_up_split_right_beside_one_that_does_not() -> None:
    t4 = [10, 1, 0, 0, 0, 12, 3, 0, 1, 16, 25, 10, 0, 3, 38]  # the first block's 总计 is wrong
    reading = read_tables(text_document(_flat_report(_busy_table3(), t4)), 2023)
    assert reading.table4 is not None
    assert reading.table4[5:] == t4[5:]
    assert any("1 组总计与各项之和不符" in w for w in reading.warnings)
    (block,) = [a for a in reading.ambiguous if a.table == "table4"]
    assert t4 in [block.chosen, *block.alternatives]


def test_table4_with_many_possible_splits_is_found_by_its_block_sums() -> None:
    t4 = [309, 17, 88, 26, 440, 1, 1, 16, 6, 24, 13, 0, 67, 9, 89]
    reading = read_tables(text_document(_flat_report(_busy_table3(), t4)), 2023)
    assert reading.table4 == t4
    assert not [w for w in reading.warnings if "表四" in w]


def test_many_repeated_rows_of_unsplittable_digits_are_read_in_bounded_time() -> None:
    row = "一、本年新收政府信息公开申请数量" + "1" * 40 + "（七）总计" + "7" * 30
    text = "三、收到和处理政府信息公开申请情况" + row * 1000 + "四、政府信息公开行政复议"
    started = time.monotonic()
    reading = read_tables(text_document(text), 2023)
    assert time.monotonic() - started < 10
    assert reading.table3 is not None and "new_received" in reading.table3
    assert any("行重复出现" in w for w in reading.warnings)
