"""One PDF page through PDFium (pypdfium2): characters with boxes, text lines, ruling edges.

PDFium reads a page about ten times faster than pdfminer. What pdfplumber would give is
rebuilt from it: characters in top-down coordinates (points, origin at the top left),
lines much as pdfplumber's ``extract_text_lines`` groups them (same baseline within 3 pt,
sorted left to right, a space where the gap exceeds 3 pt), and the straight axis-aligned
segments of the page's path objects as edges for pdfplumber's table finder.
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

_LINE_TOLERANCE = 3.0  # points: characters whose tops differ less share a line
_WORD_GAP = 3.0  # points: a wider gap between two characters is a space
_SANE = 3.0  # times the page's typical character height: a larger loose box is wrong
_OUTSIZED = 2.5  # times the neighbours' height: a character box that size is misplaced
_AXIS = 0.5  # points: a segment this close to horizontal/vertical is a rule


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float  # lines are grouped by baseline: Latin and CJK boxes differ in height


@dataclass
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    edges: list[dict[str, Any]]  # pdfplumber's edge dicts
    images: int
    misplaced: bool = False  # PDFium put some characters where they are not (see below)


def read_page(page: pdfium.PdfPage, number: int) -> PageContent:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage, height)
    finally:
        textpage.close()
    edges, images = _edges(page, height)
    return PageContent(number, width, height, chars, edges, images, _misplaced(chars))


def _misplaced(chars: list[Char]) -> bool:
    """Whether a character is far larger than both characters around it in the content
    stream while they agree with each other: PDFium then gave it a box in the wrong
    coordinate space (seen with single-character text objects under a scaling matrix)."""
    for before, ch, after in zip(chars, chars[1:], chars[2:], strict=False):
        around = max(before.bottom - before.top, after.bottom - after.top)
        outsized = around > 0 and ch.bottom - ch.top > _OUTSIZED * around
        if outsized and abs(before.baseline - after.baseline) < _LINE_TOLERANCE:
            return True
    return False


def from_pdfplumber(page: Any, number: int) -> PageContent:
    """The same content read by pdfplumber (pdfminer): slower, used where PDFium errs."""
    height = float(page.height)
    chars = [
        Char(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], height - c["matrix"][5])
        for c in page.chars
        if c["text"].strip()
    ]
    edges = [dict(e, object_type="line") for e in page.edges]
    return PageContent(number, float(page.width), height, chars, edges, len(page.images))


def _chars(textpage: pdfium.PdfTextPage, height: float) -> list[Char]:
    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    rect = pdfium_c.FS_RECTF()
    found: list[tuple[str, Box, Box, float]] = []  # text, loose box, tight box, baseline
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code <= 0x20 or code == 0xFFFE or pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            continue  # spaces and line ends are re-made from the geometry
        if not pdfium_c.FPDFText_GetCharBox(
            raw, index, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom),
            ctypes.byref(top),
        ):  # fmt: skip
            continue
        tight = (left.value, height - top.value, right.value, height - bottom.value)
        loose = tight
        if pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(rect)):
            loose = (rect.left, height - rect.top, rect.right, height - rect.bottom)
        baseline = tight[3]
        if pdfium_c.FPDFText_GetCharOrigin(
            raw, index, ctypes.byref(origin_x), ctypes.byref(origin_y)
        ):
            baseline = height - origin_y.value
        text = chr(code) if code < 0x110000 else "\ufffd"
        found.append((text, loose, tight, baseline))
    if not found:
        return []
    # The loose box spans the character's advance (what pdfplumber measures), but some
    # fonts give a whole table column for it: such a box is replaced by the tight one.
    heights = sorted(box[3] - box[1] for _, box, _, _ in found)
    limit = _SANE * heights[len(heights) // 2]
    out: list[Char] = []
    for text, loose, tight, baseline in found:
        box = loose if loose[2] - loose[0] <= limit and loose[3] - loose[1] <= limit else tight
        out.append(Char(text, box[0], box[1], box[2], box[3], baseline))
    return out


def text_of(chars: list[Char]) -> list[tuple[str, Box]]:
    """Lines of ``chars``: (text, box), top to bottom."""
    lines: list[tuple[str, Box]] = []
    for group in _line_groups(chars):
        group.sort(key=lambda ch: ch.x0)
        parts = [group[0].text]
        for before, ch in itertools.pairwise(group):
            if ch.x0 - before.x1 > _WORD_GAP:
                parts.append(" ")
            parts.append(ch.text)
        box = (
            min(ch.x0 for ch in group),
            min(ch.top for ch in group),
            max(ch.x1 for ch in group),
            max(ch.bottom for ch in group),
        )
        lines.append(("".join(parts), box))
    return lines


def _line_groups(chars: list[Char]) -> list[list[Char]]:
    groups: list[list[Char]] = []
    first = 0.0
    for ch in sorted(chars, key=lambda c: c.baseline):
        if groups and ch.baseline - first <= _LINE_TOLERANCE:
            groups[-1].append(ch)
        else:
            groups.append([ch])
            first = ch.baseline
    return groups


def cell_text(chars: list[Char], box: Box) -> str:
    """The text of the characters whose centre lies in ``box``, one line per printed line."""
    x0, top, x1, bottom = box
    inside = [
        ch
        for ch in chars
        if x0 <= (ch.x0 + ch.x1) / 2 < x1 and top <= (ch.top + ch.bottom) / 2 < bottom
    ]
    return "\n".join(text for text, _ in text_of(inside))


def _edges(page: pdfium.PdfPage, height: float) -> tuple[list[dict[str, Any]], int]:
    """Rules of the page's top-level path objects (tables are drawn with these)."""
    raw = page.raw
    edges: list[dict[str, Any]] = []
    images = 0
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH or not pdfium_c.FPDFPageObj_GetMatrix(
            obj, ctypes.byref(matrix)
        ):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start: tuple[float, float] | None = None
        current: tuple[float, float] | None = None
        for s in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, s)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                continue
            point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = current = point
                continue
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                _add_edge(edges, current, point)
            current = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_edge(edges, point, start)
                current = start
    return edges, images


def _add_edge(edges: list[dict[str, Any]], p: tuple[float, float], q: tuple[float, float]) -> None:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    if x1 - x0 <= _AXIS and bottom - top > _AXIS:
        x0 = x1 = (x0 + x1) / 2
        orientation = "v"
    elif bottom - top <= _AXIS and x1 - x0 > _AXIS:
        top = bottom = (top + bottom) / 2
        orientation = "h"
    else:
        return
    edges.append(
        {
            "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": "line",
        }
    )  # fmt: skip
