"""The public API: one canonical report per input, with provenance and warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.extract import (
    Extraction,
    NotAReportError,
    UnreadableError,
    extract_bytes,
    extract_file,
)
from gongkai.report import loads
from tests.extract.pdfs import render
from tests.extract.reports import Facts, report_docx, report_html, report_text


def test_html_report_end_to_end() -> None:
    extraction = extract_bytes(report_html().encode("utf-8"), "r.html")
    report = extraction.report
    assert (report.agency, report.year, report.format) == ("某某市数据局", 2023, "2021")
    assert report.table2 is not None and report.table2["licensing"] == [12]
    assert report.table3 is not None and report.table3["new_received"] == [3, 0, 0, 0, 0, 0, 3]
    assert report.table4 == [0] * 15
    assert report.sections is not None and list(report.sections) == ["1", "2", "3", "4", "5", "6"]


def test_provenance_points_into_the_grids() -> None:
    report = extract_bytes(report_html().encode("utf-8"), "r.html").report
    provenance = report.extra["provenance"]
    cell = provenance["table2"]["licensing"][0]
    assert cell["table"] == 0 and "offset" in cell
    assert len(provenance["table4"]) == 15
    assert provenance["metadata"]["agency"]["printed"] == "某某市数据局"
    assert report.extra["source"] == {"file": "r.html", "kind": "html", "encoding": "utf-8"}


def test_json_line_is_canonical_and_reads_back() -> None:
    extraction = extract_bytes(report_text().encode("gb18030"), "r.txt")
    line = extraction.to_json()
    assert "\n" not in line
    data = json.loads(line)
    assert data["schema"] == "gongkai.annual-report/1"
    assert data["published"] == "2024-01-20"
    assert {"provenance", "warnings", "ambiguous_cells"} <= data.keys()
    assert data["source"]["encoding"] == "gb18030"
    again = loads(line)
    assert again.table3 == extraction.report.table3


def test_sections_leave_out_the_table_rows_read_as_data() -> None:
    report = extract_bytes(report_html().encode("utf-8"), "r.html").report
    assert report.sections is not None
    assert "行政许可" not in report.sections["2"]  # a data row of table 2
    assert "本年处理决定数量" in report.sections["2"]  # header rows are not data


def test_not_a_report_raises_with_the_reason() -> None:
    with pytest.raises(NotAReportError, match="不是政府信息公开工作年度报告"):
        extract_bytes("关于召开安全生产会议的通知。请各单位准时参加。".encode(), "notice.txt")


def test_unreadable_raises_with_the_reason() -> None:
    with pytest.raises(UnreadableError, match="文件为空"):
        extract_bytes(b"", "empty.txt")


def test_extract_file_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "年报.txt"
    path.write_text(report_text(Facts(year=2021)), encoding="utf-8")
    assert isinstance(extract_file(path), Extraction)
    assert extract_file(path).report.year == 2021
    with pytest.raises(UnreadableError, match="无法读取"):
        extract_file(tmp_path / "missing.txt")


def test_a_canonical_json_report_is_taken_as_it_is(tmp_path: Path) -> None:
    line = extract_bytes(report_text().encode(), "r.txt").to_json()
    path = tmp_path / "r.json"
    path.write_text(line, encoding="utf-8")
    extraction = extract_file(path)
    assert extraction.kind == "canonical"
    assert extraction.report.table2 is not None


def test_docx_report_end_to_end() -> None:
    facts = Facts(year=2022, table4=list(range(15)))
    report = extract_bytes(report_docx(facts), "r.docx").report
    assert (report.agency, report.year, report.format) == ("某某市数据局", 2022, "2021")
    assert report.table3 is not None and report.table3["total"] == [3, 0, 0, 0, 0, 0, 3]
    assert report.table4 == list(range(15))
    assert report.extra["provenance"]["table4"][14]["table"] == 2


def test_pdf_report_end_to_end() -> None:
    report = extract_bytes(render(report_html(Facts(new_received=7))), "r.pdf").report
    assert report.table3 is not None and report.table3["new_received"] == [7, 0, 0, 0, 0, 0, 7]
    assert report.table2 is not None and report.table2["penalty"] == [3]
    cell = report.extra["provenance"]["table2"]["penalty"][0]
    assert cell["page"] == 1 and len(cell["box"]) == 4


def test_the_preamble_with_the_period_is_kept_for_rule_d3() -> None:
    extraction = extract_bytes(report_text().encode("utf-8"), "r.txt")
    preamble = extraction.report.extra["preamble"]
    assert "统计期限自2023年1月1日起至2023年12月31日止" in preamble
    assert "统计期限" not in (extraction.report.sections or {}).get("1", "")
    data = json.loads(extraction.to_json())
    assert data["preamble"] == preamble
    assert data["provenance"]["sections"]["preamble"]["line"] == 1
