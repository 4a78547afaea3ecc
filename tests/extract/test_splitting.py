"""The digit-split search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.extract.cell_text import is_valid_part
from gongkai.extract.splitting import split_by_sums, split_tokens
from gongkai.formats import CellKind

C, S, A = CellKind.COUNT, CellKind.SIGNED, CellKind.AMOUNT


def texts(tokens: list[str], kinds: list[CellKind], blanks: bool = False) -> list[list[str | None]]:
    result = split_tokens(tokens, kinds, allow_blanks=blanks)
    return [[p.text if p else None for p in r] for r in result.readings]


def test_no_leading_zeros() -> None:
    assert texts(["170000017"], [C] * 7) == [
        ["1", "70", "0", "0", "0", "0", "17"],
        ["1", "700", "0", "0", "0", "1", "7"],
        ["17", "0", "0", "0", "0", "0", "17"],
        ["170", "0", "0", "0", "0", "1", "7"],
    ]


def test_token_boundaries_are_certain() -> None:
    assert texts(["1", "2", "3"], [C] * 3) == [["1", "2", "3"]]
    assert texts(["12", "3"], [C] * 3) == [["1", "2", "3"]]


def test_sign_and_amount_columns() -> None:
    assert ["97", "+82", "179"] in texts(["97", "+82179"], [C, S, C])
    assert texts(["22", "5.5万元"], [C, A]) == [["22", "5.5万元"]]
    assert texts(["1.5"], [C, C]) == []


def test_dropped_blanks() -> None:
    assert texts(["00"], [C] * 3, blanks=True) == [
        [None, "0", "0"], ["0", None, "0"], ["0", "0", None],
    ]  # fmt: skip


def test_bounded() -> None:
    result = split_tokens(["1" * 60], [C] * 15, limit=100)
    assert not result.complete and len(result.readings) <= 100


@settings(max_examples=200, deadline=1000)
@given(
    st.lists(
        st.from_regex(r"[+\-]?[0-9]{1,6}(\.[0-9]{1,3})?", fullmatch=True), min_size=1, max_size=3
    ),
    st.lists(st.sampled_from([C, S, A]), min_size=1, max_size=8),
    st.booleans(),
)
def test_every_reading_uses_every_character_once(
    tokens: list[str], kinds: list[CellKind], blanks: bool
) -> None:
    result = split_tokens(tokens, kinds, allow_blanks=blanks)
    for reading in result.readings:
        assert len(reading) == len(kinds)
        parts = [p for p in reading if p is not None]
        assert "".join(p.text for p in parts) == "".join(tokens)
        assert all(tokens[p.token][p.start :].startswith(p.text) for p in parts)
        assert all(is_valid_part(p.text, k) for p, k in zip(reading, kinds, strict=True) if p)


def sums(tokens: list[str], blocks: list[int]) -> tuple[list[list[int]], int]:
    result = split_by_sums(tokens, blocks)
    return [[int(p.text) for p in r if p] for r in result.readings], result.violated


def test_block_sums_pick_the_readings_that_add_up() -> None:
    readings, violated = sums(["170000017"], [7])
    assert violated == 0
    assert readings == [[17, 0, 0, 0, 0, 0, 17]]


def test_block_sums_find_a_reading_among_thousands_of_splits() -> None:
    cells = [309, 17, 88, 26, 440, 1, 1, 16, 6, 24, 13, 0, 67, 9, 89]
    readings, violated = sums(["".join(map(str, cells))], [5, 5, 5])
    assert violated == 0
    assert cells in readings
    # the plain enumeration stops at its limit long before it reaches this reading
    plain = split_tokens(["".join(map(str, cells))], [C] * 15)
    assert not plain.complete


def test_a_wrong_printed_total_breaks_only_its_own_block() -> None:
    cells = [10, 1, 0, 0, 0, 12, 3, 0, 1, 16, 25, 10, 0, 3, 38]
    readings, violated = sums(["".join(map(str, cells))], [5, 5, 5])
    assert violated == 1
    assert cells in readings
    assert all(r[5:] == cells[5:] for r in readings)  # the blocks that add up decide


def test_no_reading_when_the_digits_cannot_fill_the_cells() -> None:
    assert sums(["12"], [5]) == ([], 1)
