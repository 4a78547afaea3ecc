"""Real tables (HTML ``<td>``, DOCX, ruled PDF): one grid row is one table row.

Merged cells are repeated in every slot they cover; a repeat of the same cell (same
provenance) in the next column is dropped so that a merged caption counts once. Empty
cells (``&nbsp;``) are blank cells.
"""

from __future__ import annotations

from gongkai.extract.document import Grid
from gongkai.extract.layouts.pieces import END, Piece, bounded_cell


def grid_pieces(grid: Grid) -> list[Piece]:
    pieces: list[Piece] = []
    for row in grid.rows:
        previous = None
        for cell in row:
            if (previous is not None and cell is previous) or (
                previous is not None and cell.prov == previous.prov and cell.colspan > 1
            ):
                continue
            previous = cell
            pieces.append(bounded_cell(" ".join(cell.text.split()), cell.prov))
        pieces.append(END)
    return pieces
