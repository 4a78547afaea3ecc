"""Pieces → table rows, the same way for every layout.

A text piece that names a row opens that row; the value and blank pieces after it are its
cells, up to the row's width. A value row with no recognisable label inside table 3 (labels
wrapped, detached or misprinted) is kept with ``key=None`` and given its place by order in
``gongkai.extract.tables``. Table 4 has no row labels: after its header, value groups of 15
cells (or three of 5) are its cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.extract.document import Provenance, TableName
from gongkai.extract.layouts.pieces import Piece, PieceKind
from gongkai.extract.row_labels import (
    MAX_LABEL_CHARS,
    RowLabel,
    match_label,
    names_table4,
    starts_structure,
)
from gongkai.formats import Format, match_section_heading, table2_row
from gongkai.text import label_key

_T3_WIDTH = 7
_T4_WIDTH = 15
_T4_BLOCK = 5
_PENDING = 3  # wrapped label lines joined when looking for a label
_LAST_CHARS = 8  # enough to see that a table-4 header ends with 总计 or 审结


@dataclass
class RawRow:
    table: TableName
    key: str | None  # None: printed without a recognisable label
    label: str
    official: bool
    cells: list[Piece] = field(default_factory=list)
    label_prov: Provenance | None = None
    packed: bool = False


@dataclass
class Assembly:
    rows: list[RawRow] = field(default_factory=list)
    table4: list[Piece] = field(default_factory=list)
    table4_packed: bool = False


def row_width(table: TableName, key: str | None, fmt: Format) -> int:
    if table == "table3" or key is None:
        return _T3_WIDTH
    row = table2_row(key, fmt)
    return len(row.columns) if row is not None else 1


class _Assembler:
    def __init__(self, fmt: Format, packed: bool) -> None:
        self.fmt = fmt
        self.packed = packed  # the document has flattened (run-together) lines
        self.out = Assembly()
        self.current: RawRow | None = None
        self.pending: list[Piece] = []
        self.orphans: list[Piece] = []
        self.context: TableName | None = None
        self.last_text = ""

    # --- pieces ---------------------------------------------------------------------

    def feed(self, piece: Piece) -> None:
        if piece.kind is PieceKind.TEXT:
            self._text(piece)
        elif piece.kind is PieceKind.END:
            self._close_row()
            self._close_orphans()
        elif self.current is not None and (piece.bounded or self._room(self.current)):
            # A delimited row takes all its cells; surplus blanks are trimmed at its end.
            self.current.cells.append(piece)
            self.current.packed = self.current.packed or piece.packed
            self.pending = []
        else:
            self.orphans.append(piece)

    def finish(self) -> Assembly:
        self._close_row()
        self._close_orphans()
        return self.out

    def _text(self, piece: Piece) -> None:
        self._close_orphans()
        found = self._label(piece)
        blank = self._close_row()
        if blank is not None and (found is not None or starts_structure(piece.text)):
            self.out.rows.append(blank)
        if found is not None:
            self.current = RawRow(
                found.table, found.match.key, found.printed, found.match.official,
                label_prov=piece.prov,
            )  # fmt: skip
            self.context = found.table
            self.pending = []
        else:
            self.pending = [*self.pending[-(_PENDING - 1) :], piece]
            if names_table4(piece.text) and not self._table4_done():
                self.context = "table4"
            elif len(piece.text) <= MAX_LABEL_CHARS and match_section_heading(piece.text) in (
                "5",
                "6",
            ):
                self.context = None
        self.last_text = label_key(piece.text[-_LAST_CHARS:])

    def _label(self, piece: Piece) -> RowLabel | None:
        found = match_label(piece.text, self.fmt.id)
        if found is not None:
            return found
        for count in range(1, len(self.pending) + 1):
            joined = "".join(p.text for p in self.pending[-count:]) + piece.text
            if len(joined) > MAX_LABEL_CHARS:
                break
            found = match_label(joined, self.fmt.id)
            if found is not None:
                return RowLabel(found.table, found.match, joined.strip())
        return None

    def _room(self, row: RawRow) -> bool:
        return len(row.cells) < row_width(row.table, row.key, self.fmt)

    # --- closing --------------------------------------------------------------------

    def _close_row(self) -> RawRow | None:
        """Close the open row; a label with nothing after it is returned, not kept.

        Whether such a label is a row of blank cells depends on what follows it (see
        ``_may_be_blank_row``): another label or a table caption, not prose.
        """
        row, self.current = self.current, None
        if row is None:
            return None
        width = row_width(row.table, row.key, self.fmt)
        row.cells = _trim(row.cells, width)
        if row.table == "table3" and not row.packed and 0 < len(row.cells) < width // 2:
            return None  # a label with a stray number ("1" between wrapped labels) is no row
        if row.cells:
            self.out.rows.append(row)
            return None
        return row if self._may_be_blank_row(row) else None

    def _may_be_blank_row(self, row: RawRow) -> bool:
        """A label with nothing after it: a row of dropped blank cells in a flattened table.

        Only rows of the report's own format qualify: in a 2021 report the 2019 label
        （六）其他处理 is the caption of the three 其他处理 rows.
        """
        if row.key is None:
            return False
        rows = self.fmt.table2.rows if row.table == "table2" else self.fmt.table3.rows
        return self.packed and any(r.key == row.key for r in rows)

    def _close_orphans(self) -> None:
        group, self.orphans = self.orphans, []
        if not any(p.kind is PieceKind.VALUE for p in group):
            return
        group = _trim(group, _T4_WIDTH if self.context == "table4" else _T3_WIDTH)
        if self.context == "table4" and not self._table4_done():
            self._table4_group(group)
        elif self.context == "table3" and len(group) == _T3_WIDTH:
            self.out.rows.append(RawRow("table3", None, self._orphan_label(), False, group))
        self.pending = []

    def _orphan_label(self) -> str:
        return self.pending[-1].text.strip() if self.pending else ""

    def _table4_done(self) -> bool:
        return len(self.out.table4) >= _T4_WIDTH or self.out.table4_packed

    def _table4_group(self, group: list[Piece]) -> None:
        if len(group) != _T4_WIDTH and any(p.packed for p in group):
            # Run-together digits: only right after the header's last cell (总计), so that
            # a year or a count in the sentence replacing table 4 is not taken for it.
            if self.last_text.endswith(("总计", "审结")) and not self.out.table4:
                self.out.table4 = group
                self.out.table4_packed = True
            return
        if len(group) == _T4_WIDTH and not self.out.table4:
            self.out.table4 = group
        elif len(group) == _T4_BLOCK and len(self.out.table4) % _T4_BLOCK == 0:
            self.out.table4 = [*self.out.table4, *group]


def _trim(cells: list[Piece], width: int) -> list[Piece]:
    """Drop blanks beyond the row's width: empty lines that end a table, the empty half of
    a label cell a PDF table split in two, the empty cell a converter added at a row's end."""
    cells = list(cells)
    while len(cells) > width and cells[-1].kind is PieceKind.BLANK:
        cells.pop()
    while len(cells) > width and cells[0].kind is PieceKind.BLANK:
        cells.pop(0)
    return cells


def assemble(pieces: list[Piece], fmt: Format, *, packed: bool) -> Assembly:
    assembler = _Assembler(fmt, packed)
    for piece in pieces:
        assembler.feed(piece)
    return assembler.finish()
