"""Crawler dumps: the report field is chosen per record; one Document per record."""

from __future__ import annotations

import csv
import io
import json

import pytest

from gongkai.extract import Extraction, Failure, extract_all_bytes
from gongkai.extract.document import UnreadableError
from gongkai.extract.loaders import load_documents
from tests.extract.reports import Facts, report_html, report_text


def _csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_the_field_that_reads_like_a_report_is_chosen() -> None:
    data = _csv(
        [{"标题": "年报", "链接": "https://example.org/" + "x" * 80, "内容": report_text(),
          "发布时间": "2024-01-25"}]
    )  # fmt: skip
    [doc] = load_documents(data, "dump.csv")
    assert doc.source == "dump.csv#1"
    assert doc.meta == {"title": "年报", "published": "2024-01-25"}
    assert any(line.text == "一、总体情况" for line in doc.lines)


def test_one_report_per_row_and_non_reports_reported_per_row() -> None:
    data = _csv(
        [
            {"title": "2022年报", "content": report_text(Facts(year=2022))},
            {"title": "通知", "content": "关于做好节假日值班工作的通知。" * 10},
            {"title": "2023年报", "content": report_text(Facts(year=2023))},
        ]
    )
    outcomes = extract_all_bytes(data, "dump.csv")
    assert [type(o) for o in outcomes] == [Extraction, Failure, Extraction]
    assert isinstance(outcomes[1], Failure) and outcomes[1].not_a_report
    assert outcomes[1].source == "dump.csv#2"
    years = [o.report.year for o in outcomes if isinstance(o, Extraction)]
    assert years == [2022, 2023]


def test_json_records_with_html_bodies_give_grids() -> None:
    data = json.dumps(
        {"data": [{"title": "年报", "pubDate": "2024-01-20", "html": report_html()}]},
        ensure_ascii=False,
    ).encode("utf-8")
    [doc] = load_documents(data, "dump.json")
    assert doc.kind == "json"
    assert len(doc.grids) == 3
    assert doc.meta["published"] == "2024-01-20"


def test_json_lines_are_read() -> None:
    line = json.dumps({"content": report_text()}, ensure_ascii=False)
    docs = load_documents(f"{line}\n{line}\n".encode(), "dump.jsonl")
    assert [d.source for d in docs] == ["dump.jsonl#1", "dump.jsonl#2"]


def test_records_without_text_are_refused() -> None:
    with pytest.raises(UnreadableError, match="正文"):
        load_documents(b'[{"id": 1, "title": "short"}]', "dump.json")


def test_broken_json_names_the_place() -> None:
    with pytest.raises(UnreadableError, match="第 1 行"):
        load_documents(b'{"content": "unterminated', "dump.json")


def test_gbk_csv_is_decoded() -> None:
    data = _csv([{"content": report_text()}]).decode("utf-8").encode("gbk")
    [doc] = load_documents(data, "dump.csv")
    assert doc.encoding in ("gb18030", "gbk")


def test_an_api_response_with_the_article_nested_is_read() -> None:
    response = {"code": 0, "data": {"article": {"title": "年报", "content": report_html()}}}
    data = json.dumps(response, ensure_ascii=False).encode("utf-8")
    [outcome] = extract_all_bytes(data, "api.json")
    assert isinstance(outcome, Extraction) and outcome.report.table3 is not None
