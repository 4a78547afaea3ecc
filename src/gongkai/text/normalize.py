"""Normalise Chinese text for comparison: NFKC, traditional → simplified, no punctuation.

Matching always happens on normalised text; callers keep the original for provenance.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

# NFKC folds Kangxi radicals (U+2F00…) but not the CJK radicals supplement, which some
# PDF producers emit for ordinary characters.
_SUPPLEMENT_CHARS = {"\u2ea0": "民", "\u2ec4": "西", "\u2ed8": "青", "\u2eca": "足"}
_RADICAL_SUPPLEMENT = str.maketrans(_SUPPLEMENT_CHARS)
_HAS_SUPPLEMENT = re.compile(f"[{''.join(_SUPPLEMENT_CHARS)}]")

_NOT_LABEL = re.compile(
    r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】,，.。、:：;；!！?？·•\-—–_/|*#+]+"
)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=256)  # extraction asks for the same lines and pages more than once
def to_simplified(text: str) -> str:
    """NFKC plus OpenCC t2s (character for character, so offsets stay comparable)."""
    text = unicodedata.normalize("NFKC", text)
    if _HAS_SUPPLEMENT.search(text):  # rare; translate() walks every character
        text = text.translate(_RADICAL_SUPPLEMENT)
    return str(_converter().convert(text))


def compact(text: str) -> str:
    """Simplified text with all whitespace removed."""
    return _SPACE.sub("", to_simplified(text))


@lru_cache(maxsize=65536)
def label_key(text: str) -> str:
    """The form in which labels are compared: simplified, no whitespace, quotes or punctuation."""
    return _NOT_LABEL.sub("", to_simplified(text))
