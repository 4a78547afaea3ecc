"""Printed cell text → canonical cell value (spec §5), and what counts as a value at all.

Values keep what was printed where the canonical form needs it: a "+" sign of a 2019
本年增/减 cell and an amount printed with its unit stay text ("+82", "5253.168万元"), as the
truth files record them; "-59" is the signed integer -59.
"""

from __future__ import annotations

import re
from decimal import Decimal

from gongkai.formats import CellKind
from gongkai.report.cells import MAX_FRACTION_DIGITS, MAX_WHOLE_DIGITS, Cell

# One printed number: optional sign, digits (optionally grouped by commas), optional
# fraction, optional unit. Whole-token match only.
NUMBER = re.compile(r"[+\-－＋]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[万萬]元|元)?")
_FULL_NUMBER = re.compile(rf"^{NUMBER.pattern}$")
# Text that stands in a cell instead of a number.
TEXT_VALUES = frozenset({"/", "／", "-", "－", "—", "——", "–", "无", "無"})
# A number directly followed by one of these is a quantity in prose ("21 件", "…万元。"),
# not a cell.
UNIT_AFTER = frozenset("件条个份次项人%％家名余多年月日号届期批类位篇场。，；,;")

# A number with a printed note in brackets: "22（其中修订 16 件）" (spec §5: text stays text).
_NOTE = r"[（(][^（()）\n]{1,40}[）)]"
_NOTED_NUMBER = re.compile(rf"^{NUMBER.pattern}\s*{_NOTE}$")
_NOTE_ONLY = re.compile(rf"^{_NOTE}$")

_MINUS = ("-", "－")
# Full-width digits read as the ASCII digits numeric cells already are ("２２" is 22).
_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_PART = re.compile(r"^([+\-－＋]?)(\d+)(?:\.(\d+))?([万萬]元|元)?$")


def is_value(text: str) -> bool:
    """Whether a whole printed token reads as one cell value (number or stand-in text)."""
    text = text.strip()
    return (
        text in TEXT_VALUES
        or _FULL_NUMBER.match(text) is not None
        or _NOTED_NUMBER.match(text) is not None
    )


def is_note(text: str) -> bool:
    """Whether ``text`` is only a bracketed note ("（其中修订 16 件）"), the second line of a
    cell that a converter split off its number."""
    return _NOTE_ONLY.match(text.strip()) is not None


def has_note(text: str) -> bool:
    return _NOTED_NUMBER.match(text.strip()) is not None


def is_valid_part(text: str, kind: CellKind) -> bool:
    """Whether ``text`` can be one whole cell of ``kind`` when cells ran together."""
    match = _PART.match(text)
    if match is None:
        return False
    sign, whole, fraction, unit = match.groups()
    if sign and kind is not CellKind.SIGNED:
        return False
    if (fraction is not None or unit) and kind is not CellKind.AMOUNT:
        return False
    return whole == "0" or not whole.startswith("0")


def parse_cell(text: str, kind: CellKind = CellKind.COUNT) -> Cell:
    """The canonical value of a printed cell: None for blank, int/Decimal, else the text.

    A number that does not fit its column (a fraction or a minus in a count column) is still
    read as the number it is, so that rule B4 can say what is wrong with it. A number of
    more digits than any real value has stays the text it is (B4 reports it): Python cannot
    even convert one beyond 4300 digits.
    """
    text = text.strip().replace("\u00a0", "").translate(_ASCII_DIGITS)
    if not text:
        return None
    if _FULL_NUMBER.match(text) is None:
        return text
    sign = text[0] if text[0] in "+-－＋" else ""
    body = text[len(sign) :].replace(",", "")
    if body.endswith("元") or sign in ("+", "＋"):
        # a printed unit or "+" sign is part of what was printed; 萬元 is the unit 万元
        return text.replace("萬元", "万元")
    whole, _, fraction = body.partition(".")
    if len(whole) > MAX_WHOLE_DIGITS or len(fraction) > MAX_FRACTION_DIGITS:
        return text
    number: int | Decimal = Decimal(body) if "." in body else int(body)
    return -number if sign in _MINUS else number
