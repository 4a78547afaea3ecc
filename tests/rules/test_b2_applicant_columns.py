"""B2: per row, the 总计 column = sum of the six applicant columns."""

from gongkai.rules import Severity, check

from .builders import changed, report


def findings(r):
    return check(r, rules=("B2",))


def test_rows_that_add_up_pass():
    assert findings(report()) == []


def test_row_whose_total_column_is_wrong_is_an_error():
    broken = changed(report(), "table3", "new_received", 6, 4)
    (finding,) = findings(broken)
    assert (finding.row, finding.column, finding.expected, finding.actual) == (
        "new_received",
        "total",
        3,
        4,
    )
    assert finding.severity is Severity.ERROR


def test_blank_applicant_cell_cannot_be_assessed():
    blank = changed(report(), "table3", "granted", 1, None)
    (finding,) = findings(blank)
    assert (finding.severity, finding.row) == (Severity.CANNOT_ASSESS, "granted")
