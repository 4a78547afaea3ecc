"""R4 文字与表格不符: rule D1 of the report audit, located in the narrative."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.report import AnnualReport
from gongkai.review.findings import ReviewFinding, line_of
from gongkai.rules import check
from gongkai.rules.narrative import QUOTES


def check_numbers(report: AnnualReport) -> Iterator[ReviewFinding]:
    """Each D1 finding, at the place of the section that quotes the wrong figure."""
    sections = report.sections or {}
    for finding in check(report, rules=("D1",)):
        quote = next(q for q in QUOTES if q.row == finding.row and q.table == finding.table)
        for number, text in sections.items():
            for match in quote.pattern.finditer(text):
                if int(match.group(1)) != finding.actual:
                    continue
                yield ReviewFinding(
                    "R4",
                    "数字不符",
                    finding.severity,  # D1's own judgement: one rule, one severity
                    match.start(1),
                    match.end(1),
                    line_of(text, match.start(1)),
                    match.group(1),
                    str(finding.expected),
                    f"{finding.message}（规则 D1）",
                    number,
                )
