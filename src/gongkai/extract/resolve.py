"""Assembled rows → cell values: digit splits, the format's arithmetic, ambiguity.

For a row whose cells ran together, the splits (``gongkai.extract.splitting``) are found
with the row's own rule (table 3: B2 总计 = six applicant columns; table 4: B3 in each
block), the fewest broken totals allowed when a report misprints one. A row of columns whose
single spaces may not be cell boundaries (``gongkai.extract.spacing``) is read the same way
and reported ambiguous when its spaces and its sums disagree. Table-3 rows that still have
several readings are then chosen jointly so that as few A1/B1 column equations as possible
are violated. A row that had more than one reading fitting its own rule is reported as an
``AmbiguousCell`` with all readings, whatever the joint choice; the choice among equals
follows a fixed order of preference (see ``_preference``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from gongkai.extract.assemble import RawRow, row_width
from gongkai.extract.cell_text import parse_cell
from gongkai.extract.document import AmbiguousCell, Provenance, TableName
from gongkai.extract.layouts.pieces import Piece, PieceKind
from gongkai.extract.notes import named_column
from gongkai.extract.spacing import Run, uncertain_runs
from gongkai.extract.splitting import Reading, split_by_sums, split_tokens
from gongkai.formats import CellKind, Format, table2_row
from gongkai.report.cells import Cell, numeric

_MAX_JOINT = 2048
_T4_SIZE = 15
_T3_BLOCKS = (7,)  # B2: the six applicant columns add up to 总计
_T4_BLOCKS = (5, 5, 5)  # B3: in each block 维持 + 纠正 + 其他 + 尚未审结 = 总计
_MAX_ALTERNATIVES = 30
_SATISFIED, _UNASSESSABLE, _VIOLATED = 0, 1, 2


@dataclass
class Candidate:
    values: list[Cell]
    # Where each cell was printed: (the piece's provenance, start, length) inside it, or
    # the piece's provenance itself (length None); built into Provenance only when needed.
    spans: list[tuple[Provenance | None, int, int | None] | None]
    status: int  # of the row's own rule
    rank: tuple[object, ...] = ()
    numbers: list[int | None] = field(init=False)  # the integer of each cell, for arithmetic

    def __post_init__(self) -> None:
        self.numbers = _ints(self.values)

    @property
    def provenance(self) -> list[Provenance | None]:
        return [
            None if span is None else span[0] if span[2] is None else _sub_prov(*span)
            for span in self.spans
        ]


@dataclass
class ResolvedRow:
    table: TableName
    key: str
    label: str
    official: bool
    candidates: list[Candidate]  # best first; more than one → ambiguous
    printed: str
    warnings: list[str]
    # Readings the printed characters allow but the row's own arithmetic only suggests
    # (a blank 总计 whose six applicant cells are printed: perhaps lost in conversion).
    suggested: list[list[Cell]] = field(default_factory=list)


def kinds_of(table: TableName, key: str | None, fmt: Format) -> list[CellKind]:
    if table == "table2" and key is not None:
        row = table2_row(key, fmt)
        if row is not None:
            return [c.kind for c in row.columns]
    return [CellKind.COUNT] * row_width(table, key, fmt)


# --- row rules -------------------------------------------------------------------------


def _ints(values: Sequence[Cell]) -> list[int | None]:
    out: list[int | None] = []
    for value in values:
        number = numeric(value)
        out.append(int(number) if number is not None and number == int(number) else None)
    return out


def sum_status(parts: Sequence[Cell], total: Cell) -> int:
    """Whether ``total`` equals the sum of ``parts`` (blanks skipped when some are printed)."""
    numbers = _ints(parts)
    total_number = _ints([total])[0]
    present = [n for n in numbers if n is not None]
    if total_number is None or not present:
        return _UNASSESSABLE
    return _SATISFIED if sum(present) == total_number else _VIOLATED


def table3_row_status(values: Sequence[Cell]) -> int:
    return sum_status(values[:6], values[6])


def table4_status(values: Sequence[Cell]) -> int:
    statuses = [sum_status(values[i : i + 4], values[i + 4]) for i in range(0, 15, 5)]
    return max(statuses)


def _no_rule(values: Sequence[Cell]) -> int:
    return _SATISFIED


# --- preference among readings -----------------------------------------------------------


def _preference(
    values: Sequence[Cell], texts: Sequence[str | None], items: bool
) -> tuple[object, ...]:
    """Order among readings that fit equally well (documented tie-break).

    1. fewest blank cells (a crawler drops blanks only when it must);
    2. format 2019 items rows: 上一年项目数量 + 本年增/减 = 处理决定数量;
    3. digits spread evenly over the cells (smallest sum of squared cell lengths);
    4. printed cells as far left as possible (blanks at the end);
    5. the largest last cell (the last column is a total or a stock: 现行有效件数);
    6. shorter cells first.
    """
    blanks = sum(1 for t in texts if t is None)
    arithmetic = 1
    if items and len(values) == 3:
        a, b, c = (numeric(v, CellKind.SIGNED) for v in values)
        arithmetic = 0 if a is not None and b is not None and c is not None and a + b == c else 1
    lengths = tuple(len(t) if t is not None else 0 for t in texts)
    last = numeric(values[-1], CellKind.AMOUNT) if values else None
    return (
        blanks,
        arithmetic,
        sum(n * n for n in lengths),
        tuple(0 if t is not None else 1 for t in texts),
        -(last or 0),
        lengths,
    )


# --- one row -----------------------------------------------------------------------------


def resolve_row(
    row: RawRow,
    key: str,
    fmt: Format,
    *,
    allow_blanks: bool,
) -> ResolvedRow:
    kinds = [CellKind.COUNT] * len(row.cells) if row.local else kinds_of(row.table, key, fmt)
    rule: Callable[[Sequence[Cell]], int] = table3_row_status if row.table == "table3" else _no_rule
    items = (
        fmt.id == "2019"
        and row.table == "table2"
        and kinds[1:2] == [CellKind.SIGNED]
        and len(kinds) == 3
    )
    warnings: list[str] = []
    cells = row.cells
    blocks = _T3_BLOCKS if row.table == "table3" and len(kinds) == sum(_T3_BLOCKS) else ()
    suggested: list[list[Cell]] = []
    # What was printed, as the reader saw it: one run, or separate cells.
    printed = ("" if row.packed else " ").join(p.text or "□" for p in cells)
    if row.detached is not None and not row.packed:
        printed = " ".join([row.detached.text, *(p.text or "□" for p in cells)])
        candidates = _detached_candidates(row, key, fmt, kinds, warnings)
    elif row.packed and cells and all(p.kind is PieceKind.VALUE for p in cells):
        candidates = _split_candidates(
            cells, kinds, rule, items, allow_blanks, warnings, row.label, blocks
        )
    elif not row.local and (runs := uncertain_runs(cells, len(kinds))) is not None:
        candidates, suggested = _respaced_candidates(
            runs, cells, kinds, rule, items, blocks, warnings, row.label
        )
    else:
        candidates = _placed_candidates(cells, kinds, rule, items, warnings, row.label)
    resolved = ResolvedRow(
        row.table, key, row.label, row.official, candidates, printed, warnings, suggested
    )
    if row.table == "table3" and len(candidates) == 1:
        values = candidates[0].values
        applicants = _ints(values[:6])
        if values[6] is None and all(n is not None for n in applicants):
            resolved.suggested.append([*values[:6], sum(n or 0 for n in applicants)])
    return resolved


def resolve_table4(cells: list[Piece]) -> ResolvedRow:
    """Table 4's 15 cells; run-together digits are split so that each block sums (B3)."""
    kinds = [CellKind.COUNT] * _T4_SIZE
    warnings: list[str] = []
    packed = any(p.packed for p in cells)
    printed = ("" if packed else " ").join(p.text or "□" for p in cells)
    if packed and len(cells) != _T4_SIZE:
        values = [p for p in cells if p.kind is PieceKind.VALUE]
        candidates = _split_candidates(
            values, kinds, table4_status, False, False, warnings, "表四", _T4_BLOCKS
        )
    elif (runs := uncertain_runs(cells, _T4_SIZE)) is not None:
        candidates, suggested = _respaced_candidates(
            runs, cells, kinds, table4_status, False, _T4_BLOCKS, warnings, "表四"
        )
        return ResolvedRow(
            "table4", "table4", "表四", True, candidates, printed, warnings, suggested
        )
    else:
        candidates = [_direct(cells[:_T4_SIZE], kinds, table4_status, False)]
    return ResolvedRow("table4", "table4", "表四", True, candidates, printed, warnings)


def _split_candidates(
    cells: list[Piece],
    kinds: list[CellKind],
    rule: Callable[[Sequence[Cell]], int],
    items: bool,
    allow_blanks: bool,
    warnings: list[str],
    label: str,
    blocks: Sequence[int] = (),
) -> list[Candidate]:
    """Readings of run-together digits; with ``blocks`` (count cells whose block totals
    are sums) the sums guide the split, and the fewest broken totals are allowed."""
    texts = [p.text for p in cells]
    readings: list[Reading] = []
    if blocks and not allow_blanks and all(k is CellKind.COUNT for k in kinds):
        by_sums = split_by_sums(texts, blocks)
        readings, complete = by_sums.readings, by_sums.complete
        if readings and 0 < by_sums.violated < len(blocks):
            warnings.append(
                f"「{label}」的数字连在一起，有 {by_sums.violated} 组总计与各项之和不符，"
                "按其余各组的总计拆分，这一组的拆分无法核对"
            )
    if not readings:  # no sums to use, or their search gave up: every split the run allows
        splits = split_tokens(texts, kinds, allow_blanks=allow_blanks)
        readings, complete = splits.readings, splits.complete
    if not complete:
        warnings.append(f"「{label}」的数字连在一起，可能的拆分过多，只检查了其中一部分")
    candidates = [_from_reading(reading, cells, kinds, rule, items) for reading in readings]
    if not candidates:
        warnings.append(
            f"「{label}」印出的“{''.join(p.text for p in cells)}”无法拆分为 {len(kinds)} 个单元格"
        )
        return [_direct(cells, kinds, rule, items)]
    return _best_first(candidates)


def _respaced_candidates(
    runs: list[Run],
    cells: list[Piece],
    kinds: list[CellKind],
    rule: Callable[[Sequence[Cell]], int],
    items: bool,
    blocks: Sequence[int],
    warnings: list[str],
    label: str,
) -> tuple[list[Candidate], list[list[Cell]]]:
    """A row whose single spaces may not be cell boundaries (``gongkai.extract.spacing``).

    With one number per cell the printed spaces are read, and the other readings the row's
    arithmetic allows are reported with it (ambiguous); with more numbers than cells the
    arithmetic splits the runs, printed spaces kept as boundaries where it can.
    """
    tokens = [run.text for run in runs]
    if blocks and all(k is CellKind.COUNT for k in kinds):
        readings = split_by_sums(tokens, blocks).readings
    else:
        readings = split_tokens(tokens, kinds).readings
    found = [_from_run_reading(reading, runs, kinds, rule, items) for reading in readings]
    printed = " ".join(p.text for p in cells)
    if len(cells) == len(kinds):
        direct = _direct(cells, kinds, rule, items)
        others = [c for c in _best_first(found) if c.values != direct.values]
        if others and others[0].status <= direct.status:
            warnings.append(
                f"「{label}」印出的“{printed}”中有的空格可能不在单元格边界上，按印出的空格读取"
            )
            return [direct], [c.values for c in others[:_MAX_ALTERNATIVES]]
        return [direct], []
    if not found:
        return _placed_candidates(cells, kinds, rule, items, warnings, label), []
    warnings.append(
        f"「{label}」印出的“{printed}”有 {len(cells)} 个数字，多于应有的 {len(kinds)} 个："
        "有的空格不在单元格边界上，按各列的关系和印出的空格拆分"
    )
    return _best_first(found), []


def _from_run_reading(
    reading: Reading,
    runs: list[Run],
    kinds: list[CellKind],
    rule: Callable[[Sequence[Cell]], int],
    items: bool,
) -> Candidate:
    """A reading of runs; its rank starts with how far it departs from the printed spaces
    (spaces inside a cell plus boundaries where no space is printed)."""
    values: list[Cell] = []
    spans: list[tuple[Provenance | None, int, int | None] | None] = []
    texts: list[str | None] = []
    boundaries: set[tuple[int, int]] = set()
    for part, kind in zip(reading, kinds, strict=True):
        assert part is not None  # runs hold no blanks
        values.append(parse_cell(part.text, kind))
        spans.append(runs[part.token].span(part.start, len(part.text)))
        texts.append(part.text)
        end = part.start + len(part.text)
        if end < len(runs[part.token].text):
            boundaries.add((part.token, end))
    spaces = {(i, position) for i, run in enumerate(runs) for position in run.spaces()}
    departure = len(spaces ^ boundaries)
    return Candidate(values, spans, rule(values), (departure, *_preference(values, texts, items)))


def _from_reading(
    reading: Reading,
    cells: list[Piece],
    kinds: list[CellKind],
    rule: Callable[[Sequence[Cell]], int],
    items: bool,
) -> Candidate:
    values: list[Cell] = []
    spans: list[tuple[Provenance | None, int, int | None] | None] = []
    texts: list[str | None] = []
    for part, kind in zip(reading, kinds, strict=True):
        if part is None:
            values.append(None)
            spans.append(None)
            texts.append(None)
            continue
        values.append(parse_cell(part.text, kind))
        spans.append((cells[part.token].prov, part.start, len(part.text)))
        texts.append(part.text)
    return Candidate(values, spans, rule(values), _preference(values, texts, items))


def _sub_prov(prov: Provenance | None, start: int, length: int | None) -> Provenance | None:
    if prov is None:
        return None
    offset = None if prov.offset is None else prov.offset + start
    return replace(prov, offset=offset, length=length)


def _direct(
    cells: list[Piece], kinds: list[CellKind], rule: Callable[[Sequence[Cell]], int], items: bool
) -> Candidate:
    values = [
        parse_cell(p.text, k) if p.kind is PieceKind.VALUE else None
        for p, k in zip(cells, kinds, strict=False)
    ]
    spans: list[tuple[Provenance | None, int, int | None] | None]
    spans = [(p.prov, 0, None) for p in cells[: len(kinds)]]
    texts = [p.text or None for p in cells[: len(kinds)]]
    values += [None] * (len(kinds) - len(values))
    spans += [None] * (len(kinds) - len(spans))
    texts += [None] * (len(kinds) - len(texts))
    return Candidate(values, spans, rule(values), _preference(values, texts, items))


def _placed_candidates(
    cells: list[Piece],
    kinds: list[CellKind],
    rule: Callable[[Sequence[Cell]], int],
    items: bool,
    warnings: list[str],
    label: str,
) -> list[Candidate]:
    """Cells printed separately; when fewer than the columns, every placement is a reading."""
    width = len(kinds)
    if sum(p.kind is PieceKind.VALUE for p in cells[width:]):
        warnings.append(
            f"「{label}」印出 {len(cells)} 个单元格，多于应有的 {width} 个，只读取前 {width} 个"
        )
    if len(cells) >= width or not any(p.kind is PieceKind.VALUE for p in cells):
        return [_direct(cells, kinds, rule, items)]
    warnings.append(f"「{label}」只印出 {len(cells)} 个单元格，应有 {width} 个，缺少的位置无法确定")
    candidates = []
    for slots in itertools.combinations(range(width), len(cells)):
        placed: list[Piece] = [Piece(PieceKind.BLANK)] * width
        for slot, piece in zip(slots, cells, strict=True):
            placed[slot] = piece
        candidates.append(_direct(placed, kinds, rule, items))
        if len(candidates) >= _MAX_ALTERNATIVES:
            break
    return _best_first(candidates)


def _detached_candidates(
    row: RawRow, key: str, fmt: Format, kinds: list[CellKind], warnings: list[str]
) -> list[Candidate]:
    """A row one cell short plus the cell printed outside the table: every column for it,
    the column its note names first (``gongkai.extract.notes``), else the usual order."""
    detached = row.detached
    assert detached is not None
    spec = table2_row(key, fmt)
    headers = [c.label for c in spec.columns] if spec is not None else []
    named = named_column(detached.text, headers)
    candidates = []
    for slot in range(len(row.cells) + 1):
        cells = [*row.cells[:slot], detached, *row.cells[slot:]]
        candidate = _direct(cells, kinds, _no_rule, False)
        candidate.rank = (slot != named, *candidate.rank)
        candidates.append(candidate)
    best = min(candidates, key=lambda c: c.rank)
    column = candidates.index(best) + 1
    warnings.append(
        f"「{row.label}」只印出 {len(row.cells)} 个单元格，表格外印出的“{detached.text}”"
        f"{'按其说明' if named is not None else '按顺序'}归入第 {column} 列，位置无法确定"
    )
    return sorted(candidates, key=lambda c: c.rank)


def _best_first(candidates: list[Candidate]) -> list[Candidate]:
    """Readings that fit the row's own rule best, in order of preference."""
    best = min(c.status for c in candidates)
    kept = candidates if best == _VIOLATED else [c for c in candidates if c.status == best]
    return sorted(kept, key=lambda c: c.rank)


# --- table 3 jointly -----------------------------------------------------------------------


def choose_table3(
    rows: dict[str, ResolvedRow], outcome_keys: Sequence[str]
) -> dict[str, Candidate]:
    """One reading per row, violating as few A1/B1 column equations as possible."""
    fixed = {k: r.candidates[0] for k, r in rows.items() if len(r.candidates) == 1}
    open_keys = [k for k, r in rows.items() if len(r.candidates) > 1]
    if not open_keys:
        return fixed
    lists = [rows[k].candidates for k in open_keys]
    while _product(lists) > _MAX_JOINT:
        longest = max(range(len(lists)), key=lambda i: len(lists[i]))
        lists[longest] = lists[longest][: max(1, len(lists[longest]) // 2)]
    best: tuple[int, int] | None = None
    chosen: dict[str, Candidate] = {}
    for combo in itertools.product(*(list(enumerate(c)) for c in lists)):
        table = dict(fixed)
        table.update({k: cand for k, (_, cand) in zip(open_keys, combo, strict=True)})
        score = (_violations(table, outcome_keys), sum(i for i, _ in combo))
        if best is None or score < best:
            best = score
            chosen = table
    return chosen


def _product(lists: Sequence[Sequence[object]]) -> int:
    total = 1
    for items in lists:
        total *= len(items)
    return total


def _violations(table: dict[str, Candidate], outcome_keys: Sequence[str]) -> int:
    balance = [table.get(k) for k in ("new_received", "carried_over", "total", "carried_forward")]
    total = table.get("total")
    outcomes = [table[k].numbers for k in outcome_keys if k in table]
    count = 0
    for c in range(7):
        a1 = [None if cand is None else cand.numbers[c] for cand in balance]
        if None not in a1:
            n, o, t, f = (v or 0 for v in a1)
            count += n + o != t + f
        printed_total = None if total is None else total.numbers[c]
        parts = [numbers[c] for numbers in outcomes]
        if printed_total is not None and parts and None not in parts:
            count += printed_total != sum(v or 0 for v in parts)
    return count


def ambiguity(row: ResolvedRow, chosen: Candidate) -> AmbiguousCell | None:
    if len(row.candidates) < 2 and not row.suggested:
        return None
    others = [c.values for c in row.candidates if c is not chosen][:_MAX_ALTERNATIVES]
    others += row.suggested
    return AmbiguousCell(row.table, row.key, row.printed, chosen.values, others)
