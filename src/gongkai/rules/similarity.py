"""Shingle similarity of texts: E4 (内容雷同) and the year-over-year 重复率, one implementation.

Texts are compared simplified, without whitespace, with every run of digits as one ``#``:
figures and years change every year even in a copied report; the words are what repeat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.report import AnnualReport
from gongkai.rules.context import Context
from gongkai.rules.findings import Finding, Severity
from gongkai.text import to_simplified

SHINGLE = 5


@dataclass(frozen=True)
class Normalized:
    """The compared form of a text, and where each of its characters is in the original."""

    text: str
    spans: tuple[tuple[int, int], ...]  # [start, end) in the original, one per character


def normalize(text: str) -> Normalized:
    simplified = to_simplified(text)
    if len(simplified) != len(text):  # offsets only hold character for character
        simplified = text
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"\d+|\S", simplified):
        chars.append("#" if match.group()[0].isdigit() else match.group())
        spans.append(match.span())
    return Normalized("".join(chars), tuple(spans))


def shingles(text: str) -> set[str]:
    return _shingles_of(normalize(text).text)


def _shingles_of(text: str) -> set[str]:
    return {text[i : i + SHINGLE] for i in range(max(len(text) - SHINGLE + 1, 0))}


def _covered(this: str, last: str) -> list[bool]:
    """Per character of ``this``: is it inside a shingle that ``last`` also has?"""
    if len(this) < SHINGLE:
        return [bool(this) and this in last] * len(this)
    seen = _shingles_of(last)
    covered = [False] * len(this)
    for i in range(len(this) - SHINGLE + 1):
        if this[i : i + SHINGLE] in seen:
            covered[i : i + SHINGLE] = [True] * SHINGLE
    return covered


def repeated_share(this: str, last: str) -> float | None:
    """重复率: the share of this year's characters found in last year's text (None: no text)."""
    covered = _covered(normalize(this).text, normalize(last).text)
    return sum(covered) / len(covered) if covered else None


def repeated_passages(this: str, last: str, min_chars: int) -> list[tuple[int, int]]:
    """[start, end) ranges of ``this`` repeated from ``last``, at least ``min_chars`` long
    (counted without whitespace), in the original text's offsets."""
    norm = normalize(this)
    covered = _covered(norm.text, normalize(last).text)
    passages: list[tuple[int, int]] = []
    start: int | None = None
    for i, flag in enumerate([*covered, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start >= min_chars:
                passages.append((norm.spans[start][0], norm.spans[i - 1][1]))
            start = None
    return passages


def similarity(a: AnnualReport, b: AnnualReport) -> float:
    """Jaccard similarity of 5-character shingles of the section texts (0…1)."""
    left = shingles("".join((a.sections or {}).values()))
    right = shingles("".join((b.sections or {}).values()))
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def check_e4(ctx: Context) -> Iterator[Finding]:
    previous = ctx.previous
    if previous is None or not ctx.report.sections or not previous.sections:
        return
    score = similarity(ctx.report, previous)
    if score >= ctx.settings.duplicate_threshold:
        yield Finding(
            "E4",
            Severity.WARNING,
            f"正文与上年报告的相似度为{score:.0%}，内容雷同",
            "sections",
            None,
            expected=f"< {ctx.settings.duplicate_threshold:.0%}",
            actual=f"{score:.0%}",
        )
