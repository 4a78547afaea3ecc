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
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.letters.render import Letter, Style

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
LINE_PITCH = Pt(28)
NOTE_SIZE = Pt(14)  # 四号: contact details below the date
NOTE_PITCH = Pt(22)

_ALIGN = {
    Style.BODY: WD_ALIGN_PARAGRAPH.JUSTIFY,
    Style.FLUSH: WD_ALIGN_PARAGRAPH.LEFT,
    Style.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Style.NOTE: WD_ALIGN_PARAGRAPH.LEFT,
}


def _set_font(run: Any, east_asia: str, size: Pt, bold: bool = False) -> None:
    font = run.font
    font.name = LATIN_FONT
    font.size = size
    font.bold = bold
    r_pr = run.element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


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
    _set_font(p.add_run(text), BODY_FONT, size)
    return p


def to_docx(letter: Letter) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]  # what staff type when they edit the file in Word or WPS
    _set_font(normal, BODY_FONT, BODY_SIZE)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE_PITCH
    _set_font(title.add_run(letter.title), TITLE_FONT, TITLE_SIZE)

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
