"""Recover cells whose digits ran together: enumerate the splits a printed run allows.

A crawler that flattened an HTML table leaves, after a row label, one run of characters
such as ``170000017`` for seven cells. The tokens of a run (pieces separated by spaces or a
sign) are certain cell boundaries; inside a token any boundary is possible as long as every
part is a valid printed number of its column's kind (no leading zero except "0" itself, a
sign only in a signed column, a decimal point only in an amount). With ``allow_blanks`` the
crawler may also have dropped blank cells, so a column may receive nothing (None).

Which of the splits is meant is decided elsewhere (``gongkai.extract.resolve``) with the
format's arithmetic; this module only enumerates, bounded by ``limit``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gongkai.extract.cell_text import is_valid_part
from gongkai.formats import CellKind

# The longest printed cell of each kind (a city-wide 行政处罚 count has 7 digits; an amount
# may carry a fraction and 万元). Longer parts are not considered, which bounds the search.
MAX_CHARS = {CellKind.COUNT: 9, CellKind.SIGNED: 10, CellKind.AMOUNT: 20}


@dataclass(frozen=True, slots=True)
class Part:
    """One cell's printed characters: ``tokens[token][start:start + len(text)]``."""

    text: str
    token: int
    start: int


Reading = tuple[Part | None, ...]


@dataclass(frozen=True)
class Splits:
    readings: list[Reading]
    complete: bool  # False: the enumeration stopped at the limit


def split_tokens(
    tokens: Sequence[str],
    kinds: Sequence[CellKind],
    *,
    allow_blanks: bool = False,
    limit: int = 120,
) -> Splits:
    """Every way of reading ``tokens`` as ``len(kinds)`` cells (see the module docstring)."""
    tokens = [t for t in tokens if t]
    width = len(kinds)
    readings: list[Reading] = []
    budget = [limit * 50]  # search steps, so that pathological runs finish quickly
    # most_after[c] = the most characters columns c… can hold.
    most_after = [0] * (width + 1)
    for c in range(width - 1, -1, -1):
        most_after[c] = most_after[c + 1] + MAX_CHARS[kinds[c]]

    # chars_after[i] = characters in tokens[i:], for pruning.
    chars_after = [0] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        chars_after[i] = chars_after[i + 1] + len(tokens[i])

    def search(column: int, token: int, start: int, acc: list[Part | None]) -> Iterator[Reading]:
        budget[0] -= 1
        if budget[0] < 0:
            return
        if token == len(tokens):
            if column == width:
                yield tuple(acc)
            elif allow_blanks:
                yield tuple(acc) + (None,) * (width - column)
            return
        left = width - column
        tokens_left = len(tokens) - token  # each remaining token needs at least one part
        if left < tokens_left:
            return
        if not allow_blanks and chars_after[token] - start < left:
            return
        if chars_after[token] - start > most_after[column]:
            return
        text = tokens[token]
        if allow_blanks and left > tokens_left:
            acc.append(None)
            yield from search(column + 1, token, start, acc)
            acc.pop()
        kind = kinds[column]
        for end in range(start + 1, min(len(text), start + MAX_CHARS[kind]) + 1):
            part = text[start:end]
            if not is_valid_part(part, kind):
                if part.lstrip("+-－＋") == "0" * len(part.lstrip("+-－＋")) and len(part) > 1:
                    break  # a leading zero: no longer part is valid either
                continue
            acc.append(Part(part, token, start))
            if end == len(text):
                yield from search(column + 1, token + 1, 0, acc)
            else:
                yield from search(column + 1, token, end, acc)
            acc.pop()

    if not tokens:
        return Splits([(None,) * width] if allow_blanks else [], True)
    for reading in search(0, 0, 0, []):
        readings.append(reading)
        if len(readings) >= limit:
            return Splits(readings, False)
    return Splits(readings, budget[0] >= 0)


@dataclass(frozen=True)
class SumSplits:
    readings: list[Reading]
    complete: bool
    violated: int  # blocks whose printed total is not the sum of its parts, in every reading


def split_by_sums(
    tokens: Sequence[str], blocks: Sequence[int], *, limit: int = 120, steps: int = 40_000
) -> SumSplits:
    """Count cells in blocks whose last cell is the sum of the others (table 3: one block of
    7, B2; table 4: three of 5, B3), read from run-together ``tokens``.

    The sums guide the search: a block's total can only be the digits of its parts' sum, so
    the readings that keep every block are found directly, however many other splits the
    run allows. When no reading keeps them all, the fewest broken blocks are allowed (a
    report may print a wrong 总计): every sum that holds is still used.
    """
    tokens = [t for t in tokens if t]
    totals: set[int] = set()
    column = 0
    for width in blocks:
        column += width
        totals.add(column - 1)
    width = column
    most = MAX_CHARS[CellKind.COUNT]
    chars_after = [0] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        chars_after[i] = chars_after[i + 1] + len(tokens[i])
    budget = [steps]

    def search(
        column: int, token: int, start: int, acc: list[Part | None], total: int, allowed: int
    ) -> Iterator[Reading]:
        budget[0] -= 1
        if budget[0] < 0:
            return
        if token == len(tokens):
            if column == width:
                yield tuple(acc)
            return
        left = width - column
        remaining = chars_after[token] - start
        if left < len(tokens) - token or remaining < left or remaining > left * most:
            return
        text = tokens[token]
        ends = range(start + 1, min(len(text), start + most) + 1)
        if column in totals:
            target = str(total)
            if text.startswith(target, start):
                yield from step(column, token, start, start + len(target), acc, 0, allowed)
            if allowed:
                for end in ends:
                    if end - start != len(target) or text[start:end] != target:
                        yield from step(column, token, start, end, acc, 0, allowed - 1)
            return
        for end in ends:
            yield from step(column, token, start, end, acc, total, allowed)

    def step(
        column: int,
        token: int,
        start: int,
        end: int,
        acc: list[Part | None],
        total: int,
        allowed: int,
    ) -> Iterator[Reading]:
        part = tokens[token][start:end]
        if not is_valid_part(part, CellKind.COUNT):
            return
        acc.append(Part(part, token, start))
        added = total + int(part) if column not in totals else 0
        following = (token + 1, 0) if end == len(tokens[token]) else (token, end)
        yield from search(column + 1, *following, acc, added, allowed)
        acc.pop()

    for allowed in range(len(blocks) + 1):
        readings: list[Reading] = []
        for reading in search(0, 0, 0, [], 0, allowed):
            readings.append(reading)
            if len(readings) >= limit:
                return SumSplits(readings, False, allowed)
        if readings or budget[0] < 0:
            return SumSplits(readings, budget[0] >= 0, allowed)
    return SumSplits([], True, len(blocks))
