"""Cells run together with no separator; digits split by the format's arithmetic."""

from __future__ import annotations

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import report_rows, table3_2021, text_document


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
