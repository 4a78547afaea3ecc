"""E4: near-duplicate text against the same agency's previous report (内容雷同)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.report import AnnualReport
from gongkai.rules.context import Context
from gongkai.rules.findings import Finding, Severity
from gongkai.text import compact

_SHINGLE = 5
# Figures and years change every year even in a copied report; compare the words only.
_DIGITS = re.compile(r"\d+")


def _shingles(report: AnnualReport) -> set[str]:
    text = _DIGITS.sub("#", compact("".join((report.sections or {}).values())))
    return {text[i : i + _SHINGLE] for i in range(max(len(text) - _SHINGLE + 1, 0))}


def similarity(a: AnnualReport, b: AnnualReport) -> float:
    """Jaccard similarity of 5-character shingles of the section texts (0…1)."""
    left, right = _shingles(a), _shingles(b)
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
