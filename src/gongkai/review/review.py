"""Content review (内容审查) of what an agency is about to publish: one entry point per input."""

from __future__ import annotations

from dataclasses import replace

from gongkai.report import AnnualReport
from gongkai.review.confusables import check_confusables
from gongkai.review.findings import ReviewFinding
from gongkai.review.numbers import check_numbers
from gongkai.review.personal_data import check_personal_data
from gongkai.review.wordings import check_wordings
from gongkai.text import to_simplified

TEXT_RULES = ("R1", "R2", "R3")
_ORDER = {"R2": 0, "R1": 1, "R4": 2, "R3": 3}


def _comparable(text: str) -> str:
    """Traditional characters are reviewed as simplified when that keeps every offset."""
    simplified = to_simplified(text)
    return simplified if len(simplified) == len(text) else text


def review_text(text: str, rules: tuple[str, ...] = TEXT_RULES) -> list[ReviewFinding]:
    """Every finding in ``text``, in reading order; a place found by two rules is reported once
    (personal data first, then the wording table, then the suspected typos)."""
    text = _comparable(text)
    found: list[ReviewFinding] = []
    if "R2" in rules:
        found += check_personal_data(text)
    if "R1" in rules:
        found += check_wordings(text)
    if "R3" in rules:
        found += check_confusables(text)
    kept: list[ReviewFinding] = []
    for finding in sorted(found, key=lambda f: _ORDER[f.rule]):
        if not any(finding.start < k.end and k.start < finding.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.rule))


def _with_section(findings: list[ReviewFinding], section: str) -> list[ReviewFinding]:
    return [replace(f, section=section) for f in findings]


def review_report(report: AnnualReport) -> list[ReviewFinding]:
    """The title, the preamble and each section reviewed as text, plus R4 (text vs tables)."""
    parts: list[tuple[str, str]] = [("title", report.title or "")]
    parts.append(("preamble", str(report.extra.get("preamble") or "")))
    parts += sorted((report.sections or {}).items())
    findings: list[ReviewFinding] = []
    for section, text in parts:
        if text:
            findings += _with_section(review_text(text), section)
    findings += check_numbers(report)
    return findings
