"""A blank template (every cell empty) prints its tables: they read as blank, not absent."""

from __future__ import annotations

import re

import pytest

from gongkai.extract import extract_bytes
from gongkai.extract.document import Document
from gongkai.extract.tables import read_tables
from gongkai.formats.national import TABLE4
from tests.extract.reports import Facts, report_docx, report_html
from tests.extract.tables_helpers import grid, text_document


def _blank_html() -> str:
    return re.sub(r"<td([^>]*)>\d+</td>", r"<td\1>&nbsp;</td>", report_html())


def test_blank_template_html_reads_table4_as_blank_cells() -> None:
    report = extract_bytes(_blank_html().encode("utf-8"), "template.html").report
    assert report.table4 == [None] * TABLE4.size
    assert report.table3 is not None and set(map(tuple, report.table3.values())) == {(None,) * 7}
    assert report.table2 is not None and report.table2["licensing"] == [None]


def test_blank_template_docx_reads_table4_as_blank_cells() -> None:
    data = report_docx(Facts(table4=[""] * TABLE4.size))  # type: ignore[list-item]
    report = extract_bytes(data, "template.docx").report
    assert report.table4 == [None] * TABLE4.size


def _table4_grid(*value_rows: list[str]) -> Document:
    header = [["行政复议"] * 5 + ["行政诉讼"] * 10]
    labels = [[c.label for c in TABLE4.columns] * 3]
    return Document("<test>", "html", lines=[], grids=[grid(header + labels + list(value_rows))])


@pytest.mark.parametrize("spacer", [True, False])
def test_values_after_an_empty_row_are_table4(spacer: bool) -> None:
    values = [str(i) for i in (1, 0, 0, 0, 1, *[0] * 10)]
    rows = [[""] * 15, values] if spacer else [values]
    assert read_tables(_table4_grid(*rows)).table4 == [int(v) for v in values]


def test_a_table4_header_without_any_row_is_not_printed_values() -> None:
    assert read_tables(_table4_grid()).table4 is None


def test_blank_template_markdown_table4_is_blank_cells() -> None:
    labels = " | ".join(c.label for c in TABLE4.columns * 3)
    text = "\n".join(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "| 行政复议 |" + " |" * 4 + " 行政诉讼 |" + " |" * 9,
            "|" + "---|" * 15,
            f"| {labels} |",
            "|" + "  |" * 15,
            "五、存在的主要问题及改进情况",
        ]
    )
    assert read_tables(text_document(text, "md"), 2023).table4 == [None] * TABLE4.size


def test_a_text_table4_header_without_values_is_not_printed() -> None:
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果维持\n总计\n\n\n五、存在的主要问题及改进情况\n"
    assert read_tables(text_document(text), 2023).table4 is None
