"""What the rules read in a printed cell: numbers with notes or units, signs in words,
ranges and run-together numbers, and numbers too long to be real."""

from decimal import Decimal

import pytest

from gongkai.formats import CellKind
from gongkai.report import CellState, classify, numeric
from gongkai.report.cells import read


def test_a_number_with_a_note_is_the_number_and_keeps_the_note():
    reading = read("22（其中修订 16 件）")
    assert (reading.state, reading.number, reading.note) == (
        CellState.NUMBER,
        22,
        "其中修订 16 件",
    )


def test_a_note_alone_is_text():
    assert classify("（其中修订 16 件）") is CellState.TEXT


def test_an_amount_with_its_unit_is_the_number_in_that_unit():
    reading = read("3.168万元", CellKind.AMOUNT)
    assert (reading.state, reading.number, reading.unit) == (
        CellState.NUMBER,
        Decimal("3.168"),
        "万元",
    )


def test_an_amount_unit_does_not_make_a_count():
    assert classify("3万元", CellKind.COUNT) is CellState.TEXT


def test_four_decimal_places_of_an_amount_are_read_exactly():
    number = numeric("2059.2090万元", CellKind.AMOUNT)
    assert number == Decimal("2059.209")
    assert str(number) == "2059.2090"


@pytest.mark.parametrize(
    ("printed", "number"),
    [("减12", -12), ("增加3", 3), ("+82", 82), ("－5", -5), ("\u22125", -5), ("0", 0)],
)
def test_a_signed_change_in_words_or_signs(printed, number):
    assert read(printed, CellKind.SIGNED).state is CellState.NUMBER
    assert numeric(printed, CellKind.SIGNED) == number


def test_a_decrease_in_a_count_column_is_read_and_invalid():
    reading = read("减12", CellKind.COUNT)
    assert (reading.state, reading.number) == (CellState.INVALID, -12)


@pytest.mark.parametrize("printed", ["1-10", "1～10", "3至5件", "2059.20.90"])
def test_a_range_or_run_together_numbers_is_ambiguous_not_a_number(printed):
    reading = read(printed, CellKind.AMOUNT)
    assert reading.state is CellState.AMBIGUOUS
    assert reading.number is None
    assert reading.problem


def test_full_width_digits_in_text_read_like_ascii():
    assert numeric("２２（其中修订１６件）") == 22
    assert numeric("１,２３４") == 1234


@pytest.mark.parametrize(
    "value",
    ["9" * 5000, "1" * 19, "0." + "1" * 9, 10**18, -(10**30), Decimal("1E+999")],
)
def test_numbers_beyond_any_real_value_are_invalid_without_a_number(value):
    reading = read(value, CellKind.AMOUNT)
    assert (reading.state, reading.number) == (CellState.INVALID, None)
    assert "位数过多" in (reading.problem or "")


def test_the_largest_allowed_number_is_still_a_number():
    assert numeric("9" * 18) == 10**18 - 1


@pytest.mark.parametrize("value", [Decimal("Infinity"), Decimal("NaN")])
def test_non_finite_decimals_are_invalid(value):
    assert classify(value, CellKind.AMOUNT) is CellState.INVALID


def test_blank_and_stand_in_text_stay_what_they_are():
    assert classify(None) is CellState.BLANK
    assert classify("/") is CellState.TEXT
    assert numeric("——") is None
