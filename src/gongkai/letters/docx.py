"""A letter as a DOCX file with the look of an official document (GB/T 9704 proportions).

A4; title in 方正小标宋简体 二号, centred; body in 仿宋_GB2312 三号 with a fixed 28-point
line pitch; agency name, date and the seal placeholder at the bottom right. Chinese fonts
are set as the eastAsia font of each run, which is what Word and WPS read for CJK text.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt

from gongkai.letters.render import Letter, Style
from gongkai.render.official import (
    BODY_FONT,
    BODY_SIZE,
    LINE_PITCH,
    NOTE_PITCH,
    NOTE_SIZE,
    TITLE_FONT,
    TITLE_SIZE,
    set_font,
    setup_page,
)

__all__ = ["BODY_FONT", "TITLE_FONT", "to_docx"]

_ALIGN = {
    Style.BODY: WD_ALIGN_PARAGRAPH.JUSTIFY,
    Style.FLUSH: WD_ALIGN_PARAGRAPH.LEFT,
    Style.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Style.NOTE: WD_ALIGN_PARAGRAPH.LEFT,
}


def _paragraph(
    doc: Any,
    text: str,
    align: Any,
    first_indent: bool = False,
    size: Pt = BODY_SIZE,
    pitch: Pt = LINE_PITCH,
) -> Any:
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = pitch
    fmt.space_before = fmt.space_after = Pt(0)
    if first_indent:
        fmt.first_line_indent = size * 2
    set_font(p.add_run(text), BODY_FONT, size)
    return p


def to_docx(letter: Letter) -> bytes:
    doc = Document()
    setup_page(doc)  # also sets Normal: what staff type when they edit the file in Word or WPS

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE_PITCH
    set_font(title.add_run(letter.title), TITLE_FONT, TITLE_SIZE)

    for p in letter.body:
        _paragraph(doc, p.text, _ALIGN[p.style], first_indent=p.style is Style.BODY)
    # Keep the signature on the page of the last paragraph: never a page of its own.
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _paragraph(doc, "", WD_ALIGN_PARAGRAPH.LEFT).paragraph_format.keep_with_next = True
    for text in (letter.seal, letter.signature, letter.date):
        fmt = _paragraph(doc, text, WD_ALIGN_PARAGRAPH.RIGHT).paragraph_format
        fmt.right_indent = BODY_SIZE * 2
        fmt.keep_with_next = text != letter.date
    if letter.notes:
        _paragraph(doc, "", WD_ALIGN_PARAGRAPH.LEFT)
    for p in letter.notes:
        _paragraph(
            doc,
            p.text,
            WD_ALIGN_PARAGRAPH.LEFT,
            first_indent=True,
            size=NOTE_SIZE,
            pitch=NOTE_PITCH,
        )

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
