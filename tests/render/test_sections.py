"""A report with all six sections renders them in order, in every document format."""

from __future__ import annotations

import html
import io

import pytest
from docx import Document

from gongkai.formats import FORMAT_2021
from gongkai.render import render
from tests.render.reports import SECTIONS, report_2021

HEADINGS = [s.heading for s in FORMAT_2021.sections]


def _in_order(text: str, parts: list[str]) -> bool:
    positions = [text.index(p) for p in parts]
    return positions == sorted(positions)


@pytest.mark.parametrize("to", ["md", "html"])
def test_text_outputs_have_six_sections_in_order(to: str) -> None:
    text = render(report_2021(), to).decode("utf-8")
    assert _in_order(text, HEADINGS)
    # each section's text follows its own heading
    for number, body in SECTIONS.items():
        first_line = body.splitlines()[0]
        if to == "html":
            first_line = html.escape(first_line, quote=False)
        heading = HEADINGS[int(number) - 1]
        following = HEADINGS[int(number)] if int(number) < 6 else None
        start = text.index(heading)
        end = text.index(following) if following else len(text)
        assert first_line in text[start:end], number


def test_docx_has_six_headings_in_order_with_tables_between() -> None:
    doc = Document(io.BytesIO(render(report_2021(), "docx")))
    body = doc.element.body
    order: list[str] = []
    for child in body.iterchildren():
        if child.tag.endswith("}tbl"):
            order.append("<table>")
        elif child.tag.endswith("}p"):
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            if text in HEADINGS:
                order.append(text)
    assert order == [
        HEADINGS[0],
        HEADINGS[1],
        "<table>",
        HEADINGS[2],
        "<table>",
        HEADINGS[3],
        "<table>",
        HEADINGS[4],
        HEADINGS[5],
    ]
