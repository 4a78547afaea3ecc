"""Pieces → table rows, the same way for every layout.

A text piece that names a row opens that row; the value and blank pieces after it are its
cells, up to the row's width. A value row with no recognisable label inside table 3 (labels
wrapped, detached or misprinted) is kept with ``key=None`` and given its place by order in
``gongkai.extract.tables``. Table 4 has no row labels: after its header, value groups of 15
cells (or three of 5) are its cells.

Table 2 has two more cases. A row of a real table (grid, markdown) whose label is no row of
either format is a local extension, kept under its printed label. A cell a converter pulled
out of the table ("22" over "（其中修订 16 件）") is one text cell; it goes to the next table-2
row printed one cell short, and the resolver picks its column.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gongkai.extract.cell_text import has_note, is_note
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
_MIN_LOCAL_LABEL = 3  # letters a local row's label has at least
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
    # A cell printed outside the table (a converter pulled a two-line cell out of it) that
    # belongs to this short row; its column is chosen by the resolver.
    detached: Piece | None = None
    local: bool = False  # a row outside the format (spec §2: kept as an extension)


@dataclass
class Assembly:
    rows: list[RawRow] = field(default_factory=list)
    table4: list[Piece] = field(default_factory=list)
    table4_packed: bool = False
    unplaced: list[Piece] = field(default_factory=list)  # detached cells no row could take


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
        self.detached: list[Piece] = []
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
        self._place_detached()
        return self.out

    def _place_detached(self) -> None:
        """Detached noted cells go, in printed order, to the table-2 rows one cell short."""
        for row in self.out.rows:
            if not self.detached:
                break
            if row.table == "table2" and not row.packed:
                width = row_width(row.table, row.key, self.fmt)
                if len(row.cells) == width - 1:
                    row.detached = self.detached.pop(0)
        self.out.unplaced = self.detached

    def _join_note(self, piece: Piece) -> bool:
        """A bracketed note on its own line completes the number printed just before it."""
        if not is_note(piece.text):
            return False
        cells = self.current.cells if self.current is not None else []
        target = cells if cells and not cells[-1].bounded else self.orphans
        if not target or target[-1].kind is not PieceKind.VALUE or target[-1].packed:
            return False
        value = target[-1]
        prov = value.prov
        if prov is not None and prov.offset is not None and piece.prov is not None:
            end = (piece.prov.offset or 0) + (piece.prov.length or 0)
            prov = replace(prov, length=end - prov.offset)  # the number through its note
        target[-1] = replace(value, text=value.text + piece.text.strip(), prov=prov)
        return True

    def _text(self, piece: Piece) -> None:
        if self._join_note(piece):
            return
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
                "3",
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
        values = [p for p in group if p.kind is PieceKind.VALUE]
        if not values:
            if self.context == "table4" and _blank_table_row(group, _T4_WIDTH):
                self._table4_group(group)  # a blank template's table 4 is printed, blank
                self.pending = []
            return
        if all(has_note(p.text) for p in values):
            self.detached.extend(values)  # cells a converter pulled out of table 2
            return
        if self.context == "table2" and self._local_row(group):
            return
        group = _trim(group, _T4_WIDTH if self.context == "table4" else _T3_WIDTH)
        if self.context == "table4" and not self._table4_done():
            self._table4_group(group)
        elif self.context == "table3" and len(group) == _T3_WIDTH:
            self.out.rows.append(RawRow("table3", None, self._orphan_label(), False, group))
        self.pending = []

    def _local_row(self, group: list[Piece]) -> bool:
        """A real table's row in table 2 whose label is no row of either format: a local
        extension (e.g. 本行政区域政府信息公开发布总数量), keyed by its printed label."""
        label = self.pending[-1] if self.pending else None
        if label is None or not label.bounded or not all(p.bounded for p in group):
            return False
        if starts_structure(label.text) or len(label.text) > MAX_LABEL_CHARS:
            return False
        if sum(ch.isalpha() for ch in label.text) < _MIN_LOCAL_LABEL:
            return False  # "=", "合计:" of a comparison sheet: no row of a report
        key = " ".join(label.text.split())
        self.out.rows.append(RawRow("table2", key, key, True, group, label.prov, local=True))
        self.pending = []
        return True

    def _orphan_label(self) -> str:
        return self.pending[-1].text.strip() if self.pending else ""

    def _table4_done(self) -> bool:
        cells = self.out.table4
        blank = all(p.kind is PieceKind.BLANK for p in cells)
        return (len(cells) >= _T4_WIDTH and not blank) or self.out.table4_packed

    def _table4_group(self, group: list[Piece]) -> None:
        if len(group) != _T4_WIDTH and any(p.packed for p in group):
            # Run-together digits: only right after the header's last cell (总计), so that
            # a year or a count in the sentence replacing table 4 is not taken for it.
            if self.last_text.endswith(("总计", "审结")) and not self.out.table4:
                self.out.table4 = group
                self.out.table4_packed = True
            return
        blank_so_far = all(p.kind is PieceKind.BLANK for p in self.out.table4)
        if len(group) == _T4_WIDTH and blank_so_far:  # values replace an empty spacer row
            self.out.table4 = group
        elif len(group) > _T4_WIDTH and blank_so_far and _one_printed_row(group):
            self.out.table4 = group  # a space inside a number: the resolver regroups
        elif len(group) == _T4_BLOCK and len(self.out.table4) % _T4_BLOCK == 0:
            self.out.table4 = [*self.out.table4, *group]


def _one_printed_row(group: list[Piece]) -> bool:
    """Values of one delimited line (a row of columns), not cells gathered from many."""
    lines = {p.prov.line for p in group if p.prov is not None}
    return len(lines) == 1 and all(p.kind is PieceKind.VALUE and p.bounded for p in group)


def _blank_table_row(group: list[Piece], width: int) -> bool:
    """A real table's row of ``width`` empty cells (blank lines of text prove nothing)."""
    cells = _trim(group, width)
    return len(cells) == width and all(p.kind is PieceKind.BLANK and p.bounded for p in cells)


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
