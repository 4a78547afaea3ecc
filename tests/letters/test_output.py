"""DOCX and PDF files carry the filled letter with the look of an official document."""

from __future__ import annotations

import dataclasses
import io

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from gongkai.letters import render_letter, to_docx, to_html, to_pdf
from gongkai.letters.docx import BODY_FONT, TITLE_FONT
from tests.letters.conftest import context_for


def _docx(key: str):
    return Document(io.BytesIO(to_docx(render_letter(key, context_for(key)))))


def _east_asia(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_contains_the_filled_values():
    doc = _docx("fee")
    text = "\n".join(p.text for p in doc.paragraphs)
    for value in (
        "政府信息公开信息处理费收费通知书",
        "示例市人民政府办公室",
        "示政办依申请〔2026〕第27号",
        "2026年11月3日",
        "2026年12月22日",
        "人民币1700.00元",
        "国办函〔2020〕109号",
        "（印章）",
    ):
        assert value in text


def test_docx_is_a4_with_official_fonts_and_signature_bottom_right():
    doc = _docx("reply_denied")
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    title = doc.paragraphs[0]
    assert title.text == "政府信息不予公开告知书"
    assert title.alignment == 1  # centred
    assert _east_asia(title.runs[0]) == TITLE_FONT
    assert title.runs[0].font.size == Pt(22)
    body = next(p for p in doc.paragraphs if p.text.startswith("本机关于"))
    assert _east_asia(body.runs[0]) == BODY_FONT
    assert body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    texts = [p.text for p in doc.paragraphs]
    seal = texts.index("（印章）")
    signature = doc.paragraphs[seal : seal + 3]
    assert [p.text for p in signature] == ["（印章）", "示例市人民政府办公室", "2026年11月24日"]
    assert all(p.alignment == 2 for p in signature)  # right
    assert texts[seal - 2].startswith("特此告知")  # a blank line, then the signature
    assert all(p.paragraph_format.keep_with_next for p in doc.paragraphs[seal - 2 : seal + 2])
    notes = [t for t in texts[seal + 3 :] if t]
    assert notes[-1] == "联系电话：010-12345678"  # contact details below the date


def test_html_escapes_what_staff_typed():
    context = context_for("receipt")
    letter = render_letter(
        "receipt", dataclasses.replace(context, request_description="<b>资金</b>明细")
    )
    assert "&lt;b&gt;资金&lt;/b&gt;明细" in to_html(letter)


@pytest.mark.parametrize("key", ["correction", "reply_granted"])
def test_pdf_contains_the_title_and_values(key):
    pdf = to_pdf(render_letter(key, context_for(key)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        assert round(page.width / 72 * 25.4) == 210 and round(page.height / 72 * 25.4) == 297
        text = "".join(p.extract_text() for p in doc.pages).replace("\n", "")
    assert ("补正告知书" if key == "correction" else "予以公开告知书") in text
    assert "示政办依申请〔2026〕第27号" in text
    assert "2026年11月24日" in text


def test_pdf_never_leaves_the_signature_alone_on_a_page():
    pdf = to_pdf(render_letter("reply_partial", context_for("reply_partial")))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [page.extract_text().replace("\n", "") for page in doc.pages]
    signed = next(text for text in pages if "（印章）" in text)
    assert "特此告知" in signed and "2026年11月24日" in signed
