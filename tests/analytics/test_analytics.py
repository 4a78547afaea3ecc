"""Oversight analytics over published reports: figures, pooled rates with intervals and the
sample floor, groupings and trends, the ranking by the published criteria, and charts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from gongkai.analytics import MIN_N, Rate, by, figures, places, trend
from gongkai.analytics.charts import rate_bars, trend_lines
from gongkai.formats import FORMAT_2019, FORMAT_2021
from gongkai.report import AnnualReport


def _table3(fmt: object = FORMAT_2021, **totals: int | str | None) -> dict[str, list[object]]:
    rows = FORMAT_2021.table3.rows if fmt is FORMAT_2021 else FORMAT_2019.table3.rows
    return {row.key: [None] * 6 + [totals.get(row.key, 0)] for row in rows}


def _report(
    agency: str = "江淮省教育厅", year: int = 2023, **totals: int | str | None
) -> AnnualReport:
    table4 = [0] * 15
    return AnnualReport(agency=agency, year=year, table3=_table3(**totals), table4=table4)  # type: ignore[arg-type]


def test_wilson_interval_matches_the_published_formula() -> None:
    low, high = Rate(8, 10).interval or (0, 0)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)
    assert (Rate(0, 20).interval or (1.0, 1.0))[0] == 0.0  # never below zero


def test_below_the_sample_floor_a_rate_has_no_number() -> None:
    small = Rate(2, MIN_N - 1)
    assert small.value is None and small.interval is None
    assert small.label == "样本不足（n=9）"
    assert Rate(5, 10).label == "50.0%（95%置信区间 23.7%–76.3%，n=10）"


def test_substantive_disclosure_counts_decided_rows_and_leaves_out_other_handling() -> None:
    report = _report(granted=30, partial=10, denied_4=5, unable_1=3, not_processed_2=2, other_1=50)
    rate = figures(report, region="江淮省").disclosed
    assert rate == Rate(40, 50)  # 其他处理 (50 lapsed applications) is not a decision


def test_the_2019_format_other_row_is_left_out_too() -> None:
    table3 = _table3(FORMAT_2019, granted=9, denied_1=1, other=20)
    report = AnnualReport(agency="甲", year=2019, table3=table3)  # type: ignore[arg-type]
    assert figures(report, region="").disclosed == Rate(9, 10)


def test_a_blank_cell_makes_the_figure_unknown_not_zero() -> None:
    report = _report(new_received=12, carried_over=None, partial=None)
    result = figures(report, region="")
    assert result.applications is None and result.disclosed is None
    assert figures(_report(new_received=12, carried_over="3件"), region="").applications == 15


def test_correction_rates_of_review_and_litigation_from_table_4() -> None:
    report = _report()
    report.table4 = [6, 2, 1, 4, 13, 3, 1, 0, 2, 6, 1, 1, 0, 0, 2]
    result = figures(report, region="")
    assert result.review_corrected == Rate(2, 9)  # pending (尚未审结) is not concluded
    assert result.suit_corrected == Rate(2, 6)  # both 诉讼 blocks
    report.table4[0] = None
    assert figures(report, region="").review_corrected is None


def test_rates_pool_over_agencies_and_years_and_trends_run_in_year_order() -> None:
    items = [
        figures(
            _report("甲", 2022, new_received=5, granted=4, denied_1=1),
            region="一市",
            errors=1,
            warnings=1,
        ),
        figures(
            _report("乙", 2021, new_received=20, granted=10, denied_1=10),
            region="一市",
            errors=0,
            warnings=0,
        ),
        figures(_report("甲", 2021, new_received=7, granted=7), region="一市"),
    ]
    region = by("region", items)[0]
    assert region.applications == 32 and region.disclosed == Rate(21, 32)
    assert region.findings_per_report == 1.0  # 2 findings over the 2 reports audited
    agencies = {s.key: s for s in by("agency", items)}
    assert agencies["甲"].disclosed == Rate(11, 12)
    assert [s.key for s in by("year", items)] == ["2021", "2022"]
    assert [s.key for s in trend(items, lambda f: f.agency)["甲"]] == ["2021", "2022"]


def test_ranking_scores_publication_and_findings_with_the_published_criteria() -> None:
    clean = _report("甲", 2023)
    clean.published = dt.date(2024, 1, 20)
    late = _report("乙", 2023)
    late.published = dt.date(2024, 3, 1)
    faulty = _report("丙", 2023)
    faulty.published = dt.date(2024, 1, 10)
    items = [
        figures(late, region="", errors=0, warnings=0),
        figures(faulty, region="", errors=2, warnings=1),
        figures(clean, region="", errors=0, warnings=0),
    ]
    ranking = places(items, today=dt.date(2024, 6, 1))
    assert [(p.position, p.figures.agency, p.score.total) for p in ranking] == [
        (1, "甲", 40),
        (2, "乙", 30),  # published after 31 January: half of 20, plus 20 for no findings
        (3, "丙", 29),  # on time (20); 2 errors and 1 warning: 20 - 2×5 - 1 = 9
    ]
    assert ranking[0].score.out_of == 40
    assert {p.criterion.key for p in ranking[0].score.parts} == {
        "report_published",
        "report_consistent",
    }


def test_the_bar_chart_draws_only_rates_above_the_floor_and_is_plain_svg() -> None:
    svg = rate_bars("实质公开率", [("甲局", Rate(30, 40)), ("乙局", Rate(2, 3))])
    root = ET.fromstring(svg)
    texts = "".join(root.itertext())
    assert "甲局" in texts and "乙局" not in texts
    assert "script" not in svg.lower()
    assert svg == rate_bars("实质公开率", [("甲局", Rate(30, 40)), ("乙局", Rate(2, 3))])


def test_the_trend_chart_names_each_year_and_series() -> None:
    texts = "".join(
        ET.fromstring(trend_lines("申请数量", ["2021", "2022"], {"一市": [3, None]})).itertext()
    )
    assert "2021" in texts and "2022" in texts and "一市" in texts


@pytest.mark.parametrize("n", [MIN_N, 200])
def test_interval_contains_the_rate(n: int) -> None:
    rate = Rate(n // 3, n)
    low, high = rate.interval or (1, 0)
    assert low <= (rate.value or -1) <= high


def test_a_report_without_a_year_is_its_own_group_after_the_years() -> None:
    undated = _report("甲", 2023)
    undated.year = None
    items = [figures(undated, region=""), figures(_report("乙", 2022), region="")]
    assert [s.key for s in by("year", items)] == ["2022", "未注明年度"]
