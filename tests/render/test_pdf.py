"""The PDF (WeasyPrint, from the HTML) is A4 and carries the Chinese labels as text.

WeasyPrint is slow: one PDF for the whole module.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest

from gongkai.render import render
from tests.render.reports import AGENCY_2021, report_2021


@pytest.fixture(scope="module")
def pdf_text() -> tuple[str, tuple[float, float], set[str]]:
    pdf = render(report_2021(), "pdf")
    assert pdf.startswith(b"%PDF-")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        size = (page.width / 72 * 25.4, page.height / 72 * 25.4)
        text = "".join(p.extract_text() or "" for p in doc.pages).replace("\n", "")
        fonts = {str(c["fontname"]) for p in doc.pages for c in p.chars}
    return text.replace(" ", ""), size, fonts


def test_pdf_is_a4(pdf_text: tuple[str, tuple[float, float], set[str]]) -> None:
    _, (width, height), _ = pdf_text
    assert (round(width), round(height)) == (210, 297)


def test_pdf_contains_the_chinese_table_labels_as_text(
    pdf_text: tuple[str, tuple[float, float], set[str]],
) -> None:
    text, _, fonts = pdf_text
    for label in (
        AGENCY_2021,
        "本年新收政府信息公开申请数量",
        "申请人情况",
        "法人或其他组织",
        "勾稽关系",
        "第二十条第（一）项",
        "未经复议直接起诉",
        "五、存在的主要问题及改进情况",
    ):
        assert label in text, label
    assert any("CJK" in f for f in fonts), fonts  # real CJK glyphs, not boxes
