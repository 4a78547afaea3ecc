"""The HTML page has the official table structure and every value of the JSON."""

from __future__ import annotations

import pytest

from gongkai.formats import FORMAT_2021
from gongkai.render import render
from gongkai.render.layout import NOT_PUBLISHED
from gongkai.report.model import AnnualReport
from tests.render.htmltables import HtmlTable, parse
from tests.render.readback import assert_cells_equal
from tests.render.reports import AGENCY_2021, report_2019, report_2021


def _html(report: AnnualReport) -> str:
    return render(report, "html").decode("utf-8")


def _tables(report: AnnualReport) -> dict[str, HtmlTable]:
    return {t.cls: t for t in parse(_html(report)).tables}


def test_page_is_standalone_chinese_and_printable() -> None:
    html = _html(report_2021())
    assert html.startswith("<!doctype html>")
    assert '<html lang="zh-CN">' in html
    assert f"<title>{AGENCY_2021}2022年政府信息公开工作年度报告</title>" in html
    assert "@media print" in html and "size: A4" in html
    assert '"Noto Serif CJK SC"' in html  # CSS quotes survive autoescaping
    assert "<link" not in html and "<script" not in html


def test_section_text_is_escaped() -> None:
    html = _html(report_2021())
    assert "公开内容不够全面&lt;待改进&gt;" in html
    assert "<待改进>" not in html


def test_table3_header_has_the_national_merged_cells() -> None:
    table = _tables(report_2021())["table3"]
    corner = table.rows[0][0]
    assert "勾稽关系" in corner.text and (corner.rowspan, corner.colspan) == (3, 3)
    assert table.find("申请人情况").colspan == 7
    assert table.find("法人或其他组织").colspan == 5
    assert table.find("自然人").rowspan == 2 and table.find("总计").rowspan == 2
    assert [c.text for c in table.rows[2]] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]


def test_table3_group_captions_span_their_rows() -> None:
    table = _tables(report_2021())["table3"]
    # granted, partial, denied ×8, unable ×3, not_processed ×5, other, total
    assert table.find("三、本年度办理结果").rowspan == 20
    assert table.find("（三）不予公开").rowspan == 8
    assert table.find("（四）无法提供").rowspan == 3
    assert table.find("（五）不予处理").rowspan == 5
    # the 2019-style row printed by a 2021 report is a row of its own, under 三、
    assert table.find("（六）其他处理").colspan == 2
    assert table.find("一、本年新收政府信息公开申请数量").colspan == 3


def test_format_2021_other_items_sit_under_their_caption() -> None:
    report = report_2021()
    assert report.table3 is not None
    del report.table3["other"]
    for row in FORMAT_2021.table3.rows:
        if row.key.startswith("other_"):
            report.table3[row.key] = [0] * 7
    table = _tables(report)["table3"]
    assert table.find("（六）其他处理").rowspan == 3
    assert table.find("三、本年度办理结果").rowspan == 22


def test_table4_headers_are_review_and_litigation() -> None:
    table = _tables(report_2021())["table4"]
    assert table.find("行政复议").colspan == 5
    assert table.find("行政诉讼").colspan == 10
    assert table.find("未经复议直接起诉").colspan == 5
    assert table.find("复议后起诉").colspan == 5
    assert [c.text for c in table.rows[1][:5]] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    assert all(c.rowspan == 2 for c in table.rows[1][:5])
    assert len(table.rows[-1]) == 15 and all(c.tag == "td" for c in table.rows[-1])


def test_table2_has_captions_and_column_headers_per_item() -> None:
    table = _tables(report_2019())["table2"]
    caption = table.find("第二十条第（一）项")
    assert caption.colspan == 4
    assert [c.text for c in table.rows[1]] == [
        "信息内容",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]
    fees_header = next(
        r
        for r in table.rows
        if r[0].text == "信息内容" and r[1].text == "上一年项目数量" and len(r) == 3
    )
    assert fees_header[2].colspan == 2


@pytest.mark.parametrize("make", [report_2021, report_2019])
def test_every_value_is_one_td_equal_to_the_json(make) -> None:  # type: ignore[no-untyped-def]
    report = make()
    tables = {key: t.expanded() for key, t in _tables(report).items()}
    assert_cells_equal(report, tables)


def test_signed_values_show_their_sign_and_blanks_stay_blank() -> None:
    table = _tables(report_2019())["table2"]
    licensing = next(r for r in table.rows if r[0].text == "行政许可")
    assert [c.text for c in licensing[1:]] == ["120", "+3", "4512"]
    services = next(r for r in table.rows if r[0].text == "其他对外管理服务事项")
    assert [c.text for c in services[1:]] == ["30", "-2", "88"]
    coercion = next(r for r in table.rows if r[0].text == "行政强制")
    assert [c.text for c in coercion[1:]] == ["2", "", "7"]  # blank, not 0


def test_printed_labels_and_extra_rows_are_shown() -> None:
    table = _tables(report_2021())["table2"]
    labels = [row[0].text for row in table.rows]
    assert "规范性文件" in labels and "行政规范性文件" not in labels
    assert labels[-1] == "本行政区域政府信息公开发布总数量"


def test_a_table_not_printed_is_a_note_not_an_empty_table() -> None:
    parsed = parse(_html(report_2019()))
    assert "table4" not in {t.cls for t in parsed.tables}
    notes = [text for tag, text in parsed.headings if NOT_PUBLISHED in text]
    assert notes == [f"政府信息公开行政复议、行政诉讼情况：{NOT_PUBLISHED}"]
