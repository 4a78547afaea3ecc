"""A1: per column, new_received + carried_over = total + carried_forward."""

from gongkai.rules import Severity, check

from .builders import changed, report


def findings(r):
    return check(r, rules=("A1",))


def test_balanced_table_passes():
    assert findings(report()) == []


def test_unbalanced_column_is_an_error_with_both_sides():
    broken = changed(report(), "table3", "carried_forward", 0, 5)
    (finding,) = findings(broken)
    assert (finding.rule, finding.severity, finding.column) == (
        "A1",
        Severity.ERROR,
        "natural_person",
    )
    assert (finding.expected, finding.actual) == (3, 7)  # 2 + 1 vs 2 + 5
    assert "自然人" in finding.message


def test_blank_cell_cannot_be_assessed_not_treated_as_zero():
    # With blank = 0 this column would balance (0 + 0 = 0 + 0); it must still not pass silently.
    blank = changed(report(), "table3", "carried_over", 2, None)
    (finding,) = findings(blank)
    assert finding.severity is Severity.CANNOT_ASSESS
    assert finding.column == "research"
    assert "空白" in finding.message


def test_missing_row_cannot_be_assessed():
    r = report()
    del r.table3["carried_forward"]
    assert {f.severity for f in findings(r)} == {Severity.CANNOT_ASSESS}


def test_no_table3_says_nothing():
    assert findings(report(table3=None)) == []
