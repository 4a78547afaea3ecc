"""The development reports' truth files check exactly as their checks_that_fail say."""

import json
import re

import pytest

from gongkai.formats.national import APPLICANT_COLUMNS
from gongkai.report import load
from gongkai.rules import Severity, check
from gongkai.rules.table4 import block_name

pytestmark = pytest.mark.shared

_COLUMNS = {c.label: c.key for c in APPLICANT_COLUMNS}
_BLOCKS = {
    block_name(i): key for i, key in enumerate(("review", "direct_suit", "suit_after_review"))
}


def expected_errors(truth: dict) -> set[tuple[str, str | None, str | None]]:
    """checks_that_fail ('t3_balance[自然人]: …') as (rule, row, column)."""
    errors = set()
    for line in truth.get("checks_that_fail", []):
        name, where = re.match(r"(\w+)\[([^\]]+)\]", line).groups()
        errors.add(
            {
                "t3_balance": ("A1", None, _COLUMNS.get(where)),
                "t3_total_sum": ("B1", "total", _COLUMNS.get(where)),
                "t3_row_sum": ("B2", where, "total"),
                "t4_sum": ("B3", _BLOCKS.get(where), "total"),
            }[name]
        )
    return errors


def blank_involved(truth: dict, rule: str, row: str | None, column: str | None) -> bool:
    table3 = truth.get("table3") or {}
    if rule == "B2":
        return None in table3.get(row, [])
    index = [c.key for c in APPLICANT_COLUMNS].index(column)
    return any(values[index] is None for values in table3.values())


def truth_files(shared_data):
    return sorted((shared_data / "reports").glob("*.truth.json"))


def test_in_year_errors_are_exactly_checks_that_fail(shared_data):
    for path in truth_files(shared_data):
        truth = json.loads(path.read_text(encoding="utf-8"))
        findings = check(load(path))
        errors = {(f.rule, f.row, f.column) for f in findings if f.severity is Severity.ERROR}
        unassessable = {
            (f.rule, f.row, f.column) for f in findings if f.severity is Severity.CANNOT_ASSESS
        }
        expected = expected_errors(truth)
        blank = {e for e in expected if blank_involved(truth, *e)}
        assert errors == expected - blank, path.name
        assert blank <= unassessable, path.name


def test_report_012_has_the_two_table4_errors(shared_data):
    findings = check(load(shared_data / "reports" / "012.truth.json"))
    errors = [
        (f.rule, f.row, f.expected, f.actual) for f in findings if f.severity is Severity.ERROR
    ]
    assert errors == [("B3", "review", 11, 0), ("B3", "suit_after_review", 5, 0)]


def test_report_013_with_previous_012_passes_c1_and_c2(shared_data):
    this = load(shared_data / "reports" / "013.truth.json")
    prev = load(shared_data / "reports" / "012.truth.json")
    assert check(this, prev, rules=("C1", "C2")) == []


def test_seed_002_blank_cells_cannot_be_assessed(shared_data):
    findings = check(load(shared_data / "seeds" / "002_339fc4429fa30be7.truth.json"))
    blanks = {
        (f.row, f.column)
        for f in findings
        if f.rule == "B4" and f.severity is Severity.CANNOT_ASSESS
    }
    # The notes of the truth file say legal_service; its data and the text put the blank fourth (social).
    assert blanks == {("granted", "commercial"), ("denied_2", "social")}
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_seed_001_without_tables_is_e6(shared_data):
    findings = check(load(shared_data / "seeds" / "001_26a92b83e955fcd2.truth.json"))
    assert [f.rule for f in findings] == ["E6"]


def test_seed_000_has_no_error_and_is_late_for_a_department(shared_data):
    findings = check(load(shared_data / "seeds" / "000_e737371b60233594.truth.json"))
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert "E1" in {f.rule for f in findings}
