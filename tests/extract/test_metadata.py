"""Agency, year, title and publication date, each with where it was read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gongkai.extract.document import Document, Provenance, TextLine
from gongkai.extract.loaders import load_documents
from gongkai.extract.metadata import parse_date, read_metadata
from tests.extract.reports import Facts, report_text


def _doc(text: str, **meta: str) -> Document:
    [doc] = load_documents(text.encode("utf-8"), "r.txt")
    doc.meta.update(meta)
    return doc


def test_title_year_and_agency_from_the_title_line() -> None:
    meta = read_metadata(_doc(report_text(Facts(agency="某某县教育局", year=2022))))
    assert (
        meta.title is not None and meta.title.value == "某某县教育局2022年政府信息公开工作年度报告"
    )
    assert meta.agency is not None and meta.agency.value == "某某县教育局"
    assert meta.year == 2022
    assert meta.title.prov.line == 1


def test_agency_line_above_a_title_line_pdf_style() -> None:
    meta = read_metadata(_doc("      洪泽区人民政府\n  2023 年政府信息公开工作年度报告\n正文"))
    assert meta.agency is not None and meta.agency.value == "洪泽区人民政府"
    assert meta.year == 2023


def test_the_fuller_name_in_the_preamble_wins() -> None:
    text = "洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室根据《条例》编制。"
    meta = read_metadata(_doc(text))
    assert meta.agency is not None and meta.agency.value == "淮安市洪泽区人民政府"


def test_year_from_the_statistics_period_when_there_is_no_title() -> None:
    text = "根据《条例》发布本年度报告。报告中所列数据统计期限为2021年1月1日至12月31日。"
    meta = read_metadata(_doc(text))
    assert meta.year == 2021
    assert meta.year_found is not None and meta.year_found.how == "统计期限"


def test_hard_wrapped_sentences_are_joined() -> None:
    text = "正文\n2024 年上海市某委政府信息公开工作\n年度报告\n本年度报告中所列数据的统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。"
    meta = read_metadata(_doc(text))
    assert meta.year == 2024
    assert meta.agency is not None and meta.agency.value == "上海市某委"


def test_traditional_agency_is_given_in_simplified_by_the_caller() -> None:
    meta = read_metadata(_doc("盤錦市營商環境建設局2021年度政府信息公開工作報告\n一、總體情況"))
    assert meta.agency is not None and meta.agency.value == "盤錦市營商環境建設局"  # as printed
    assert meta.year == 2021


def test_published_from_a_page_header() -> None:
    meta = read_metadata(
        _doc("标题: 某局2022年政府信息公开工作年度报告\n发布时间: 2023-02-20 15:07\n正文")
    )
    assert meta.published == date(2023, 2, 20)
    assert meta.title is not None and meta.title.how == "页面标题"


def test_published_from_the_container_beats_the_signature() -> None:
    meta = read_metadata(_doc(report_text(), published="2024-01-29"))
    assert meta.published == date(2024, 1, 29)
    assert not any("落款" in w for w in meta.warnings)


def test_signature_date_is_used_with_a_warning() -> None:
    meta = read_metadata(_doc(report_text(Facts(published="二〇二四年一月二十日"))))
    assert meta.published == date(2024, 1, 20)
    assert any("落款" in w for w in meta.warnings)


def test_a_signature_date_inside_the_report_year_is_not_a_publication_date() -> None:
    meta = read_metadata(_doc(report_text(Facts(year=2023, published="2023年12月1日"))))
    assert meta.published is None


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("2021-03-31", date(2021, 3, 31)),
        ("2020年01月16日", date(2020, 1, 16)),
        ("（2026年1月23日）", date(2026, 1, 23)),
        ("二〇二二年一月二十八日", date(2022, 1, 28)),
        ("二〇二二年十二月三十一日", date(2022, 12, 31)),
        ("2021年2月30日", None),
        ("无日期", None),
    ],
)
def test_parse_date(printed: str, expected: date | None) -> None:
    assert parse_date(printed) == expected


def test_unknown_metadata_is_warned_about() -> None:
    doc = Document("x.txt", "txt", [TextLine("总体情况很好。", Provenance(line=1))])
    meta = read_metadata(doc)
    assert meta.agency is None
    assert "未能识别发布机关名称" in meta.warnings


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "agency", "year"),
    [
        ("reports/013.txt", "淮安市洪泽区人民政府", 2024),  # pdftotext of 013.pdf
        ("reports/009.txt", "河北省教育厅", 2021),
        ("reports/016.md", "上海市人民政府办公厅", 2025),
        ("seeds/001_26a92b83e955fcd2.txt", "长春市政务服务和数字化建设管理局", 2019),
    ],
)
def test_shared_reports(shared_data: Path, name: str, agency: str, year: int) -> None:
    [doc] = load_documents((shared_data / name).read_bytes(), name)
    meta = read_metadata(doc)
    assert meta.agency is not None and meta.agency.value == agency
    assert meta.year == year
