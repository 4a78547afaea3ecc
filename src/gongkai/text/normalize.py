"""Normalise Chinese text for comparison: NFKC, traditional → simplified (only where the text is
traditional, see scripts.py), no punctuation.

Matching always happens on normalised text; callers keep the original for provenance.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from gongkai.text.scripts import simplify

# NFKC folds Kangxi radicals (U+2F00…) but not the CJK radicals supplement, which some
# PDF producers emit for ordinary (simplified) characters.
RADICAL_SUPPLEMENT = {
    "\u2e8b": "㔾", "\u2e97": "幺", "\u2ea0": "民", "\u2ea7": "牛", "\u2eb3": "网",
    "\u2ebc": "肉", "\u2ec4": "西", "\u2ec5": "见", "\u2eca": "足", "\u2ecf": "邑",
    "\u2ed3": "长", "\u2ed4": "门", "\u2ed8": "青", "\u2edb": "风", "\u2edd": "食",
    "\u2ee0": "饣", "\u2ee2": "马", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee8": "麦",
    "\u2eea": "黾", "\u2eeb": "斉", "\u2eec": "齐", "\u2eed": "歯", "\u2eef": "齿",
    "\u2ef0": "龙", "\u2ef2": "亀", "\u2ef3": "龟",
}  # fmt: skip
_RADICAL_SUPPLEMENT = str.maketrans(RADICAL_SUPPLEMENT)
_HAS_SUPPLEMENT = re.compile(f"[{''.join(RADICAL_SUPPLEMENT)}]")

_NOT_LABEL = re.compile(
    r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】,，.。、:：;；!！?？·•\-—–_/|*#+]+"
)
_SPACE = re.compile(r"\s+")
# A lone surrogate (from a broken PDF text layer) cannot be encoded, and OpenCC encodes to UTF-8
_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _to_simplified(text: str) -> str:
    return str(_converter("t2s").convert(text))


def _to_traditional(text: str) -> str:
    return str(_converter("s2t").convert(text))


def _simplify(text: str) -> str:
    text = unicodedata.normalize("NFKC", _SURROGATE.sub("\ufffd", text))
    if _HAS_SUPPLEMENT.search(text):  # rare; translate() walks every character
        text = text.translate(_RADICAL_SUPPLEMENT)
    return simplify(text, _to_simplified, _to_traditional)


@lru_cache(maxsize=256)  # extraction reads the same document and lines in several steps
def to_simplified(text: str) -> str:
    """NFKC plus OpenCC t2s where the text is traditional (character for character, so offsets
    stay comparable; a lone surrogate becomes U+FFFD)."""
    return _simplify(text)


def compact(text: str) -> str:
    """Simplified text with all whitespace removed."""
    return _SPACE.sub("", to_simplified(text))


@lru_cache(maxsize=65536)
def label_key(text: str) -> str:
    """The form in which labels are compared: simplified, no whitespace, quotes or punctuation."""
    return _NOT_LABEL.sub(
        "", _simplify(text)
    )  # cached itself: keeps to_simplified's cache for texts
