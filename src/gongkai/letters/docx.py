"""A letter as a DOCX file with the look of an official document (GB/T 9704 proportions).

A4; title in 方正小标宋简体 二号, centred; body in 仿宋_GB2312 三号 with a fixed 28-point
line pitch; agency name, date and the seal placeholder at the bottom right. Chinese fonts
are set as the eastAsia font of each run, which is what Word and WPS read for CJK text.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from gongkai.letters.render import Letter, Style
from gongkai.render.official import (
    BODY_FONT,
    TITLE_FONT,
)
from gongkai.render.official_docx import (
    BODY_SIZE,
    NOTE_PITCH,
    NOTE_SIZE,
    add_paragraph,
    add_title,
    setup_page,
)

__all__ = ["BODY_FONT", "TITLE_FONT", "to_docx"]

_ALIGN = {
    Style.BODY: WD_ALIGN_PARAGRAPH.JUSTIFY,
    Style.FLUSH: WD_ALIGN_PARAGRAPH.LEFT,
    Style.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Style.NOTE: WD_ALIGN_PARAGRAPH.LEFT,
}


def to_docx(letter: Letter) -> bytes:
    doc = Document()
    setup_page(doc)  # also sets Normal: what staff type when they edit the file in Word or WPS

    add_title(doc, letter.title)

    for p in letter.body:
        add_paragraph(doc, p.text, _ALIGN[p.style], indent=p.style is Style.BODY)
    # Keep the signature on the page of the last paragraph: never a page of its own.
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    add_paragraph(doc, "", WD_ALIGN_PARAGRAPH.LEFT).paragraph_format.keep_with_next = True
    for text in (letter.seal, letter.signature, letter.date):
        fmt = add_paragraph(doc, text, WD_ALIGN_PARAGRAPH.RIGHT).paragraph_format
        fmt.right_indent = BODY_SIZE * 2
        fmt.keep_with_next = text != letter.date
    if letter.notes:
        add_paragraph(doc, "", WD_ALIGN_PARAGRAPH.LEFT)
    for p in letter.notes:
        add_paragraph(
            doc, p.text, WD_ALIGN_PARAGRAPH.LEFT, indent=True, size=NOTE_SIZE, pitch=NOTE_PITCH
        )

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
