"""B4: non-negative integers; decimals only for amounts; signed only for 2019 本年增/减."""

from decimal import Decimal

import pytest

from gongkai.rules import Severity, check

from .builders import changed, report


def findings(r):
    return check(r, rules=("B4",))


def test_valid_cells_pass_including_decimal_fee_amount():
    r = report()
    r.table2["fees"] = [Decimal("7730.28")]
    assert findings(r) == []


def test_negative_count_is_an_error():
    (finding,) = findings(changed(report(), "table3", "granted", 0, -2))
    assert (finding.severity, finding.row, finding.column) == (
        Severity.ERROR,
        "granted",
        "natural_person",
    )


def test_fractional_count_is_an_error():
    (finding,) = findings(changed(report(), "table2", "licensing", 0, Decimal("1.5")))
    assert finding.severity is Severity.ERROR


def test_blank_is_reported_as_cannot_assess():
    (finding,) = findings(changed(report(), "table3", "denied_2", 4, None))
    assert finding.severity is Severity.CANNOT_ASSESS
    assert (finding.row, finding.column) == ("denied_2", "legal_service")


@pytest.mark.parametrize("text", ["/", "无", "——", "-"])
def test_text_is_reported_as_warning(text):
    (finding,) = findings(changed(report(), "table4", 0, None, text))
    assert finding.severity is Severity.WARNING and text in finding.message


def test_2019_signed_change_may_be_negative_or_plus_prefixed():
    r = report("2019", year=2020)
    r.table2["licensing"] = [97, "+82", 179]
    r.table2["penalty"] = [1, -1, 0]
    r.table2["procurement"] = [22, "5253.168万元"]
    assert findings(r) == []


def test_negative_in_a_2019_count_column_is_still_an_error():
    r = report("2019", year=2020)
    r.table2["licensing"] = [-1, 0, 0]
    (finding,) = findings(r)
    assert (finding.row, finding.column) == ("licensing", "previous")
