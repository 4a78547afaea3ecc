"""The DOCX re-opened with python-docx: official look, merged headers, every cell = JSON."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from gongkai.render import render
from gongkai.render.layout import NOT_PUBLISHED
from gongkai.render.official import BODY_FONT, HEADING_FONT, TITLE_FONT
from gongkai.report.model import AnnualReport
from tests.render.readback import Expanded, assert_cells_equal
from tests.render.reports import AGENCY_2021, report_2019, report_2021


def _docx(report: AnnualReport) -> Any:
    return Document(io.BytesIO(render(report, "docx")))


def _expanded(table: Any) -> Expanded:
    """python-docx repeats a merged cell in every row and column it covers."""
    return [[(cell._tc, cell.text) for cell in row.cells] for row in table.rows]


def _tables(doc: Any) -> dict[str, Expanded]:
    tables = [_expanded(t) for t in doc.tables]
    by_first_cell = {"第二十条第（一）项": "table2", "行政复议": "table4"}
    return {by_first_cell.get(str(t[0][0][1]), "table3"): t for t in tables}


def _east_asia(run: Any) -> str:
    return str(run._element.rPr.rFonts.get(qn("w:eastAsia")))


@pytest.mark.parametrize("make", [report_2021, report_2019])
def test_every_body_cell_equals_the_json(make) -> None:  # type: ignore[no-untyped-def]
    report = make()
    assert_cells_equal(report, _tables(_docx(report)))


def test_table3_header_cells_are_merged_like_the_national_format() -> None:
    table = _docx(report_2021()).tables[1]
    corner = table.cell(0, 0)
    assert "勾稽关系" in corner.text
    assert corner._tc is table.cell(2, 2)._tc  # 3 rows × 3 columns
    assert table.cell(0, 3).text == "申请人情况" and table.cell(0, 3)._tc is table.cell(0, 9)._tc
    assert (
        table.cell(1, 4).text == "法人或其他组织" and table.cell(1, 4)._tc is table.cell(1, 8)._tc
    )
    assert table.cell(1, 3)._tc is table.cell(2, 3)._tc  # 自然人 spans two rows
    results = [table.cell(r, 0).text for r in range(len(table.rows))]
    assert results.count("三、本年度办理结果") == 20
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page


def test_table4_header_cells_are_merged() -> None:
    table = _docx(report_2021()).tables[2]
    assert table.cell(0, 0).text == "行政复议" and table.cell(0, 0)._tc is table.cell(0, 4)._tc
    assert table.cell(0, 5).text == "行政诉讼" and table.cell(0, 5)._tc is table.cell(0, 14)._tc
    assert table.cell(1, 5).text == "未经复议直接起诉"
    assert table.cell(1, 10).text == "复议后起诉"
    assert table.cell(1, 0)._tc is table.cell(2, 0)._tc  # 结果维持 of 行政复议 spans two rows


def test_page_title_headings_and_body_use_the_official_faces() -> None:
    doc = _docx(report_2021())
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    title = doc.paragraphs[0]
    assert title.text == f"{AGENCY_2021}2022年政府信息公开工作年度报告"
    assert title.alignment == 1 and title.runs[0].font.size == Pt(22)
    assert _east_asia(title.runs[0]) == TITLE_FONT
    heading = next(p for p in doc.paragraphs if p.text == "一、总体情况")
    assert _east_asia(heading.runs[0]) == HEADING_FONT and heading.runs[0].font.size == Pt(16)
    body = next(p for p in doc.paragraphs if p.text.startswith("本年度，本局"))
    assert _east_asia(body.runs[0]) == BODY_FONT and body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    cell_run = doc.tables[0].cell(0, 0).paragraphs[0].runs[0]
    assert _east_asia(cell_run) == BODY_FONT


def test_table_borders_and_a_missing_table_note() -> None:
    doc = _docx(report_2019())
    assert len(doc.tables) == 2  # no empty table 4
    assert all(t.style.name == "Table Grid" for t in doc.tables)
    texts = [p.text for p in doc.paragraphs]
    assert f"政府信息公开行政复议、行政诉讼情况：{NOT_PUBLISHED}" in texts
    assert texts[-2:] == ["示例县人民政府办公室", "2021年3月31日"]
