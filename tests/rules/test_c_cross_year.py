"""C1–C3: this year's report against last year's report of the same agency."""

import copy

from gongkai.rules import Severity, check

from .builders import changed, report


def prev_and_this():
    prev = report(year=2022)
    this = report(year=2023)
    # Last year ended with one pending natural-person application and 20 normative documents.
    this.table2["normative_documents"] = [3, 1, 22]
    return prev, this


def test_c1_carried_over_equals_last_years_carried_forward():
    prev, this = prev_and_this()
    assert check(this, prev, rules=("C1",)) == []
    broken = changed(this, "table3", "carried_over", 0, 0)
    (finding,) = [f for f in check(broken, prev, rules=("C1",))]
    assert (finding.severity, finding.column, finding.expected, finding.actual) == (
        Severity.WARNING,
        "natural_person",
        1,
        0,
    )


def test_c1_needs_a_previous_report():
    _, this = prev_and_this()
    assert check(changed(this, "table3", "carried_over", 0, 9), rules=("C1",)) == []


def test_c2_documents_in_force_chain_across_years():
    prev, this = prev_and_this()
    assert check(this, prev, rules=("C2",)) == []
    wrong = copy.deepcopy(this)
    wrong.table2["normative_documents"] = [3, 1, 25]  # 20 + 3 - 1 = 22, not 25
    (finding,) = check(wrong, prev, rules=("C2",))
    assert (finding.row, finding.expected, finding.actual) == ("normative_documents", 22, 25)


def test_c2_only_between_2021_format_reports():
    prev = report("2019", year=2020)
    this = report(year=2021)
    assert check(this, prev, rules=("C2",)) == []


def test_c3_pending_cases_of_last_year_should_be_concluded():
    prev, this = prev_and_this()
    prev.table4 = [0, 0, 0, 3, 3] + [0] * 10  # three reconsiderations pending at the end of 2022
    (finding,) = check(this, prev, rules=("C3",))  # this year concluded only one
    assert (finding.row, finding.expected, finding.actual) == ("review", 3, 1)
    this.table4 = [2, 1, 0, 0, 3] + [0] * 10
    assert check(this, prev, rules=("C3",)) == []
