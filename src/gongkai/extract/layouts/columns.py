"""Whitespace-separated columns (``pdftotext -layout``), and one cell per line.

A line is split into words; numbers are cells, the words between them are labels,
captions or prose. A line that holds a value next to anything else is a table row of its
own, so it ends with END; a line that is a single word is one cell of a cell-per-line
layout and leaves the row open. Wrapped labels and value lines detached from their labels
are resolved by the assembler.
"""

from __future__ import annotations

from dataclasses import replace

from gongkai.extract.document import TextLine
from gongkai.extract.layouts.pieces import END, Piece, PieceKind, split_words


def column_line(line: TextLine) -> list[Piece]:
    pieces = split_words(line)
    if len(pieces) > 1 and any(p.kind is PieceKind.VALUE for p in pieces):
        return [*(replace(p, bounded=True) for p in pieces), END]
    return pieces
