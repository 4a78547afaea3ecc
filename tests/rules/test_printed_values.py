"""Cells printed with notes, units, words or ranges, and numbers too long to be real: the
rules read what the cell says, flag what it cannot say for certain, and never crash."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import pytest

from gongkai.report import dumps, loads
from gongkai.rules import Severity, check

from .builders import changed, report


def _previous():
    """Last year: 18 regulations in force (this year's builder report prints 2)."""
    prev = report(year=2022)
    prev.table2["regulations"] = [0, 0, 18]
    return prev


def _c2_regulations(this):
    return [f for f in check(this, _previous(), rules=("C2",)) if f.row == "regulations"]


def test_c2_reads_a_count_printed_with_a_note():
    this = report()
    this.table2["regulations"] = ["22（其中修订 16 件）", 0, 40]
    assert _c2_regulations(this) == []
    this.table2["regulations"][2] = 41
    (finding,) = _c2_regulations(this)
    assert (finding.severity, finding.expected, finding.actual) == (Severity.WARNING, 40, 41)


def test_b4_keeps_the_note_as_information_not_a_text_warning():
    r = report()
    r.table2["regulations"] = ["22（其中修订 16 件）", 0, 2]
    (finding,) = check(r, rules=("B4",))
    assert finding.severity is Severity.INFO
    assert "按22计" in finding.message and "其中修订 16 件" in finding.message


def test_an_amount_with_its_unit_is_a_valid_amount():
    r = report()
    r.table2["fees"] = ["3.168万元"]
    assert check(r, rules=("B4",)) == []


def test_a_decrease_in_words_in_the_2019_signed_column_is_valid():
    r = report("2019", year=2020)
    r.table2["licensing"] = [20, "减12", 8]
    assert check(r, rules=("B4",)) == []


def test_a_range_in_a_count_cell_is_flagged_and_stops_the_sums():
    r = changed(report(), "table3", "granted", 0, "1-10")
    (b4,) = check(r, rules=("B4",))
    assert b4.severity is Severity.WARNING and "范围" in b4.message
    b1 = [f for f in check(r, rules=("B1",)) if f.column == "natural_person"]
    assert [f.severity for f in b1] == [Severity.CANNOT_ASSESS]
    assert "1-10" in b1[0].message


def test_a_cell_of_thousands_of_digits_is_an_error_with_a_short_message():
    huge = "9" * 5000
    r = changed(report(), "table3", "granted", 0, huge)
    findings = check(r)
    (b4,) = [f for f in findings if f.rule == "B4"]
    assert b4.severity is Severity.ERROR and "位数过多" in b4.message
    assert len(b4.message) < 200
    assert all(len(f.message) < 300 for f in findings)


def test_a_figure_of_thousands_of_digits_in_the_narrative_does_not_crash_d1():
    r = report()
    r.sections["3"] = "全年共收到政府信息公开申请" + "7" * 5000 + "件。"
    assert check(r, rules=("D1",)) == []


def test_b1_known_outcomes_above_the_total_are_an_error_despite_blanks():
    r = changed(report(), "table3", "denied_1", 0, None)
    r.table3["granted"][0] = 3  # granted 3 alone exceeds the printed total 2
    b1 = [f for f in check(r, rules=("B1",)) if f.column == "natural_person"]
    assert [f.severity for f in b1] == [Severity.ERROR]
    assert "空白" in b1[0].message and (b1[0].expected, b1[0].actual) == (3, 2)


def test_b1_blanks_that_could_close_the_gap_cannot_be_assessed():
    r = changed(report(), "table3", "denied_1", 0, None)
    b1 = [f for f in check(r, rules=("B1",)) if f.column == "natural_person"]
    assert [f.severity for f in b1] == [Severity.CANNOT_ASSESS]


def test_b2_known_applicants_above_the_total_column_are_an_error_despite_blanks():
    r = report()
    r.table3["new_received"] = [2, None, 0, 0, 0, 0, 1]
    (finding,) = [f for f in check(r, rules=("B2",)) if f.row == "new_received"]
    assert finding.severity is Severity.ERROR


def test_a_blank_total_is_never_exceeded_by_its_parts():
    r = report()
    r.table3["new_received"] = [2, 1, 0, 0, 0, 0, None]
    (finding,) = [f for f in check(r, rules=("B2",)) if f.row == "new_received"]
    assert finding.severity is Severity.CANNOT_ASSESS


@pytest.mark.parametrize("year", [9999, 0, -5, 10**40])
def test_e1_with_a_year_no_calendar_holds_cannot_assess_without_crashing(year):
    r = report(agency_kind="department", published=date(2024, 1, 20))
    r.year = year
    (finding,) = check(r, rules=("E1",))
    assert finding.severity is Severity.CANNOT_ASSESS and finding.row == "year"


def test_e1_year_1_has_a_deadline_in_year_2():
    r = report(agency_kind="department", published=date(2024, 1, 20))
    r.year = 1
    (finding,) = check(r, rules=("E1",))
    assert (finding.severity, finding.expected) == (Severity.WARNING, "0002-01-31")


def test_all_rules_run_on_a_canonical_report_of_year_9999():
    r = report(agency_kind="department")
    data = dumps(r).replace('"year": 2023', '"year": 9999')
    findings = check(loads(data), copy.deepcopy(r))
    assert any(f.rule == "E1" and f.row == "year" for f in findings)


def test_e2_never_reports_a_label_that_differs_only_in_form():
    r = report()
    r.labels = {
        "table3": {
            "denied_1": "1．属于国家秘密",  # full-width point
            "granted": "（一） 予以公开",  # a space
            "unable_1": "1.本機關不掌握相關政府信息",  # traditional script
            "partial": "（二）部分公开",  # a different text: a deviation
        }
    }
    findings = check(r, rules=("E2",))
    assert [(f.row, f.actual) for f in findings if f.row in r.labels["table3"]] == [
        ("partial", "（二）部分公开")
    ]


def test_e2_reports_the_2019_other_row_once_not_also_as_its_own_label():
    # What extraction records for reports 012/013: the other format's row with its label.
    r = report()
    del r.table3["other_1"], r.table3["other_2"], r.table3["other_3"]
    r.table3["other"] = [0] * 7
    r.labels = {"table3": {"other": "（六）其他处理"}}
    other = [f for f in check(r, rules=("E2",)) if f.row == "other"]
    assert len(other) == 1 and "2019年格式" in other[0].message


def test_fee_amount_with_decimal_places_is_not_dropped():
    r = report()
    r.table2["fees"] = ["2059.2090万元"]
    assert check(r, rules=("B4",)) == []
    r.table2["fees"] = [Decimal("2059.2090")]
    assert check(r, rules=("B4",)) == []


@pytest.mark.parametrize("value", [Decimal("1E+5000"), Decimal("Infinity"), Decimal("NaN")])
def test_findings_on_decimals_no_json_number_holds_are_written_as_text(value):
    import json

    r = report()
    r.table2["fees"] = [value]
    (finding,) = check(r, rules=("B4",))
    assert finding.severity is Severity.ERROR
    assert json.loads(json.dumps(finding.to_dict()))["actual"] == str(value)
