"""Text files: encodings are detected, checked and recorded; lines keep their provenance."""

from __future__ import annotations

import pytest

from gongkai.extract.document import UnreadableError
from gongkai.extract.loaders import load_documents
from gongkai.extract.loaders.encoding import decode

SIMPLIFIED = (
    "某某市数据局2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息120条。\n"
)
TRADITIONAL = (
    "盤錦市營商環境建設局2021年度政府信息公開工作報告\n一、總體情況\n全年主動公開政府信息。\n"
)


def test_utf8_is_read_and_recorded() -> None:
    [doc] = load_documents(SIMPLIFIED.encode("utf-8"), "r.txt")
    assert doc.kind == "txt"
    assert doc.encoding == "utf-8"
    assert doc.lines[1].text == "一、总体情况"


def test_utf8_bom_is_dropped() -> None:
    [doc] = load_documents(b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "r.txt")
    assert doc.lines[0].text.startswith("某某市")
    assert doc.encoding == "utf-8-sig"


def test_gbk_text_is_detected() -> None:
    decoded = decode(SIMPLIFIED.encode("gbk"), "r.txt")
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding in ("gb18030", "gbk")


@pytest.mark.parametrize(
    "phrase", ["政府信息公开", "二、主动公开政府信息情况", "本机关收到申请12件"]
)
def test_short_gbk_text_is_not_taken_for_another_script(phrase: str) -> None:
    """A few GBK bytes also decode as EUC-KR (Hangul) or cp1251 (Cyrillic): the decoding
    that reads as Chinese wins."""
    assert decode(phrase.encode("gbk"), "r.txt").text == phrase


def test_big5_text_is_detected() -> None:
    decoded = decode(TRADITIONAL.encode("big5"), "r.txt")
    assert decoded.text == TRADITIONAL
    assert decoded.encoding in ("big5", "big5hkscs", "cp950")


def test_big5_bytes_are_not_taken_for_gbk() -> None:
    # The byte ranges overlap: a strict GB18030 decode of these bytes may succeed, but
    # yields mojibake, and the detector must prefer the plausible reading.
    data = TRADITIONAL.encode("big5")
    assert decode(data, "r.txt").text == TRADITIONAL


def test_undecodable_bytes_are_refused_with_a_reason() -> None:
    data = bytes(range(0x80, 0x100)) * 40
    with pytest.raises(UnreadableError, match="无法确定文本编码"):
        decode(data, "r.txt")


def test_binary_data_is_refused() -> None:
    with pytest.raises(UnreadableError, match="二进制"):
        load_documents(b"\x00\x01\x02garbage\x00" * 10, "r.txt")


def test_empty_file_is_refused() -> None:
    with pytest.raises(UnreadableError, match="文件为空"):
        load_documents(b"  \n\n", "r.txt")


def test_blank_lines_are_kept_with_line_and_offset() -> None:
    [doc] = load_documents("标题\r\n\r\n正文\n".encode(), "r.txt")
    assert [line.text for line in doc.lines] == ["标题", "", "正文", ""]
    third = doc.lines[2]
    assert third.prov.line == 3
    assert third.prov.offset == len("标题\r\n\r\n")
    assert third.prov.length == 2


def test_markdown_is_read_as_text_of_kind_md() -> None:
    [doc] = load_documents("# 标题\n\n| 规章 | 0 |\n".encode(), "r.md")
    assert doc.kind == "md"
    assert doc.lines[2].text == "| 规章 | 0 |"
