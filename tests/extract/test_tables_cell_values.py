"""Printed cell text → canonical values (spec §5): blank, text and numbers stay different."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.extract.cell_text import is_valid_part, is_value, parse_cell
from gongkai.formats import CellKind

C, S, A = CellKind.COUNT, CellKind.SIGNED, CellKind.AMOUNT


@pytest.mark.parametrize(
    ("printed", "kind", "value"),
    [
        ("", C, None),
        ("\u00a0", C, None),
        ("0", C, 0),
        ("１２", C, 12),
        ("1,234", C, 1234),
        ("/", C, "/"),
        ("无", C, "无"),
        ("——", C, "——"),
        ("-59", S, -59),
        ("+82", S, "+82"),
        ("9116.36", A, Decimal("9116.36")),
        ("7545", A, 7545),
        ("5253.168万元", A, "5253.168万元"),
        ("0.5", C, Decimal("0.5")),  # read as printed; rule B4 reports the fraction
    ],
)
def test_parse_cell(printed: str, kind: CellKind, value: object) -> None:
    parsed = parse_cell(printed, kind)
    assert parsed == value and type(parsed) is type(value)


def test_values_and_parts() -> None:
    assert is_value("12") and is_value("-") and not is_value("-1-") and not is_value("12件")
    assert is_valid_part("0", C) and not is_valid_part("01", C)
    assert is_valid_part("+3", S) and not is_valid_part("+3", C)
    assert is_valid_part("3.5万元", A) and not is_valid_part("3.5", C)


def test_a_number_of_thousands_of_digits_stays_the_text_printed():
    printed = "1" * 5000  # beyond Python's int-string limit of 4300 digits
    assert parse_cell(printed, C) == printed
    assert parse_cell("2." + "5" * 20, A) == "2." + "5" * 20


def test_the_longest_real_number_is_still_a_number():
    assert parse_cell("9" * 18, C) == 10**18 - 1


def test_full_width_digits_in_a_text_cell_are_ascii_like_numeric_cells():
    assert parse_cell("２２（其中修订１６件）", C) == "22（其中修订16件）"
    assert parse_cell("５２５３.１６８万元", A) == "5253.168万元"
