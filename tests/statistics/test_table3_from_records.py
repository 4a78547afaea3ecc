"""Table 3 from application records: the §5 policy, consistency by construction, sources."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.formats import FORMAT_2019, FORMAT_2021
from gongkai.report import AnnualReport
from gongkai.rules import Severity, check
from gongkai.statistics import ApplicationRecord, StatisticsSettings, table3_for_year

APPLICANTS = ("natural_person", "commercial", "research", "social", "legal_service", "other_org")


def test_year_boundaries_follow_the_policy():
    records = [
        ApplicationRecord("a", "natural_person", date(2022, 12, 20), date(2023, 1, 10), "granted"),
        ApplicationRecord("b", "commercial", date(2023, 3, 1), date(2023, 3, 20), "partial"),
        ApplicationRecord("c", "natural_person", date(2023, 12, 28)),  # still open
        ApplicationRecord("d", "natural_person", date(2022, 5, 1), date(2022, 5, 20), "granted"),
        ApplicationRecord("e", "natural_person", date(2024, 1, 2)),  # next year
    ]
    result = table3_for_year(records, 2023)
    t = result.values
    assert t["new_received"] == [1, 1, 0, 0, 0, 0, 2]
    assert t["carried_over"] == [1, 0, 0, 0, 0, 0, 1]
    assert t["granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert t["partial"] == [0, 1, 0, 0, 0, 0, 1]
    assert t["total"] == [1, 1, 0, 0, 0, 0, 2]
    assert t["carried_forward"] == [1, 0, 0, 0, 0, 0, 1]
    assert result.sources.of("carried_over", 0) == ["a"]
    assert result.sources.of("carried_forward", 6) == ["c"]


def test_2019_format_folds_the_other_rows():
    records = [ApplicationRecord("x", "research", date(2020, 2, 1), date(2020, 3, 1), "other_2")]
    t = table3_for_year(records, 2020, FORMAT_2019).values
    assert t["other"] == [0, 0, 1, 0, 0, 0, 1]
    assert "other_2" not in t


# Replied in 2023 (granted), reopened by a 纠正 review result on 2024-04-01, replied
# again on 2024-04-20 (partial): the platform gives one record per handling.
REOPENED = [
    ApplicationRecord("r", "social", date(2023, 3, 1), date(2023, 3, 20), "granted"),
    ApplicationRecord("r-1", "social", date(2024, 4, 1), date(2024, 4, 20), "partial", reopening=1),
]


def test_a_reopening_counts_as_one_more_application_by_default():
    assert table3_for_year(REOPENED, 2023).values["granted"][-1] == 1
    t = table3_for_year(REOPENED, 2024).values
    assert (t["new_received"][3], t["partial"][3], t["total"][3]) == (1, 1, 1)


def test_a_reopening_can_be_left_out_of_the_statistics():
    once = StatisticsSettings(count_reopened=False)
    assert table3_for_year(REOPENED, 2023, settings=once).values["granted"][-1] == 1
    t = table3_for_year(REOPENED, 2024, settings=once).values
    assert all(value == 0 for row in t.values() for value in row)
    assert "不重复统计" in " ".join(once.describe())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"applicant": "citizen"}, "未知的申请人类型"),
        ({"concluded": date(2023, 1, 1)}, "同时填写"),
        ({"concluded": date(2022, 1, 1), "outcome": "granted"}, "早于收到日期"),
    ],
)
def test_impossible_records_are_refused(kwargs, message):
    base = {"id": "z", "applicant": "natural_person", "received": date(2023, 1, 5)}
    with pytest.raises(ValueError, match=message):
        ApplicationRecord(**{**base, **kwargs})


@st.composite
def records(draw):
    result = []
    for i in range(draw(st.integers(0, 60))):
        received = date(2021, 1, 1) + timedelta(days=draw(st.integers(0, 4 * 365)))
        if draw(st.booleans()):
            concluded = received + timedelta(days=draw(st.integers(0, 120)))
            outcome = draw(st.sampled_from(FORMAT_2021.table3.outcome_rows))
        else:
            concluded = outcome = None
        result.append(
            ApplicationRecord(
                str(i), draw(st.sampled_from(APPLICANTS)), received, concluded, outcome
            )
        )
    return result


@settings(max_examples=80, deadline=None)
@given(records(), st.integers(2021, 2024))
def test_generated_tables_pass_a1_b1_b2_and_sources_add_up(recs, year):
    result = table3_for_year(recs, year)
    report = AnnualReport(format="2021", year=year, table3=result.values)
    assert not [
        f for f in check(report, rules=("A1", "B1", "B2")) if f.severity is not Severity.INFO
    ]
    for row, values in result.values.items():
        for column, value in enumerate(values):
            assert len(result.sources.of(row, column)) == value


@settings(max_examples=40, deadline=None)
@given(records())
def test_consecutive_years_chain_c1(recs):
    prev = AnnualReport(format="2021", year=2022, table3=table3_for_year(recs, 2022).values)
    this = AnnualReport(format="2021", year=2023, table3=table3_for_year(recs, 2023).values)
    assert check(this, prev, rules=("C1",)) == []
