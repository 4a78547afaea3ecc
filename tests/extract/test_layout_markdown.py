"""Markdown tables, including value rows detached from their labels (reports 015–017)."""

from __future__ import annotations

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import report_rows, table3_2021, text_document


def _markdown(detached: str | None = None) -> str:
    lines = ["| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "|---|---|---|---|"]
    for label, values in report_rows():
        cells = " | ".join(str(v) for v in values)
        if label == detached:
            lines += [label, f"| {cells} |"]
        else:
            lines.append(f"| {label} | {cells} |")
    return "\n".join(lines)


def test_markdown_rows() -> None:
    reading = read_tables(text_document(_markdown(), "md"), 2021)
    assert reading.table3 == table3_2021()


def test_detached_value_row_is_placed_by_order_and_reported() -> None:
    reading = read_tables(text_document(_markdown("（一）予以公开"), "md"), 2021)
    assert reading.table3 == table3_2021()
    assert any("按顺序归入「（一）予以公开」" in w for w in reading.warnings)


def test_generic_headers_and_table4_in_three_blocks() -> None:
    text = "\n".join(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
            "|---|---|---|---|---|",
            "| 1 | 0 | 0 | 0 | 1 |",
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
            "| 0 | 0 | 0 | 0 | 0 |",
            "| 2 | 0 | 0 | 0 | 2 |",
        ]
    )
    reading = read_tables(text_document(text, "md"), 2021)
    assert reading.table4 == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]
