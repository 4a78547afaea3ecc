"""One cell per line, where empty lines carry the table's shape (reports 008–011).

Such crawls print every cell followed by the same number of empty lines, so a run of extra
empty lines is a run of empty cells: with a stride of ``s`` newlines per cell, a gap of
``g`` newlines between two printed cells hides ``(g - s) // s`` blank cells (the extra
newlines that end a table row are fewer than ``s`` and fall away in the division).
Documents whose cells follow each other without empty lines carry no such information.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from gongkai.extract.document import TextLine
from gongkai.extract.layouts.pieces import Piece, PieceKind, text_prov

_MIN_STRIDE = 2


def cell_stride(lines: Sequence[TextLine]) -> int:
    """The most common distance between consecutive non-empty lines (1 when undecided)."""
    gaps: Counter[int] = Counter()
    previous: int | None = None
    for index, line in enumerate(lines):
        if line.text.strip():
            if previous is not None:
                gaps[index - previous] += 1
            previous = index
    if not gaps:
        return 1
    return gaps.most_common(1)[0][0]


def gap_blanks(lines: Sequence[TextLine], previous: int, index: int, stride: int) -> list[Piece]:
    """The blank cells that the empty lines between ``lines[previous]`` and ``lines[index]``
    stand for, each located at the empty line where its text would have been."""
    gap = index - previous
    if stride < _MIN_STRIDE or gap <= stride:
        return []
    blanks = []
    for number in range(1, (gap - stride) // stride + 1):
        line = lines[previous + number * stride]
        blanks.append(Piece(PieceKind.BLANK, "", text_prov(line, 0, 0)))
    return blanks
