"""Spaces in a printed row that may not be cell boundaries.

In a row of columns (``pdftotext -layout``, text tables) cells are set apart by gaps of
several spaces. A single space between two numbers, where the row's other gaps are wider or
the row prints more numbers than it has cells, is no certain boundary: it may be a
thousands separator ("1 234") or a stray space inside a cell ("1 23 4" for 12, 3, 4). The
numbers between certain gaps form runs; inside a run any boundary is possible, and the
resolver chooses with the row's arithmetic, preferring boundaries where spaces are printed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.extract.document import Provenance
from gongkai.extract.layouts.pieces import Piece, PieceKind

_CERTAIN_GAP = 2  # spaces between two cells of a column layout


@dataclass(frozen=True)
class Run:
    """Value pieces printed with single spaces between them, read as one token."""

    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def spaces(self) -> set[int]:
        """Positions in ``text`` where a space was printed (a likely boundary)."""
        positions, position = set(), 0
        for piece in self.pieces[:-1]:
            position += len(piece.text)
            positions.add(position)
        return positions

    def span(self, start: int, length: int) -> tuple[Provenance | None, int, int | None]:
        """``text[start:start + length]`` as (provenance of the piece it starts in, offset
        in that piece, printed length including the spaces it covers)."""
        owners: list[tuple[Piece, int]] = []  # each character: its piece and index in it
        for piece in self.pieces:
            owners += [(piece, i) for i in range(len(piece.text))]
        first, inner = owners[start]
        last, last_inner = owners[start + length - 1]
        if first.prov is None or first.prov.offset is None or last.prov is None:
            return (first.prov, inner, length)
        end = (last.prov.offset or 0) + last_inner + 1
        return (first.prov, inner, end - first.prov.offset - inner)


def _gap(left: Piece, right: Piece) -> int | None:
    a, b = left.prov, right.prov
    if a is None or b is None or a.offset is None or b.offset is None or a.line != b.line:
        return None
    return b.offset - a.offset - len(left.text)


def uncertain_runs(cells: Sequence[Piece], width: int) -> list[Run] | None:
    """The row's values as runs between certain gaps, or None when every gap is certain.

    Only a row of printed values on one text line qualifies (grids, markdown cells and
    run-together digits have their own boundaries).
    """
    if len(cells) < 2 or any(p.kind is not PieceKind.VALUE or p.packed for p in cells):
        return None
    gaps = [_gap(a, b) for a, b in itertools.pairwise(cells)]
    if None in gaps or min(g or 0 for g in gaps) != 1:
        return None
    uneven = max(g or 0 for g in gaps) >= _CERTAIN_GAP
    if not uneven and len(cells) <= width:
        return None  # single spaces throughout and no number too many: they are the cells
    runs: list[list[Piece]] = [[cells[0]]]
    for gap, piece in zip(gaps, cells[1:], strict=True):
        if gap == 1:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return [Run(tuple(run)) for run in runs]
