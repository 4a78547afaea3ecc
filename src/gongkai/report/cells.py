"""What a printed cell value means: blank, text, or a number of the column's kind.

Blank (None), text ("/", "无", "——") and numbers are different facts; nothing here turns a
blank into 0. A cell printed as text keeps its text in the model (spec §5); ``read`` says
what number that text states for the rules — "22（其中修订 16 件）" is 22 with a note,
"3.168万元" is 3.168 in its unit, "减12" in a signed column is -12 — or why it states none
for certain ("1-10" is a range or two numbers run together).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from gongkai.formats import CellKind

Cell = int | Decimal | str | None
Number = int | Decimal

# Far beyond any real count or amount, far below Python's int-string limit (4300 digits),
# and small enough that sums of a table stay exact in Decimal's 28-digit precision.
MAX_WHOLE_DIGITS = 18
MAX_FRACTION_DIGITS = 8
_LIMIT = 10**MAX_WHOLE_DIGITS


class CellState(StrEnum):
    NUMBER = "number"  # a valid value of the column's kind
    INVALID = "invalid"  # a number, but not allowed here (negative count, fractional count)
    BLANK = "blank"
    TEXT = "text"
    AMBIGUOUS = "ambiguous"  # states more than one number (a range, numbers run together)


@dataclass(frozen=True)
class Reading:
    """What one cell states: its state, its number (None when it states none the rules can
    add up), a printed note or unit kept beside the number, and the problem in Chinese."""

    state: CellState
    number: Number | None = None
    note: str | None = None
    unit: str | None = None
    problem: str | None = None


# A trailing note in brackets, after NFKC made full-width brackets ASCII.
_NOTED = re.compile(r"^(?P<body>[^()]*?)\s*\((?P<note>[^()]+)\)$")
# Words printed instead of a sign in 本年增/减 cells.
_SIGN_WORDS = {"增加": "+", "减少": "-", "新增": "+", "增": "+", "减": "-"}
_NUMBER = re.compile(
    r"^(?P<sign>[+\-]?)(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<fraction>\d+))?(?P<unit>\D*)$"
)
# Units a number may carry in a column of each kind; the number is as printed (the 2019
# 采购总金额 column names no unit, so 元 is not converted to 万元).
_UNITS = {
    CellKind.COUNT: frozenset({"", "件", "个", "项", "条", "份", "次"}),
    CellKind.SIGNED: frozenset({"", "件", "个", "项", "条", "份", "次"}),
    CellKind.AMOUNT: frozenset({"", "万元", "万", "元"}),
}
# Two numbers joined by a dash, tilde or 至: a range, or two cells run together.
_TWO_NUMBERS = re.compile(r"^\d+(?:\.\d+)?\s*(?:-|~|至|到|—|–)\s*\d+(?:\.\d+)?\D*$")
_SEVERAL_POINTS = re.compile(r"^\d+\.\d+\.\d+")


_MINUS_SIGN = str.maketrans({"\u2212": "-"})  # "−", which NFKC leaves as it is


def normalize_digits(text: str) -> str:
    """Full-width digits, signs, points and brackets as ASCII (NFKC), as numeric cells are."""
    return unicodedata.normalize("NFKC", text).translate(_MINUS_SIGN)


def read(value: Cell, kind: CellKind = CellKind.COUNT) -> Reading:
    if value is None:
        return Reading(CellState.BLANK)
    if isinstance(value, bool):
        return Reading(CellState.TEXT, problem="不是数值")
    if isinstance(value, int | Decimal):
        return _judge(value, kind)
    return _read_text(value, kind)


def _read_text(value: str, kind: CellKind) -> Reading:
    text = normalize_digits(value).strip()
    note = None
    noted = _NOTED.match(text)
    if noted and noted.group("body"):
        text, note = noted.group("body"), noted.group("note").strip()
    text = re.sub(r"\s+", "", text)
    if _TWO_NUMBERS.match(text) or _SEVERAL_POINTS.match(text):
        return Reading(
            CellState.AMBIGUOUS, note=note, problem="是范围或几个数连写，不能确定是哪个数"
        )
    for word, sign in _SIGN_WORDS.items():
        if text.startswith(word):
            text = sign + text[len(word) :]
            break
    match = _NUMBER.match(text)
    if match is None or match.group("unit") not in _UNITS[kind]:
        return Reading(CellState.TEXT, note=note)
    whole = match.group("whole").replace(",", "")
    fraction = match.group("fraction")
    if len(whole) > MAX_WHOLE_DIGITS or len(fraction or "") > MAX_FRACTION_DIGITS:
        return Reading(CellState.INVALID, note=note, problem=_too_long())
    if match.group("sign") and kind is not CellKind.SIGNED:
        # A sign in a count or an amount is what was printed, and wrong there (B4).
        number: Number = _number(match.group("sign"), whole, fraction)
        return Reading(CellState.INVALID, number, note, match.group("unit") or None)
    reading = _judge(_number(match.group("sign"), whole, fraction), kind)
    return Reading(reading.state, reading.number, note, match.group("unit") or None)


def _number(sign: str, whole: str, fraction: str | None) -> Number:
    number: Number = Decimal(f"{whole}.{fraction}") if fraction is not None else int(whole)
    return -number if sign == "-" else number


def _too_long() -> str:
    return f"位数过多（超过{MAX_WHOLE_DIGITS}位整数或{MAX_FRACTION_DIGITS}位小数），不是可信的数值"


def _judge(number: Number, kind: CellKind) -> Reading:
    """A number checked against its column's kind."""
    if isinstance(number, Decimal) and not number.is_finite():
        return Reading(CellState.INVALID, problem="不是有限的数值")
    if not -_LIMIT < number < _LIMIT:
        return Reading(CellState.INVALID, problem=_too_long())
    integral = number == number.to_integral_value() if isinstance(number, Decimal) else True
    if kind is CellKind.SIGNED:
        valid = integral
    elif kind is CellKind.COUNT:
        valid = integral and number >= 0
    else:
        valid = number >= 0
    return Reading(CellState.NUMBER if valid else CellState.INVALID, number)


def numeric(value: Cell, kind: CellKind = CellKind.COUNT) -> Number | None:
    """The number a cell holds for its column kind, or None (blank, text, ambiguous)."""
    return read(value, kind).number


def classify(value: Cell, kind: CellKind = CellKind.COUNT) -> CellState:
    return read(value, kind).state
