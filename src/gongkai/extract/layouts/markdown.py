"""Markdown tables: ``| label | 0 | 0 |`` rows; an empty cell is a blank cell.

Converters split one printed table into many small markdown tables, detach value rows from
their labels or put a caption cell in front of the label; the assembler copes with that.
"""

from __future__ import annotations

import re

from gongkai.extract.document import TextLine
from gongkai.extract.layouts.pieces import END, Piece, bounded_cell, text_prov

_SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


def is_markdown_row(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2 and stripped != "|" * len(stripped)


def markdown_row(line: TextLine) -> list[Piece]:
    """The pieces of one markdown row, ending with END; nothing for a separator row."""
    text = line.text
    if _SEPARATOR.match(text):
        return []
    first = text.index("|")
    last = text.rindex("|")
    # A markdown row is a row of its own: a label printed on the lines before it (a
    # converter's detached label) does not take its values.
    pieces: list[Piece] = [END]
    start = first + 1
    while start <= last:
        end = text.find("|", start)
        if end == -1 or end > last:
            break
        cell = text[start:end]
        content = cell.strip()
        offset = start + (len(cell) - len(cell.lstrip()))
        pieces.append(bounded_cell(content, text_prov(line, offset, len(content))))
        start = end + 1
    pieces.append(END)
    return pieces
