"""Tables 2 and 4 from the registers."""

from datetime import date
from decimal import Decimal

from gongkai.formats import FORMAT_2019
from gongkai.report import AnnualReport
from gongkai.rules import check
from gongkai.statistics import (
    DocumentRecord,
    ReviewRecord,
    YearFigures,
    table2_for_year,
    table4_for_year,
)


def test_table4_counts_cases_by_state_at_year_end():
    records = [
        ReviewRecord("r1", "review", date(2023, 2, 1), date(2023, 4, 1), "upheld"),
        ReviewRecord("r2", "review", date(2023, 11, 1)),  # pending at year end
        ReviewRecord("r3", "direct_suit", date(2022, 10, 1), date(2023, 3, 1), "corrected"),
        ReviewRecord(
            "r4", "suit_after_review", date(2022, 1, 1), date(2022, 6, 1), "other"
        ),  # done last year
    ]
    result = table4_for_year(records, 2023)
    assert result.values == [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    assert result.sources.of("table4", 4) == ["r1", "r2"]
    assert check(AnnualReport(format="2021", year=2023, table4=result.values), rules=("B3",)) == []


def test_pending_cases_reappear_with_their_result_next_year():
    records = [ReviewRecord("r", "review", date(2022, 12, 1), date(2023, 2, 1), "upheld")]
    prev = AnnualReport(format="2021", year=2022, table4=table4_for_year(records, 2022).values)
    this = AnnualReport(format="2021", year=2023, table4=table4_for_year(records, 2023).values)
    assert prev.table4[3] == 1 and this.table4[0] == 1
    assert check(this, prev, rules=("C3",)) == []


def test_table2_documents_and_figures_chain_c2():
    docs = [
        DocumentRecord("d1", "normative_documents", date(2020, 5, 1)),
        DocumentRecord("d2", "normative_documents", date(2023, 3, 1)),
        DocumentRecord("d3", "normative_documents", date(2021, 3, 1), repealed=date(2023, 6, 30)),
        DocumentRecord("g1", "regulations", date(2023, 8, 1)),
    ]
    figures = YearFigures(licensing=120, penalty=3, coercion=None, fees_10k_yuan=Decimal("12.5"))
    this = table2_for_year(docs, figures, 2023)
    prev = table2_for_year(docs, YearFigures(), 2022)
    assert this.values["normative_documents"] == [1, 1, 2]
    assert this.values["regulations"] == [1, 0, 1]
    assert this.values["licensing"] == [120] and this.values["coercion"] == [None]
    assert this.values["fees"] == [Decimal("12.5")]
    assert this.sources.of("normative_documents", 1) == ["d3"]
    reports = [
        AnnualReport(format="2021", year=y, table2=t.values)
        for y, t in ((2023, this), (2022, prev))
    ]
    assert check(reports[0], reports[1], rules=("C2",)) == []


def test_table2_in_the_2019_format():
    docs = [
        DocumentRecord("d", "normative_documents", date(2020, 1, 5), published=date(2020, 1, 20))
    ]
    rows = table2_for_year(docs, YearFigures(licensing=5), 2020, FORMAT_2019).values
    assert rows["normative_documents"] == [1, 1, 1]
    assert rows["licensing"] == [None, None, 5]
