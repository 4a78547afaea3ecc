"""The consistency rules of spec §7: one implementation each, one entry point.

``check(report, previous=None)`` returns every finding; rules whose inputs are absent say
nothing, and rules whose input cells are blank or text say ``cannot-assess``.
"""

from __future__ import annotations

from gongkai.report import AnnualReport
from gongkai.rules import (
    blanks,
    cells,
    cross_year,
    form,
    narrative,
    prose,
    similarity,
    table3,
    table4,
    topic,
)
from gongkai.rules.catalogue import RULES, RuleInfo
from gongkai.rules.context import Check, Context
from gongkai.rules.findings import SEVERITY_LABELS, Finding, Severity
from gongkai.rules.settings import DEFAULT_SETTINGS, RuleSettings

CHECKS: dict[str, Check] = {
    "A1": table3.check_a1,
    "B1": table3.check_b1,
    "B2": table3.check_b2,
    "B3": table4.check_b3,
    "B4": cells.check_b4,
    "C1": cross_year.check_c1,
    "C2": cross_year.check_c2,
    "C3": cross_year.check_c3,
    "D1": narrative.check_d1,
    "D2": narrative.check_d2,
    "D3": narrative.check_d3,
    "D4": narrative.check_d4,
    "E1": form.check_e1,
    "E2": form.check_e2,
    "E3": topic.check_e3,
    "E4": similarity.check_e4,
    "E5": form.check_e5,
    "E6": form.check_e6,
    "E7": blanks.check_e7,
    "P1": prose.check_p1,
    "P2": prose.check_p2,
    "P3": prose.check_p3,
    "P4": prose.check_p4,
}


def check(
    report: AnnualReport,
    previous: AnnualReport | None = None,
    settings: RuleSettings = DEFAULT_SETTINGS,
    rules: tuple[str, ...] | None = None,
) -> list[Finding]:
    """Run the rules (all, or the ids given) on a report, optionally against last year's;
    rules in ``settings.disabled`` are never run."""
    context = Context(report, previous, settings)
    findings: list[Finding] = []
    for rule_id in rules or tuple(CHECKS):
        if rule_id not in settings.disabled:
            findings.extend(CHECKS[rule_id](context))
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


__all__ = [
    "CHECKS",
    "DEFAULT_SETTINGS",
    "RULES",
    "SEVERITY_LABELS",
    "Finding",
    "RuleInfo",
    "RuleSettings",
    "Severity",
    "check",
    "has_errors",
]
