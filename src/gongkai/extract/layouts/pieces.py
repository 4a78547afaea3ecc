"""The common currency of all layouts: a flat stream of text, value and blank pieces.

Each layout module turns its lines (or grid rows) into pieces; ``gongkai.extract.assemble``
turns pieces into rows the same way for every layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from gongkai.extract.cell_text import NUMBER, TEXT_VALUES, UNIT_AFTER, is_value
from gongkai.extract.document import Provenance, TextLine


class PieceKind(StrEnum):
    TEXT = "text"  # a label, caption, header or prose
    VALUE = "value"  # one printed cell value (or, when packed, several run together)
    BLANK = "blank"  # a cell the layout shows as empty
    END = "end"  # the layout ends a table row here (a markdown row, a line of columns)


@dataclass(frozen=True, slots=True)
class Piece:
    kind: PieceKind
    text: str = ""
    prov: Provenance | None = None
    packed: bool = False  # cells may have run together inside this value
    bounded: bool = False  # part of a row the layout delimits (markdown, grid, column line)


END = Piece(PieceKind.END)

_WORD = re.compile(r"\S+")
# "1 234" in one cell of a real table: a space as thousands separator, not two cells.
_THOUSANDS = re.compile(r"[+\-]?\d{1,3}(?:[ \u00a0\u2009\u202f\u3000]\d{3})+(?:\.\d+)?")
_GROUP_SPACE = re.compile(r"[ \u00a0\u2009\u202f\u3000]")


def text_prov(line: TextLine, start: int, length: int) -> Provenance:
    """Provenance of ``line.text[start:start + length]``."""
    base = line.prov.offset
    return Provenance(
        line=line.prov.line,
        offset=None if base is None else base + start,
        length=length,
        page=line.prov.page,
        box=line.prov.box,
    )


def split_words(line: TextLine, start: int = 0, end: int | None = None) -> list[Piece]:
    """Whitespace-separated pieces of ``line.text[start:end]``; adjacent words of text merge.

    A number directly followed by a unit word ("21 件", "2023年") is prose, not a cell.
    """
    text = line.text if end is None else line.text[:end]
    pieces: list[Piece] = []
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start)]
    text_start: int | None = None
    text_end = 0

    def flush() -> None:
        nonlocal text_start
        if text_start is not None:
            chunk = text[text_start:text_end]
            pieces.append(Piece(PieceKind.TEXT, chunk, text_prov(line, text_start, len(chunk))))
            text_start = None

    for index, (position, word) in enumerate(words):
        following = words[index + 1][1] if index + 1 < len(words) else ""
        value = _value_word(word, following)
        if value:
            flush()
            pieces.append(Piece(PieceKind.VALUE, word, text_prov(line, position, len(word))))
        else:
            if text_start is None:
                text_start = position
            text_end = position + len(word)
    flush()
    return pieces


def _value_word(word: str, following: str) -> bool:
    if word in TEXT_VALUES:
        return True
    if NUMBER.fullmatch(word) is None:
        return False
    return following[:1] not in UNIT_AFTER


def is_blank(text: str) -> bool:
    return not text.replace("\u00a0", "").replace("\u3000", "").strip()


def bounded_cell(text: str, prov: Provenance | None) -> Piece:
    """The piece of one delimited cell (grid, markdown): blank, value or text."""
    if is_blank(text):
        return Piece(PieceKind.BLANK, "", prov, bounded=True)
    if _THOUSANDS.fullmatch(text):
        text = _GROUP_SPACE.sub("", text)
    kind = PieceKind.VALUE if is_value(text) else PieceKind.TEXT
    return Piece(kind, text, prov, bounded=True)
