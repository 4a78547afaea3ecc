"""HTML inside other text (a JavaScript or JSON string, entity-escaped markup) is read as HTML."""

from __future__ import annotations

import html
import json
import time

import pytest

from gongkai.extract import Extraction, extract_bytes
from gongkai.extract.loaders import load_documents
from gongkai.extract.loaders.embedded import embedded_html, unescape_js
from gongkai.formats.national import TABLE4
from tests.extract.reports import Facts, report_html

FACTS = Facts(new_received=7, table4=[1, 0, 0, 0, 1, *[0] * 5, 0, 2, 0, 0, 2])


def _article() -> str:
    """The report's body (what a CMS stores), without the page around it."""
    page = report_html(FACTS)
    return page[page.index("<body>") + len("<body>") : page.index("</body>")]


def _u003c(text: str) -> str:
    """JSON as ASP.NET/Go encoders write it: markup characters as \\u003c, \\u003e, \\u0026."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _assert_read_as_tables(extraction: Extraction) -> None:
    report = extraction.report
    assert report.agency == FACTS.agency and report.year == FACTS.year
    assert report.table3 is not None and report.table3["new_received"][0] == 7
    assert report.table4 == FACTS.table4
    assert report.table2 is not None and report.table2["licensing"] == [12]
    assert report.sections is not None and "5" in report.sections


TEXT_FILES = {
    "js_string_with_escaped_quotes": (
        "report.js",
        "var title = '年报';\nvar content = "
        + json.dumps(_article(), ensure_ascii=False)
        + ";\ndocument.write(content);\n",
    ),
    "json_string_with_u003c_escapes": (
        "article.txt",
        '{"code": 0, "data": {"content": ' + _u003c(json.dumps(_article())) + "}}",
    ),
    "template_literal": ("page.txt", "const html = `" + _article() + "`;\nrender(html);\n"),
    "entity_escaped_markup": ("export.txt", "正文：" + html.escape(_article()) + "\n"),
    "raw_markup_in_a_text_file": ("crawl.txt", "网页正文\n" + _article() + "\n"),
}


@pytest.mark.parametrize("case", list(TEXT_FILES))
def test_text_files_carrying_html_are_read_like_html(case: str) -> None:
    name, text = TEXT_FILES[case]
    extraction = extract_bytes(text.encode("utf-8"), name)
    _assert_read_as_tables(extraction)
    assert any("嵌入的 HTML" in w for w in extraction.report.extra["warnings"])


def test_json_field_with_entity_escaped_html_is_read_like_html() -> None:
    record = {"title": "年报", "content": html.escape(_article())}
    extraction = extract_bytes(json.dumps(record, ensure_ascii=False).encode(), "dump.json")
    _assert_read_as_tables(extraction)


def test_page_showing_escaped_markup_as_text_is_read_like_html() -> None:
    page = f"<html><body><div class='article'>{html.escape(_article())}</div></body></html>"
    extraction = extract_bytes(page.encode("utf-8"), "page.html")
    _assert_read_as_tables(extraction)
    assert any("转义的 HTML" in w for w in extraction.report.extra["warnings"])


def test_page_with_its_title_visible_and_the_report_in_a_script_reads_the_script() -> None:
    title = f"<h1>{FACTS.agency}{FACTS.year}年政府信息公开工作年度报告</h1>"
    script = f"<script>window.__DATA__ = {_u003c(json.dumps({'body': _article()}))};</script>"
    page = f"<html><body>{title}<div id='app'></div>{script}</body></html>"
    _assert_read_as_tables(extract_bytes(page.encode("utf-8"), "page.html"))


def test_plain_text_without_markup_is_left_alone() -> None:
    assert embedded_html("一、总体情况\n表格如下：规章 0 0 2\n") is None
    assert embedded_html('他说"table"这个词。<p>段落</p>') is None


def test_unescape_js_handles_every_escape_form() -> None:
    assert unescape_js(r"\u003ctd\u003e\x31\"\n\u{1F600}\ud83d\ude00") == '<td>1"\n😀😀'


def test_a_large_text_with_many_markers_is_scanned_in_bounded_time() -> None:
    # Unclosed quotes and markers everywhere: each scan stays linear in the text's length.
    chunk = "\"\\u003ctable x '&lt;table `" + "政府信息公开" * 20
    text = chunk * (4_000_000 // len(chunk))
    started = time.monotonic()
    embedded_html(text)
    assert time.monotonic() - started < 10


def test_the_table4_of_an_escaped_page_keeps_its_width() -> None:
    article = _article()
    extraction = extract_bytes(("x = " + json.dumps(article) + ";").encode(), "a.js")
    assert extraction.report.table4 is not None and len(extraction.report.table4) == TABLE4.size


def test_string_literals_joined_by_plus_are_one_html_string() -> None:
    lines = [json.dumps(line, ensure_ascii=False) for line in _article().split("</p>")]
    script = "document.write(" + ' + "</p>" +\n'.join(lines) + ");"
    _assert_read_as_tables(extract_bytes(script.encode("utf-8"), "page.js"))


def test_text_around_raw_table_markup_keeps_its_lines() -> None:
    text = "网页正文\n来源：某某市数据局\n" + _article()
    [doc] = load_documents(text.encode("utf-8"), "crawl.txt")
    assert [line.text for line in doc.lines[:2]] == ["网页正文", "来源：某某市数据局"]
    assert doc.grids


def test_a_lone_surrogate_escape_is_no_character() -> None:
    assert unescape_js(r"a\ud800b\udc00") == "a\ufffdb\ufffd"
    text = "x = " + json.dumps(_article()).replace("年报", "\\ud800年报", 1) + ";"
    _assert_read_as_tables(extract_bytes(text.encode("utf-8"), "a.js"))


def test_markdown_with_raw_html_tables_is_read_as_html() -> None:
    body = report_html().split("<body>")[1].split("</body>")[0]
    markdown = body.replace("<p>", "\n\n").replace("</p>", "")  # converters keep <table>s
    extraction = extract_bytes(markdown.encode("utf-8"), "report.md")
    assert extraction.kind == "md"
    assert extraction.report.table3 is not None
    assert extraction.report.table3["new_received"] == [3, 0, 0, 0, 0, 0, 3]
    assert extraction.report.table4 == [0] * 15
