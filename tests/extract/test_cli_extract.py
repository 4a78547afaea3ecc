"""``gongkai extract``: JSON Lines on stdout, exit 0 / 2 / 3."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import gongkai.cli.extract  # noqa: F401  (registers the commands)
from gongkai.cli.app import EXIT_NOT_A_REPORT, EXIT_OK, EXIT_UNREADABLE, app
from tests.extract.reports import Facts, report_html, report_text

runner = CliRunner()


def _files(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "2022.txt"
    first.write_text(report_text(Facts(year=2022)), encoding="utf-8")
    second = tmp_path / "2023.html"
    second.write_text(report_html(Facts(year=2023)), encoding="utf-8")
    return first, second


def test_json_lines_one_object_per_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", *map(str, _files(tmp_path)), "--json"])
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.strip().split("\n")
    assert [json.loads(line)["year"] for line in lines] == [2022, 2023]


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(_files(tmp_path)[0]), "--json", "-o", str(out)])
    assert result.exit_code == EXIT_OK
    assert json.loads(out.read_text(encoding="utf-8"))["agency"] == "某某市数据局"


def test_readable_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(_files(tmp_path)[1])])
    assert result.exit_code == EXIT_OK
    for expected in ("某某市数据局", "2023", "表二、表三、表四"):
        assert expected in result.stdout


def test_not_a_report_exits_3(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("关于召开安全生产会议的通知。请各单位准时参加。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == EXIT_NOT_A_REPORT
    assert "不是政府信息公开工作年度报告" in result.stderr
    assert result.stdout == ""


def test_unreadable_exits_2_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == EXIT_UNREADABLE
    assert "文件为空" in result.stderr


def test_good_files_are_still_written_when_one_fails(tmp_path: Path) -> None:
    good, _ = _files(tmp_path)
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(good), str(missing), "--json"])
    assert result.exit_code == EXIT_UNREADABLE
    assert len(result.stdout.strip().split("\n")) == 1
