"""D1–D4: the narrative against the tables, the year and the format."""

import copy

import pytest

from gongkai.rules import Severity, check

from .builders import report


def test_d1_quoted_figures_that_match_pass():
    assert check(report(), rules=("D1",)) == []


def test_d1_quoted_application_count_differs_from_table3():
    r = report()
    r.sections["3"] = "全年共收到政府信息公开申请5件。"
    (finding,) = check(r, rules=("D1",))
    assert (finding.table, finding.expected, finding.actual) == ("table3", 3, 5)


def test_d1_count_including_carried_over_is_accepted():
    r = report()
    r.sections["3"] = "本年度共受理政府信息公开申请4件。"  # 3 new + 1 carried over
    assert check(r, rules=("D1",)) == []


def test_d1_reconsideration_count_differs_from_table4():
    r = report()
    r.sections["4"] = "本年度发生行政复议2件，行政诉讼0件。"
    (finding,) = check(r, rules=("D1",))
    assert (finding.row, finding.expected, finding.actual) == ("review", 1, 2)


def test_d2_unpaid_fee_cases_need_a_fee_note():
    r = report()
    r.table3["other_2"] = [1, 0, 0, 0, 0, 0, 1]
    r.sections["6"] = "无其他需要报告的事项。"
    (finding,) = check(r, rules=("D2",))
    assert finding.row == "6"
    r.sections["6"] = "本年度收取信息处理费0元。"
    assert check(r, rules=("D2",)) == []


def test_d3_year_in_title_and_statistics_period():
    r = report(title="某区人民政府办公室2023年政府信息公开工作年度报告")
    r.sections["1"] += "本报告统计期限为2023年1月1日至2023年12月31日。"
    assert check(r, rules=("D3",)) == []
    wrong = copy.deepcopy(r)
    wrong.title = "某区人民政府办公室2022年政府信息公开工作年度报告"
    wrong.sections["1"] += "统计期限自2022年1月1日起至2022年12月31日止。"
    assert [f.row for f in check(wrong, rules=("D3",))] == ["title", None]


def test_d4_format_must_fit_the_year():
    assert check(report("2019", year=2020), rules=("D4",)) == []
    assert check(report("2021", year=2021), rules=("D4",)) == []
    (finding,) = check(report("2019", year=2022), rules=("D4",))
    assert (finding.expected, finding.actual, finding.severity) == (
        "2021",
        "2019",
        Severity.WARNING,
    )


@pytest.mark.parametrize(
    "preamble",
    [
        "本报告中所列数据的统计期限自2022年1月1日起\n至2022年12月31日止。",  # broken across lines
        "本年度报告统计期限为2022年1月1日至12月31日。",  # second year omitted
    ],
)
def test_d3_reads_the_period_in_the_preamble(preamble: str) -> None:
    r = report(title="某区人民政府办公室2023年政府信息公开工作年度报告")
    r.extra["preamble"] = preamble
    (finding,) = check(r, rules=("D3",))
    assert (finding.expected, finding.actual) == (2023, [2022])
    r.extra["preamble"] = preamble.replace("2022", "2023")
    assert check(r, rules=("D3",)) == []
