"""Search tokens, query segmentation and highlighted snippets (gongkai.text.search)."""

from __future__ import annotations

import pytest

from gongkai.text.search import document_tokens, highlight, parse_query, token_string


def _finds(query: str, *texts: str) -> bool:
    tokens = set(document_tokens(*texts))
    parsed = parse_query(query)
    return bool(parsed) and all(t in tokens for t in parsed.tokens)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("预算", "2024年部门预算"),  # a two-character word
        ("湖滨", "东湖区湖滨街道办事处关于老旧小区改造的通知"),  # inside a longer name
        ("部门预算", "2024年部门预算"),
        ("预算 部门", "2024年部门预算"),  # word order does not matter
        ("預算", "2024年部门预算"),  # traditional query, simplified text
        ("预算", "2024年部門預算"),  # and the other way round
        ("２０２４", "2024年部门预算"),  # full-width digits
        ("GB", "执行gb 11643标准"),  # ASCII case
        ("规范性文件", "行政规范性文件清理结果"),
        ("税", "车船税减免"),  # one character alone is searched
        ("公开的信息", "主动公开政府信息"),  # 的 beside longer words is dropped
    ],
)
def test_found(query: str, text: str) -> None:
    assert _finds(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("预算", "2024年部门决算"),
        ("部门预算", "部门决算和采购预告"),  # 部门 without 预算
        ("规范性文件", "规范管理文件"),  # 范性 and 性文 are missing
        ("2024", "20245号"),  # numbers are whole tokens
    ],
)
def test_not_found(query: str, text: str) -> None:
    assert not _finds(query, text)


def test_query_words_are_jiebas_and_long_words_need_their_pairs() -> None:
    query = parse_query("义务教育招生划片")
    assert "招生" in query.words
    assert "教育" in query.tokens and "义务教育" not in query.tokens
    assert set(query.tokens) >= {"义务", "务教", "教育"}


def test_an_empty_or_punctuation_query_is_empty() -> None:
    assert not parse_query("")
    assert not parse_query("，。！？……")


def test_token_string_keeps_whole_tokens_apart() -> None:
    stored = token_string(document_tokens("部门预算"))
    assert " 预算 " in stored and stored.startswith(" ") and stored.endswith(" ")
    assert " 门预 " in stored and " 门预算 " not in stored


def test_highlight_marks_the_words_and_escapes_the_rest() -> None:
    html = highlight("<b>关于</b>2024年部门预算的说明", ["部门", "预算"], width=None)
    assert html == "&lt;b&gt;关于&lt;/b&gt;2024年<mark>部门预算</mark>的说明"


def test_highlight_compares_folded_but_shows_the_original() -> None:
    assert highlight("部門預算", ["预算"], width=None) == "部門<mark>預算</mark>"
    assert highlight("GB标准", ["gb"], width=None) == "<mark>GB</mark>标准"


def test_highlight_cuts_around_the_first_match() -> None:
    text = "前言。" * 50 + "本年度部门预算总额。" + "后记。" * 50
    html = highlight(text, ["预算"], width=40)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>预算</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 42


def test_highlight_without_a_match_shows_the_beginning() -> None:
    html = highlight("甲" * 300, ["预算"], width=50)
    assert html == "甲" * 50 + "…"
