"""RuleSettings.disabled: a project switches off any rule, and only that rule."""

from __future__ import annotations

from gongkai.report import AnnualReport
from gongkai.rules import RuleSettings, check

from .builders import changed, report


def _broken() -> AnnualReport:
    # 表4 行政复议 总计 printed as 0 with one case maintained: a B3 error.
    return changed(report(), "table4", 4, None, 0)


def test_a_disabled_rule_says_nothing_and_the_others_still_run() -> None:
    this = changed(_broken(), "table3", "carried_over", 0, 5)
    last = report(year=2022)
    everything = {f.rule for f in check(this, last)}
    assert {"B3", "C1"} <= everything
    quiet = {f.rule for f in check(this, last, RuleSettings(disabled=frozenset({"B3"})))}
    assert quiet == everything - {"B3"}


def test_disabled_wins_over_an_explicit_rule_list() -> None:
    settings = RuleSettings(disabled=frozenset({"B3"}))
    assert check(_broken(), settings=settings, rules=("B3",)) == []
