"""Traditional → simplified conversion that does not change meaning.

OpenCC's t2s also rewrites characters that are correct in simplified text (乾县 → 干县,
於 the surname → 于). Such characters are converted only where the text is written in
traditional script, and the place names in ``place_names.txt`` are always kept. Conversion
stays character for character, so offsets into the original remain valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

# OpenCC TSCharacters entries whose simplified candidates include the character itself: each is
# a traditional form of another character *and* a standard simplified character in its own right.
AMBIGUOUS = frozenset("谿扞昇釐麽陞薹脩蒐袷祕於氾剋劄徵夥吒乾")
_AMBIGUOUS = re.compile(f"[{''.join(sorted(AMBIGUOUS))}]")

Convert = Callable[[str], str]


def _place_names() -> list[str]:
    lines = (Path(__file__).with_name("place_names.txt").read_text("utf-8")).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _protected(to_traditional: Convert) -> tuple[dict[str, str], re.Pattern[str]]:
    """Every printed form of a protected name (simplified and traditional) → its name."""
    forms: dict[str, str] = {}
    for name in _place_names():
        for form in (name, to_traditional(name)):
            if len(form) == len(name):  # replaced in place: offsets stay valid
                forms[form] = name
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return forms, re.compile(alternatives)


def _char_for_char(text: str, convert: Convert) -> str:
    converted = convert(text)
    if len(converted) == len(text):
        return converted
    # a phrase mapping changed the length: convert character by character instead
    return "".join(c if len(c := convert(ch)) == 1 else ch for ch in text)


def _is_traditional(text: str, simplified: str, to_traditional: Convert) -> bool:
    """More characters that exist only in traditional script than only in simplified."""
    traditional_only = sum(
        a != b and a not in AMBIGUOUS for a, b in zip(text, simplified, strict=True)
    )
    if not traditional_only:
        return False
    traditional = _char_for_char(text, to_traditional)
    simplified_only = sum(a != b for a, b in zip(text, traditional, strict=True))
    return traditional_only > simplified_only


def simplify(text: str, to_simplified: Convert, to_traditional: Convert) -> str:
    """``text`` in simplified script, changed only where the original is traditional."""
    converted = _char_for_char(text, to_simplified)
    forms, protected = _protected(to_traditional)
    names = list(protected.finditer(text))  # even when t2s changes nothing: 澂江市
    if converted == text and not names:
        return text
    ambiguous = _AMBIGUOUS.search(text) is not None
    if not ambiguous and not names:
        return converted
    chars = list(converted)
    if ambiguous and not _is_traditional(text, converted, to_traditional):
        for i, ch in enumerate(text):
            if ch in AMBIGUOUS:
                chars[i] = ch
    for match in names:
        chars[match.start() : match.end()] = forms[match.group()]
    return "".join(chars)
