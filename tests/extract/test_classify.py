"""Is it an annual report? Work summaries and rule-of-law reports are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import gongkai.cli.extract  # noqa: F401  (registers the commands)
from gongkai.cli.app import EXIT_NOT_A_REPORT, app
from gongkai.extract.classify import classify, report_signal
from tests.extract.reports import Facts, report_text

WORK_SUMMARY = """某区数据局2023年工作总结
按照区委、区政府工作部署，统筹推进政务服务改革，营商环境持续优化。
一、主要工作
（一）推进“一网通办”，政务服务事项网上可办率达到98%。
（二）加强政务公开，在网站发布信息300条。
二、存在的问题
三、下一步工作计划
"""


def test_a_report_is_recognised_with_its_evidence() -> None:
    verdict = classify(report_text())
    assert verdict.is_report
    assert any("主动公开政府信息情况" in e for e in verdict.evidence)


def test_a_work_summary_mentioning_disclosure_is_not_a_report() -> None:
    verdict = classify(WORK_SUMMARY)
    assert not verdict.is_report
    assert verdict.reason.startswith("不是政府信息公开工作年度报告")
    assert "某区数据局2023年工作总结" in verdict.reason


def test_a_report_without_tables_is_still_a_report() -> None:
    text = report_text().split("二、主动公开政府信息情况")[0] + (
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n全年收到申请1件。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n"
    )
    assert classify(text).is_report


def test_signal_is_zero_for_unrelated_text() -> None:
    assert report_signal("今天天气很好。") == 0


@pytest.mark.shared
@pytest.mark.parametrize("seed", ["003_efb1f7478a2eca1c.txt", "004_b3594bb715558696.txt"])
def test_seed_non_reports_are_refused(shared_data: Path, seed: str) -> None:
    verdict = classify((shared_data / "seeds" / seed).read_text(encoding="utf-8"))
    assert not verdict.is_report
    assert "不是政府信息公开工作年度报告" in verdict.reason


@pytest.mark.shared
def test_seed_report_without_tables_is_a_report(shared_data: Path) -> None:
    text = (shared_data / "seeds" / "001_26a92b83e955fcd2.txt").read_text(encoding="utf-8")
    assert classify(text).is_report


def _comparison_document() -> str:
    """Two years' reports side by side, as a comparison tool prints them."""
    left = report_text(Facts(year=2023)).splitlines()
    right = report_text(Facts(year=2024)).splitlines()
    rows = [f"{a}    {b}" for a, b in zip(left, right, strict=False)]
    head = [
        "某某市 政务公开年报比对",
        "年份: 2023 vs 2024 文字重复率: 42%",
        "2023 年报告 2024 年报告",
    ]
    tail = ["指标名称 2023年 2024年 增减值", "本年新收 3 3 0"]
    return "\n".join([*head, *rows, *tail]) + "\n"


def test_a_two_year_comparison_is_not_a_report_even_with_every_part() -> None:
    verdict = classify(_comparison_document())
    assert not verdict.is_report
    assert "2023年与2024年" in verdict.reason and "比对" in verdict.reason


def test_both_years_tables_with_a_difference_table_are_not_a_report() -> None:
    text = (
        report_text(Facts(year=2022))
        + report_text(Facts(year=2023))
        + "差异分析\n指标名称 2022年 2023年 增减值\n本年新收政府信息公开申请数量 3 3 -\n"
    )
    assert not classify(text).is_report


def test_a_report_with_a_small_year_on_year_table_is_still_a_report() -> None:
    text = report_text().replace(
        "一、总体情况\n", "一、总体情况\n指标 2022年 2023年 同比\n主动公开信息 300 320 6.7%\n"
    )
    assert classify(text).is_report


def test_a_report_comparing_with_last_year_in_its_text_is_still_a_report() -> None:
    text = report_text().replace(
        "一、总体情况\n", "一、总体情况\n与2022年比较，2023年申请数量增加，同比增长10%。\n"
    )
    assert classify(text).is_report


def test_a_report_whose_period_names_one_year_twice_is_still_a_report() -> None:
    text = "某某局2023年对比2023年目标的政府信息公开工作年度报告\n" + report_text()
    assert classify(text).is_report


@pytest.mark.shared
@pytest.mark.parametrize("suffix", ["pdf", "txt"])
def test_peer_comparison_output_exits_not_a_report(shared_data: Path, suffix: str) -> None:
    path = (
        shared_data / "peer-fixtures" / f"suqian-city_2023-vs-2024_peer-comparison-output.{suffix}"
    )
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == EXIT_NOT_A_REPORT, result.output
    assert "2023年与2024年两份年度报告的比对文档" in result.output
