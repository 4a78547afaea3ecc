"""Recover cells whose digits ran together: enumerate the splits a printed run allows.

A crawler that flattened an HTML table leaves, after a row label, one run of characters
such as ``170000017`` for seven cells. The tokens of a run (pieces separated by spaces or a
sign) are certain cell boundaries; inside a token any boundary is possible as long as every
part is a valid printed number of its column's kind (no leading zero except "0" itself, a
sign only in a signed column, a decimal point only in an amount). With ``allow_blanks`` the
crawler may also have dropped blank cells, so a column may receive nothing (None).

``split_tokens`` enumerates every split; ``split_by_sums`` only those that keep the sums
of count blocks (B2, B3), found from the sums themselves. Which reading is meant is decided
elsewhere (``gongkai.extract.resolve``); both searches are bounded by ``limit`` and a
budget of steps.
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


def _count_part(text: str) -> bool:
    """``is_valid_part(text, COUNT)``, quickly for the plain digits the search tries most."""
    if text.isascii() and text.isdigit():
        return text[0] != "0" or len(text) == 1
    return is_valid_part(text, CellKind.COUNT)


@dataclass(frozen=True)
class SumSplits:
    readings: list[Reading]
    complete: bool
    violated: int  # blocks whose printed total is not the sum of its parts, in every reading


def split_by_sums(
    tokens: Sequence[str], blocks: Sequence[int], *, limit: int = 120, steps: int = 4_000
) -> SumSplits:
    """Count cells in blocks whose last cell is the sum of the others (table 3: one block of
    7, B2; table 4: three of 5, B3), read from run-together ``tokens``.

    The run is read from its end, so each block's total is chosen before its parts, and a
    part larger than what is left of the total is never tried: the readings that keep every
    block are found directly, however many other splits the run allows. When no reading
    keeps them all, the fewest broken blocks are allowed (a report may print a wrong 总计):
    every sum that holds is still used.
    """
    tokens = [t for t in tokens if t]
    first_of_block: set[int] = set()
    totals: set[int] = set()
    column = 0
    for width in blocks:
        first_of_block.add(column)
        column += width
        totals.add(column - 1)
    width = column
    most = MAX_CHARS[CellKind.COUNT]
    chars_before = [0] * (len(tokens) + 1)  # characters in tokens[:i]
    for i, token in enumerate(tokens):
        chars_before[i + 1] = chars_before[i] + len(token)
    budget = [steps]
    block_start = {c: max(f for f in first_of_block if f <= c) for c in range(width)}

    def capacity(column: int, left: int, broken: bool) -> int:
        """The most characters cells ``column`` down to 0 can hold: a part of a block that
        must add up has no more digits than what is left of its total."""
        if column in totals or broken:
            return (column + 1) * most
        parts = column - block_start[column] + 1
        return parts * len(str(left)) + block_start[column] * most

    def search(
        column: int, token: int, end: int, acc: list[Part], left: int, broken: bool, allowed: int
    ) -> Iterator[Reading]:
        """Cells ``column`` down to 0 from ``tokens[token][:end]``. ``left`` is what the
        block's parts still have to add up to; in a ``broken`` block they must not."""
        budget[0] -= 1
        if budget[0] < 0:
            return
        if column < 0:
            if token == 0 and end == 0:
                yield tuple(reversed(acc))
            return
        if end == 0:
            if token == 0:
                return
            token, end = token - 1, len(tokens[token - 1])
        cells = column + 1
        remaining = chars_before[token] + end
        if cells < token + 1 or remaining < cells or remaining > capacity(column, left, broken):
            return
        text = tokens[token]
        for length in range(1, min(end, most) + 1):
            part = text[end - length : end]
            if not _count_part(part):
                continue
            value = int(part)
            acc.append(Part(part, token, end - length))
            if column in totals:
                yield from search(column - 1, token, end - length, acc, value, False, allowed)
                if allowed:
                    yield from search(
                        column - 1, token, end - length, acc, value, True, allowed - 1
                    )
            elif broken or value <= left:
                rest = left - value
                if column not in first_of_block or (rest != 0) == broken:
                    yield from search(column - 1, token, end - length, acc, rest, broken, allowed)
            acc.pop()
            if not broken and column not in totals and value > left:
                break  # longer parts are larger still

    if not tokens:
        return SumSplits([], True, 0)
    for allowed in range(len(blocks) + 1):
        readings: list[Reading] = []
        start = len(tokens) - 1
        for reading in search(width - 1, start, len(tokens[start]), [], 0, False, allowed):
            readings.append(reading)
            if len(readings) >= limit:
                return SumSplits(readings, False, allowed)
        if readings or budget[0] < 0:
            return SumSplits(readings, budget[0] >= 0, allowed)
    return SumSplits([], True, len(blocks))
