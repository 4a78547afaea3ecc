"""A finding's fingerprint is the same on every extraction of the same file, and a changed
printed value changes only the fingerprint of the finding about that value."""

from __future__ import annotations

import copy

from gongkai.extract import extract_bytes
from gongkai.render import render
from gongkai.report import AnnualReport
from gongkai.rules import check
from gongkai.rules.fingerprint import fingerprint
from gongkai.rules.pointer import locate
from tests.rules.builders import report as built_report


def _prints(report: AnnualReport) -> dict[tuple[str, str | None, str | None], str]:
    extracted = extract_bytes(render(report, "html"), "报告.html").report
    return {
        (f.rule, f.row, f.column): fingerprint(f, extracted.agency, extracted.year)
        for f in check(extracted)
    }


def _two_wrong_totals() -> AnnualReport:
    report = built_report()
    assert report.table3 is not None and report.table4 is not None
    report.table3 = copy.deepcopy(report.table3)
    report.table3["total"] = [9, 1, 0, 0, 0, 0, 3]  # natural persons: 9 ≠ 2
    report.table4 = list(report.table4)
    report.table4[4] = int(report.table4[4] or 0) + 7  # 行政复议 总计 off by 7
    return report


def test_re_extraction_gives_the_same_fingerprints() -> None:
    report = _two_wrong_totals()
    first, second = _prints(report), _prints(report)
    assert first and first == second
    assert all(len(print_) == 64 for print_ in first.values())


def test_a_changed_value_changes_only_that_findings_fingerprint() -> None:
    report = _two_wrong_totals()
    before = _prints(report)
    changed = copy.deepcopy(report)
    assert report.table4 is not None
    changed.table4 = list(report.table4)
    changed.table4[4] = int(report.table4[4] or 0) + 1  # a different wrong 总计
    after = _prints(changed)
    differing = {key for key in before if before[key] != after.get(key)}
    assert differing and all(key[1] == "review" for key in differing)
    unchanged = set(before) - differing
    assert any(key[1] == "total" for key in unchanged)  # the table 3 finding kept its print


def test_agency_and_year_are_part_of_the_fingerprint() -> None:
    finding = check(_two_wrong_totals())[0]
    assert fingerprint(finding, "甲市人民政府", 2023) != fingerprint(finding, "乙市人民政府", 2023)
    assert fingerprint(finding, "甲市人民政府", 2023) != fingerprint(finding, "甲市人民政府", 2022)
    # the agency is compared by its normalised name, as the audit pairs years
    assert fingerprint(finding, "甲市人民政府", 2023) == fingerprint(finding, " 甲市人民政府", 2023)


def test_a_cell_finding_points_at_where_the_cell_was_read() -> None:
    extracted = extract_bytes(render(_two_wrong_totals(), "html"), "报告.html").report
    findings = [f for f in check(extracted) if f.table == "table4" and f.row == "review"]
    assert findings
    pointer = locate(findings[0], extracted)
    assert pointer is not None and ("offset" in pointer or "page" in pointer or "table" in pointer)
