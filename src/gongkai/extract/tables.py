"""Table recognition: a loaded ``Document`` → tables 2, 3 and 4 with provenance.

Pipeline: the layout modules turn grids or text lines into pieces
(``gongkai.extract.layouts``), the assembler turns pieces into rows (``assemble``), the
resolver splits run-together digits and chooses readings with the format's arithmetic
(``resolve``). Rows printed without a recognisable label inside table 3 take the next row
of the format in order, and every such placement, missing row, duplicate row and
non-official label is reported in ``warnings``/``labels``.
"""

from __future__ import annotations

import re
from functools import cache

from gongkai.extract.assemble import Assembly, RawRow, assemble, row_width
from gongkai.extract.document import Document, Provenance, TablesReading
from gongkai.extract.layouts import Piece, grid_pieces, text_pieces
from gongkai.extract.resolve import (
    Candidate,
    ResolvedRow,
    ambiguity,
    choose_table3,
    resolve_row,
    resolve_table4,
)
from gongkai.formats import (
    FORMAT_2019,
    FORMAT_2021,
    Format,
    format_for_year,
    table3_row,
)
from gongkai.report.cells import Cell
from gongkai.text import compact

_MIN_MARKER = 4
_WORDS = re.compile(r"[^\w]+")


@cache
def _format_markers() -> dict[str, tuple[str, ...]]:
    """Words of labels and column headers that only one format prints (from the formats)."""

    def words(fmt: Format, *, captions: bool) -> set[str]:
        texts = [c.label for g in fmt.table2.groups for c in g.columns]
        texts += [r.label for r in (*fmt.table2.rows, *fmt.table3.rows)]
        if captions:  # and aliases: what a report of that format may print besides labels
            texts += [*fmt.table3.captions, *(g.caption for g in fmt.table2.groups)]
            texts += [a for r in (*fmt.table2.rows, *fmt.table3.rows) for a in r.aliases]
        return {w for t in texts for w in _WORDS.split(compact(t)) if w}

    markers: dict[str, tuple[str, ...]] = {}
    for own, other in ((FORMAT_2019, FORMAT_2021), (FORMAT_2021, FORMAT_2019)):
        others = words(other, captions=True)
        markers[own.id] = tuple(
            sorted(
                w
                for w in words(own, captions=False)
                if len(w) >= _MIN_MARKER and not any(w in o for o in others)
            )
        )
    return markers


def detect_format(doc: Document, year: int | None = None) -> Format:
    """The format the printed tables follow; the report year decides only a tie."""
    text = compact(doc.text + "".join(c.text for g in doc.grids for r in g.rows for c in r))
    votes = {fid: sum(text.count(m) for m in ms) for fid, ms in _format_markers().items()}
    if votes["2019"] != votes["2021"]:
        return FORMAT_2019 if votes["2019"] > votes["2021"] else FORMAT_2021
    if year is not None and year >= FORMAT_2019.first_year:
        return format_for_year(year)
    return FORMAT_2021


def read_tables(doc: Document, year: int | None = None) -> TablesReading:
    """Tables 2–4 of ``doc`` as printed, with provenance, ambiguities and warnings."""
    fmt = detect_format(doc, year)
    reading: TablesReading | None = None
    if doc.grids:
        pieces = [p for grid in doc.grids for p in grid_pieces(grid)]
        reading = _Reader(fmt, assemble(pieces, fmt, packed=False), packed=False).read()
        if _complete(reading):
            return reading
    pieces, packed = text_pieces(doc.lines)
    from_text = _Reader(fmt, assemble(pieces, fmt, packed=packed), packed).read()
    if reading is None or reading.format is None:
        return from_text
    return _fill_from(reading, from_text)


def _complete(reading: TablesReading) -> bool:
    return None not in (reading.table2, reading.table3, reading.table4)


def _fill_from(grids: TablesReading, text: TablesReading) -> TablesReading:
    """Tables the grids lack (printed as text around them) taken from the text reading."""
    for name in ("table2", "table3", "table4"):
        if getattr(grids, name) is not None or getattr(text, name) is None:
            continue
        setattr(grids, name, getattr(text, name))
        grids.provenance[name] = text.provenance.get(name, {})
        if name in text.labels:
            grids.labels[name] = text.labels[name]
        grids.ambiguous += [a for a in text.ambiguous if a.table == name]
        grids.warnings += [w for w in text.warnings if w.startswith(_name(name))]
    return grids


class _Reader:
    def __init__(self, fmt: Format, assembly: Assembly, packed: bool) -> None:
        self.fmt = fmt
        self.assembly = assembly
        self.result = TablesReading(format=None)
        self.allow_blanks = packed and fmt.id == "2019" and self._blanks_dropped()

    def _blanks_dropped(self) -> bool:
        """Whether the crawl dropped empty cells: a packed row with fewer digits than cells."""
        for row in self.assembly.rows:
            digits = sum(ch.isdigit() for p in row.cells for ch in p.text)
            if row.packed and digits < row_width(row.table, row.key, self.fmt):
                return True
            if not row.cells and row.key is not None:
                return True
        return False

    def read(self) -> TablesReading:
        rows2 = [r for r in self.assembly.rows if r.table == "table2"]
        rows3 = [r for r in self.assembly.rows if r.table == "table3"]
        if rows2:
            self._table2(rows2)
        if rows3:
            self._table3(rows3)
        if self.assembly.table4:
            self._table4(self.assembly.table4)
        for piece in self.assembly.unplaced:
            self._warn(f"表二外印出的单元格“{piece.text}”无法归入任何一行，未读取")
        if rows2 or rows3 or self.assembly.table4:
            self.result.format = self.fmt.id
        return self.result

    # --- tables 2 and 3 ------------------------------------------------------------------

    def _resolved(self, rows: list[RawRow], keys: list[str]) -> dict[str, ResolvedRow]:
        resolved: dict[str, ResolvedRow] = {}
        for row, key in zip(rows, keys, strict=True):
            previous = resolved.get(key)
            if previous is not None and _filled(previous) == len(previous.candidates[0].values):
                # a repeat cannot be fuller: no need to split its digits
                self._warn(f"{_name(row.table)}「{row.label}」行重复出现，保留第一次印出的数值")
                continue
            reading = resolve_row(row, key, self.fmt, allow_blanks=self.allow_blanks)
            if previous is not None:
                if _filled(reading) <= _filled(previous):
                    self._warn(f"{_name(row.table)}「{row.label}」行重复出现，保留第一次印出的数值")
                    continue
                self._warn(f"{_name(row.table)}「{previous.label}」行重复出现，保留数值较全的一行")
            resolved[key] = reading
            self.result.warnings.extend(reading.warnings)
            if not row.official:
                self.result.labels.setdefault(row.table, {})[key] = row.label
        return resolved

    def _table2(self, rows: list[RawRow]) -> None:
        resolved = self._resolved(rows, [r.key or "" for r in rows])
        table: dict[str, list[Cell]] = {}
        provenance: dict[str, list[Provenance | None]] = {}
        order = self._order("table2", resolved)
        order += [r.key for r in rows if r.local and r.key and r.key not in order]
        for spec in order:
            row = resolved[spec]
            self._store(row, row.candidates[0], table, provenance)
        self.result.table2 = table
        self.result.provenance["table2"] = provenance
        self._missing("table2", table)

    def _table3(self, rows: list[RawRow]) -> None:
        keys = self._placed_keys(rows)
        kept = [(r, k) for r, k in zip(rows, keys, strict=True) if k is not None]
        resolved = self._resolved([r for r, _ in kept], [k for _, k in kept if k is not None])
        chosen = choose_table3(resolved, self.fmt.table3.outcome_rows)
        table: dict[str, list[Cell]] = {}
        provenance: dict[str, list[Provenance | None]] = {}
        for key in self._order("table3", resolved):
            self._store(resolved[key], chosen[key], table, provenance)
        self.result.table3 = table
        self.result.provenance["table3"] = provenance
        self._missing("table3", table)

    def _placed_keys(self, rows: list[RawRow]) -> list[str | None]:
        """Row keys; a row without a recognisable label takes the next row of the format."""
        order = self._key_order()
        taken = {r.key for r in rows if r.key is not None}
        keys: list[str | None] = []
        position = -1
        for row in rows:
            if row.key is not None:
                keys.append(row.key)
                position = max(position, order.get(row.key, position))
                continue
            following = [k for k, i in order.items() if i > position and k not in taken]
            nxt = min(following, key=lambda k: order[k], default=None)
            if nxt is None:
                self._warn(f"表三有一行数值没有可识别的行标签（“{row.label}”），无法归入任何一行")
                keys.append(None)
                continue
            spec = table3_row(nxt)
            label = spec.label if spec is not None else nxt
            if row.label:
                self._warn(f"表三有一行数值的行标签“{row.label}”无法识别，按顺序归入「{label}」")
            else:
                self._warn(f"表三有一行数值没有行标签，按顺序归入「{label}」")
            taken.add(nxt)
            keys.append(nxt)
            position = order[nxt]
        return keys

    def _key_order(self) -> dict[str, int]:
        order = {r.key: i for i, r in enumerate(self.fmt.table3.rows)}
        # The other format's 其他处理 rows sit where this format's do.
        if "other" in order:
            for key in ("other_1", "other_2", "other_3"):
                order[key] = order["other"]
        else:
            order["other"] = order["other_3"]
        return order

    def _order(self, table: str, resolved: dict[str, ResolvedRow]) -> list[str]:
        specs = self.fmt.table2.rows if table == "table2" else self.fmt.table3.rows
        known = [r.key for r in specs if r.key in resolved]
        others = FORMAT_2021 if self.fmt is FORMAT_2019 else FORMAT_2019
        other_specs = others.table2.rows if table == "table2" else others.table3.rows
        extra = [r.key for r in other_specs if r.key in resolved and r.key not in known]
        if table == "table3" and "other" in extra:
            # keep the printed position of （六）其他处理: before （七）总计
            known = (
                [k for k in known if k not in ("total", "carried_forward")]
                + extra
                + [k for k in ("total", "carried_forward") if k in resolved]
            )
            return known
        return known + extra

    def _store(
        self,
        row: ResolvedRow,
        chosen: Candidate,
        table: dict[str, list[Cell]],
        provenance: dict[str, list[Provenance | None]],
    ) -> None:
        table[row.key] = chosen.values
        provenance[row.key] = chosen.provenance
        found = ambiguity(row, chosen)
        if found is not None:
            self.result.ambiguous.append(found)

    def _missing(self, table: str, rows: dict[str, list[Cell]]) -> None:
        specs = self.fmt.table2.rows if table == "table2" else self.fmt.table3.rows
        present = set(rows)
        if table == "table3" and "other" in present:
            present |= {"other_1", "other_2", "other_3"}
        if table == "table3" and present & {"other_1", "other_2", "other_3"}:
            present.add("other")
        for spec in specs:
            if spec.key not in present:
                self._warn(f"{_name(table)}缺少「{spec.label}」行")

    # --- table 4 -------------------------------------------------------------------------

    def _table4(self, cells: list[Piece]) -> None:
        row = resolve_table4(cells)
        self.result.warnings.extend(row.warnings)
        chosen = row.candidates[0]
        self.result.table4 = chosen.values
        self.result.provenance["table4"] = {"table4": chosen.provenance}
        found = ambiguity(row, chosen)
        if found is not None:
            self.result.ambiguous.append(found)

    def _warn(self, message: str) -> None:
        if message not in self.result.warnings:
            self.result.warnings.append(message)


def _filled(row: ResolvedRow) -> int:
    return sum(v is not None for v in row.candidates[0].values)


def _name(table: str) -> str:
    return {"table2": "表二", "table3": "表三", "table4": "表四"}[table]
