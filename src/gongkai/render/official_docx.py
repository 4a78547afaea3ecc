"""The official look in python-docx terms: sizes, fonts on runs, the page, paragraphs."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.render.official import BODY_FONT, LATIN_FONT, MARGINS_MM, TITLE_FONT

TITLE_SIZE = Pt(22)  # 二号
HEADING_SIZE = Pt(16)  # 三号
BODY_SIZE = Pt(16)  # 三号
LINE_PITCH = Pt(28)
NOTE_SIZE = Pt(14)  # 四号
NOTE_PITCH = Pt(22)
TABLE_SIZE = Pt(10.5)  # 五号: statutory tables are set smaller than the body
TABLE_SMALL_SIZE = Pt(9)  # 小五: the fifteen columns of table 4


def set_font(run: Any, east_asia: str, size: Pt, bold: bool = False) -> None:
    """Set a run's (or a style's) Latin and East Asian face, size and weight."""
    font = run.font
    font.name = LATIN_FONT
    font.size = size
    font.bold = bold
    r_pr = run.element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def setup_page(doc: Any) -> None:
    """A4 portrait with the official margins; Normal in the body face for later edits."""
    set_font(doc.styles["Normal"], BODY_FONT, BODY_SIZE)
    top, right, bottom, left = MARGINS_MM
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)


def add_paragraph(
    doc: Any,
    text: str,
    align: Any,
    *,
    indent: bool = False,
    font: str = BODY_FONT,
    size: Pt = BODY_SIZE,
    pitch: Pt = LINE_PITCH,
) -> Any:
    """A paragraph on the fixed line pitch, no extra spacing; ``indent``: two characters."""
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = pitch
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = size * 2
    set_font(p.add_run(text), font, size)
    return p


def add_title(doc: Any, text: str) -> None:
    """The document's title, centred, one blank line below it."""
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE_PITCH
    set_font(title.add_run(text), TITLE_FONT, TITLE_SIZE)
