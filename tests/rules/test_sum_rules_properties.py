"""Property-based tests of the sum rules A1, B1, B2, B3 on generated consistent tables."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.formats import FORMAT_2021
from gongkai.report import AnnualReport
from gongkai.rules import Severity, check

OUTCOMES = FORMAT_2021.table3.outcome_rows
counts = st.integers(min_value=0, max_value=500)


@st.composite
def consistent_table3(draw):
    rows = {row.key: [0] * 7 for row in FORMAT_2021.table3.rows}
    for column in range(6):
        for key in OUTCOMES:
            rows[key][column] = draw(st.integers(0, 20))
        concluded = sum(rows[key][column] for key in OUTCOMES)
        forward = draw(st.integers(0, 20))
        over = draw(st.integers(0, concluded + forward))
        rows["total"][column] = concluded
        rows["carried_forward"][column] = forward
        rows["carried_over"][column] = over
        rows["new_received"][column] = concluded + forward - over
    for values in rows.values():
        values[6] = sum(values[:6])
    return rows


@st.composite
def consistent_table4(draw):
    cells = []
    for _ in range(3):
        parts = [draw(counts) for _ in range(4)]
        cells += [*parts, sum(parts)]
    return cells


def sum_errors(report):
    return [
        f for f in check(report, rules=("A1", "B1", "B2", "B3")) if f.severity is Severity.ERROR
    ]


@settings(max_examples=60, deadline=None)
@given(consistent_table3(), consistent_table4())
def test_consistent_tables_have_no_sum_errors(table3, table4):
    assert sum_errors(AnnualReport(format="2021", year=2023, table3=table3, table4=table4)) == []


@settings(max_examples=60, deadline=None)
@given(
    consistent_table3(),
    st.sampled_from([r.key for r in FORMAT_2021.table3.rows]),
    st.integers(0, 6),
    st.integers(1, 50),
)
def test_changing_any_table3_cell_is_caught_at_that_row_or_column(table3, row, column, delta):
    table3[row][column] += delta
    errors = sum_errors(AnnualReport(format="2021", year=2023, table3=table3))
    column_key = (
        "natural_person",
        "commercial",
        "research",
        "social",
        "legal_service",
        "other_org",
        "total",
    )[column]
    assert errors
    assert any(f.row == row or f.column == column_key for f in errors)


@settings(max_examples=60, deadline=None)
@given(consistent_table4(), st.integers(0, 14), st.integers(1, 50))
def test_changing_any_table4_cell_is_caught_in_its_block(table4, index, delta):
    table4[index] += delta
    (error,) = sum_errors(AnnualReport(format="2021", year=2023, table4=table4))
    assert error.row == ("review", "direct_suit", "suit_after_review")[index // 5]
