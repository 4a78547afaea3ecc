"""B1: per column, （七）总计 = sum of the outcome rows (2021: … other_3; 2019: … other)."""

import pytest

from gongkai.rules import Severity, check

from .builders import changed, report


def findings(r):
    return check(r, rules=("B1",))


@pytest.mark.parametrize("fmt_id", ["2019", "2021"])
def test_consistent_outcomes_pass(fmt_id):
    assert findings(report(fmt_id, year=2020 if fmt_id == "2019" else 2023)) == []


@pytest.mark.parametrize("row", ["denied_8", "unable_3", "not_processed_5", "other_3"])
def test_any_outcome_row_counts(row):
    broken = changed(report(), "table3", row, 1, 1)
    (finding,) = findings(broken)
    assert (finding.severity, finding.column, finding.expected, finding.actual) == (
        Severity.ERROR,
        "commercial",
        2,
        1,
    )


def test_2019_single_other_row_counts():
    broken = changed(report("2019", year=2020), "table3", "other", 0, 4)
    (finding,) = findings(broken)
    assert finding.expected == 6 and finding.actual == 2


def test_2021_report_printing_the_2019_other_row_is_summed_as_printed():
    r = report()
    for key in ("other_1", "other_2", "other_3"):
        del r.table3[key]
    r.table3["other"] = [0] * 7
    assert findings(r) == []


def test_text_cell_cannot_be_assessed():
    r = changed(report(), "table3", "granted", 0, "/")
    (finding,) = findings(r)
    assert finding.severity is Severity.CANNOT_ASSESS and "“/”" in finding.message
