"""Tables flattened with no separators: ``规章000行政规范性文件1153…`` (reports 001–007).

Row labels are the only delimiters, so they are searched in the normalised text of the
line (``gongkai.extract.row_labels.find_labels``); between two labels, runs of digits are
value pieces marked ``packed`` (their cells may have run together) and everything else is
text (captions, headers, prose). The digit split is left to the resolver.
"""

from __future__ import annotations

import re

from gongkai.extract.cell_text import NUMBER, UNIT_AFTER
from gongkai.extract.document import TextLine
from gongkai.extract.layouts.pieces import Piece, PieceKind, text_prov
from gongkai.extract.row_labels import find_labels

_MIN_LABELS = 3  # a line with fewer labels is prose or a row of another layout
_MIN_LENGTH = 60
_VALUE = re.compile(NUMBER.pattern)


def is_concatenated(line: TextLine) -> bool:
    text = line.text
    if len(text) < _MIN_LENGTH:
        return False
    followed = 0
    for _, end in find_labels(text):
        rest = text[end : end + 3].lstrip()
        if rest[:1].isdigit():
            followed += 1
            if followed >= _MIN_LABELS:
                return True
    return False


def concatenated_line(line: TextLine) -> list[Piece]:
    text = line.text
    pieces: list[Piece] = []
    position = 0
    for start, end in find_labels(text):
        if start < position:
            continue
        pieces.extend(_region(line, position, start))
        pieces.append(Piece(PieceKind.TEXT, text[start:end], text_prov(line, start, end - start)))
        position = end
    pieces.extend(_region(line, position, len(text)))
    return pieces


def _region(line: TextLine, start: int, end: int) -> list[Piece]:
    """Values and text between two labels."""
    text = line.text
    pieces: list[Piece] = []
    cursor = start
    for found in _VALUE.finditer(text, start, end):
        following = text[found.end() : found.end() + 2].lstrip()[:1]
        if following in UNIT_AFTER and following:
            continue  # "2020年", "21 件": prose
        _text(line, cursor, found.start(), pieces)
        value = found.group()
        pieces.append(
            Piece(PieceKind.VALUE, value, text_prov(line, found.start(), len(value)), packed=True)
        )
        cursor = found.end()
    _text(line, cursor, end, pieces)
    return pieces


def _text(line: TextLine, start: int, end: int, pieces: list[Piece]) -> None:
    chunk = line.text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped[0])
        pieces.append(Piece(PieceKind.TEXT, stripped, text_prov(line, offset, len(stripped))))
