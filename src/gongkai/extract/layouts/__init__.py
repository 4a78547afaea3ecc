"""Layouts of printed tables, each turning lines (or grids) into a stream of pieces.

``text_pieces`` picks the layout line by line, so that a document mixing markdown rows with
plain column lines (report 015) or concatenated and separated tables (report 002) reads
as one stream.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gongkai.extract.document import TextLine
from gongkai.extract.layouts.cell_per_line import cell_stride, gap_blanks
from gongkai.extract.layouts.columns import column_line
from gongkai.extract.layouts.concatenated import concatenated_line, is_concatenated
from gongkai.extract.layouts.grid import grid_pieces
from gongkai.extract.layouts.markdown import is_markdown_row, markdown_row
from gongkai.extract.layouts.pieces import END, Piece, PieceKind
from gongkai.extract.layouts.pipes import is_pipe_line, pipe_cell

# Page furniture that PDF text puts between table rows: "- 3 -", "— 5 —", "-1-".
_PAGE_NUMBER = re.compile(r"^\s*[-—–－]\s*\d{1,3}\s*[-—–－]\s*$")


def text_pieces(lines: Sequence[TextLine]) -> tuple[list[Piece], bool]:
    """The piece stream of a text document, and whether any line was concatenated."""
    stride = cell_stride(lines)
    pieces: list[Piece] = []
    packed = False
    previous: int | None = None
    for index, line in enumerate(lines):
        text = line.text
        if not text.strip() or _PAGE_NUMBER.match(text):
            continue
        if previous is not None:
            pieces.extend(gap_blanks(lines, previous, index, stride))
        previous = index
        if is_markdown_row(text):
            pieces.extend(markdown_row(line))
        elif is_pipe_line(text):
            pieces.extend(pipe_cell(line))
        elif is_concatenated(line):
            packed = True
            pieces.extend(concatenated_line(line))
            pieces.append(END)
        else:
            pieces.extend(column_line(line))
    return pieces, packed


__all__ = ["END", "Piece", "PieceKind", "grid_pieces", "text_pieces"]
