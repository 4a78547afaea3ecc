"""Whitespace columns as ``pdftotext -layout`` prints them (reports 012–014)."""

from __future__ import annotations

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import report_rows, table3_2021, text_document


def _columns() -> list[str]:
    return [
        f"{label}      {'    '.join(str(v) for v in values)}" for label, values in report_rows()
    ]


def test_columns() -> None:
    table4 = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议   行政诉讼",
              "1  0  0  0  1  0  0  0  0  0  2  0  0  0  2"]  # fmt: skip
    lines = [*_columns(), *table4]
    reading = read_tables(text_document("\n".join(lines)), 2021)
    assert reading.table3 == table3_2021()
    assert reading.table4 == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]


def test_wrapped_label_and_caption_in_front() -> None:
    lines = _columns()
    index = next(i for i, line in enumerate(lines) if line.startswith("（二）部分公开"))
    lines[index : index + 1] = ["   （二）部分公开（区分处理的，只计这一情 形，不", "   计其他情形）",
                                "            0    0    0    0    0    0    0"]  # fmt: skip
    index = next(i for i, line in enumerate(lines) if line.startswith("1.本机关"))
    lines[index] = "  （四）无法提供   " + lines[index]
    reading = read_tables(text_document("\n".join(lines)), 2021)
    assert reading.table3 == table3_2021()


def test_prose_numbers_are_not_cells() -> None:
    text = "2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。\n行政许可事项 12 项。"
    reading = read_tables(text_document(text), 2023)
    assert reading.table2 is None and reading.table3 is None and reading.table4 is None
