"""The six sections are found by their words, wherever they are printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.extract import extract_bytes
from gongkai.extract.document import Document, Provenance, TextLine
from gongkai.extract.loaders import load_documents
from gongkai.extract.sections import PREAMBLE, read_sections
from gongkai.rules import check
from tests.extract.reports import report_text

RUN_TOGETHER = (
    "　　根据《条例》，全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等组成。"
    "　　一、总体情况　　全年主动公开信息。　　二、主动公开政府信息情况第二十条第（一）项"
    "规章000行政事业性收费0三、收到和处理政府信息公开申请情况（表格）"
    "　　四、政府信息公开行政复议、行政诉讼情况　　无。"
    "　　五、存在的主要问题及改进情况　　解读不够。　　六、其他需要报告的事项　　无。"
    "版权所有：某某市人民政府"
)


def _sections(text: str) -> dict[str, str]:
    [doc] = load_documents(text.encode("utf-8"), "r.txt")
    return {s.number: s.text for s in read_sections(doc)}


def test_headings_inside_one_long_line() -> None:
    sections = _sections(RUN_TOGETHER)
    assert list(sections) == ["1", "2", "3", "4", "5", "6"]
    assert sections["1"] == "全年主动公开信息。"
    assert sections["5"] == "解读不够。"


def test_the_preamble_listing_the_sections_is_not_a_heading() -> None:
    assert "全文由" not in _sections(RUN_TOGETHER)["1"]


def test_website_footer_is_cut_from_the_last_section() -> None:
    assert _sections(RUN_TOGETHER)["6"] == "无。"


def test_wrong_numbering_is_ignored_the_words_decide() -> None:
    sections = _sections("一、总体情况\n好。\n五、其他需要报告的事项\n无。\n")
    assert sections == {"1": "好。", "6": "无。"}


def test_traditional_headings_keep_the_printed_text() -> None:
    sections = _sections("一、總體情況\n全年主動公開。\n五、存在的主要問題及改進情況\n無。")
    assert sections == {"1": "全年主動公開。", "5": "無。"}


def test_headings_standing_alone_without_numbers() -> None:
    sections = _sections("## 总体情况\n好。\n## 存在的主要问题及改进情况\n少。")
    assert sections == {"1": "好。", "5": "少。"}


def test_page_footers_are_dropped() -> None:
    sections = _sections("一、总体情况\n第一段\n— 2 —\n第二段\n-3-\n")
    assert sections["1"] == "第一段\n第二段"


def test_lines_of_used_table_rows_are_left_out() -> None:
    lines = [
        TextLine("二、主动公开政府信息情况", Provenance(line=1)),
        TextLine("规章", Provenance(table=0, row=0, column=0)),
        TextLine("框内说明", Provenance(table=0, row=1, column=0)),
        TextLine("说明文字", Provenance(line=3)),
    ]
    doc = Document("x.html", "html", lines)
    assert read_sections(doc, {(0, 0)})[0].text == "框内说明\n说明文字"
    assert read_sections(doc)[0].text == "规章\n框内说明\n说明文字"


def test_heading_provenance_points_at_the_heading() -> None:
    [doc] = load_documents(RUN_TOGETHER.encode("utf-8"), "r.txt")
    first = read_sections(doc)[0]
    assert first.prov.offset is not None
    assert RUN_TOGETHER[first.prov.offset :].startswith("一、总体情况")


@pytest.mark.shared
def test_shared_report_with_all_six_sections(shared_data: Path) -> None:
    [doc] = load_documents((shared_data / "reports" / "001.txt").read_bytes(), "001.txt")
    assert [s.number for s in read_sections(doc)] == ["1", "2", "3", "4", "5", "6"]


def test_the_preamble_before_section_one_is_kept_on_request() -> None:
    [doc] = load_documents(RUN_TOGETHER.encode("utf-8"), "r.txt")
    first, *rest = read_sections(doc, preamble=True)
    assert first.number == PREAMBLE and first.text.startswith("根据《条例》，全文由")
    assert [s.number for s in rest] == ["1", "2", "3", "4", "5", "6"]
    assert read_sections(doc)[0].number == "1"


def test_no_preamble_without_headings() -> None:
    [doc] = load_documents("全年收到信息公开申请1件。".encode(), "r.txt")
    assert read_sections(doc, preamble=True) == []


HEADING_VARIANTS = [
    ("五、存在问题及改进情况", "六、其他需要报告的事项"),
    ("五、存在的主要问题和改进情况", "六、其他需要报告事项"),
    ("五、存在的问题及改进措施", "六、其它需要报告的事项"),
    ("五、政府信息公开工作存在的问题及改进情况", "六、其他需要报告的事项情况"),
    ("五、工作中存在的主要问题及改进情况", "六、其他需报告的事项"),
    ("五、主要问题及改进情况", "六、其他事项"),
]


EARLIER_VARIANTS = [
    ("二、主动公开政府信息情况", "二、主动公开政府信息的情况"),
    ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请的情况"),
    (
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
    ),
    ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼的情况"),
]


@pytest.mark.parametrize(("official", "variant"), EARLIER_VARIANTS)
def test_variants_of_the_earlier_headings_are_their_sections(official: str, variant: str) -> None:
    text = report_text().replace(official, variant)
    report = extract_bytes(text.encode("utf-8"), "r.txt").report
    assert report.sections is not None and list(report.sections) == ["1", "2", "3", "4", "5", "6"]
    assert report.table2 is not None and report.table3 is not None and report.table4 is not None
    assert [f.message for f in check(report, rules=("E2",)) if f.table == "sections"] == []


@pytest.mark.parametrize(("five", "six"), HEADING_VARIANTS)
def test_heading_variants_are_the_sections_not_missing_ones(five: str, six: str) -> None:
    text = report_text().replace("五、存在的主要问题及改进情况", five)
    text = text.replace("六、其他需要报告的事项", six)
    report = extract_bytes(text.encode("utf-8"), "r.txt").report
    assert report.sections is not None
    assert report.sections["5"].startswith("政策解读形式还不够丰富")
    assert report.sections["6"].startswith("本年度未收取信息处理费")
    findings = check(report, rules=("E2", "E5"))
    assert [f.message for f in findings if f.table == "sections"] == []


def test_site_words_in_the_narrative_do_not_cut_a_section() -> None:
    sections = _sections(
        "一、总体情况\n优化网站地图和联系我们栏目，增加分享到政务新媒体的功能。\n"
        "二、主动公开政府信息情况\n无。\n"
    )
    assert sections["1"] == "优化网站地图和联系我们栏目，增加分享到政务新媒体的功能。"
