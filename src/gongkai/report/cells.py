"""What a printed cell value means: blank, text, or a number of the column's kind.

Blank (None), text ("/", "无", "——") and numbers are different facts; nothing here turns a
blank into 0.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from gongkai.formats import CellKind

Cell = int | Decimal | str | None
Number = int | Decimal

_SIGNED = re.compile(r"^\s*([+\-－＋]?)\s*(\d+)\s*$")
_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:万元|万|元)?\s*$")


class CellState(StrEnum):
    NUMBER = "number"  # a valid value of the column's kind
    INVALID = "invalid"  # a number, but not allowed here (negative count, fractional count)
    BLANK = "blank"
    TEXT = "text"


def numeric(value: Cell, kind: CellKind = CellKind.COUNT) -> Number | None:
    """The number a cell holds for its column kind, or None (blank, text)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return value
    if kind is CellKind.SIGNED:
        match = _SIGNED.match(value)
        if match:
            number = int(match.group(2))
            return -number if match.group(1) in ("-", "－") else number
    if kind is CellKind.AMOUNT:
        match = _AMOUNT.match(value)
        if match:
            try:
                return Decimal(match.group(1))
            except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
                return None
    return None


def classify(value: Cell, kind: CellKind = CellKind.COUNT) -> CellState:
    if value is None:
        return CellState.BLANK
    number = numeric(value, kind)
    if number is None:
        return CellState.TEXT
    if kind is CellKind.SIGNED:
        return CellState.NUMBER if number == int(number) else CellState.INVALID
    if number < 0:
        return CellState.INVALID
    if kind is CellKind.COUNT and number != int(number):
        return CellState.INVALID
    return CellState.NUMBER
