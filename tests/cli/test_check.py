"""`gongkai check`: findings, JSON output and exit statuses."""

import json

from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.cli import report as _  # noqa: F401  (registers the command)
from gongkai.report import save

from ..rules.builders import changed, report

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(map(str, args)))


def test_consistent_report_exits_0(tmp_path):
    path = tmp_path / "r.json"
    save(report(agency_kind="department"), path)
    result = run("check", path)
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_error_finding_exits_1_and_json_lists_it(tmp_path):
    path = tmp_path / "r.json"
    save(changed(report(), "table4", 4, None, 0), path)
    result = run("check", path, "--json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert {
        "rule": "B3",
        "severity": "error",
        "table": "table4",
        "row": "review",
        "column": "total",
        "expected": 1,
        "actual": 0,
    }.items() <= findings[0].items()


def test_prev_enables_cross_year_rules(tmp_path):
    prev, this = tmp_path / "2022.json", tmp_path / "2023.json"
    save(report(year=2022), prev)
    save(changed(report(year=2023), "table3", "carried_over", 0, 0), this)
    result = run("check", this, "--prev", prev, "--json")
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "C1" in rules


def test_unreadable_input_exits_2_with_the_reason(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"table3": {"granted": [1, 2]}}), encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 2
    assert "table3.granted has 2 values, expected 7" in result.output
