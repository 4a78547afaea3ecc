"""A defect in gongkai is reported as gongkai's (exit 4, "内部错误"), never as bad input, and
never loses the rest of a batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import gongkai.cli.extract  # registers the commands
import gongkai.cli.report
import gongkai.extract
import gongkai.extract.audit
from gongkai.cli.app import EXIT_INTERNAL, EXIT_OK, app
from gongkai.extract import ExtractionFault, Failure, extract_all_bytes, extract_bytes
from gongkai.extract.audit import run_audit, to_json
from gongkai.report import save
from gongkai.rules import check
from tests.extract.reports import Facts, report_text

runner = CliRunner()


def _broken_on(agency: str, real: Any) -> Any:
    def wrapped(report: Any, *args: Any, **kwargs: Any) -> Any:
        if report.agency == agency:
            raise ZeroDivisionError("division by zero")
        return real(report, *args, **kwargs)

    return wrapped


@pytest.fixture
def two_reports(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(report_text(Facts(agency="甲县教育局")), encoding="utf-8")
    (tmp_path / "b.txt").write_text(report_text(Facts(agency="乙县教育局")), encoding="utf-8")
    return tmp_path


def test_a_rule_that_fails_on_one_report_does_not_lose_the_batch(
    two_reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gongkai.extract.audit, "check", _broken_on("甲县教育局", check))
    result = run_audit([two_reports])
    statuses = {Path(e.source).name: e.status for e in result.entries}
    assert statuses == {"a.txt": "internal", "b.txt": "ok"}
    assert result.summary()["internal_errors"] == 1
    [fault] = result.failures
    message = fault.message or ""
    assert "审核时出现内部错误" in message and "ZeroDivisionError" in message
    assert '"status": "internal"' in to_json(result)
    shown = runner.invoke(app, ["audit", str(two_reports)])
    assert "内部错误 1 个" in shown.output


def test_an_extraction_defect_exits_4_and_names_itself(
    two_reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(doc: Any) -> Any:
        raise IndexError("list index out of range")

    monkeypatch.setattr(gongkai.extract, "extract_document", broken)
    [outcome] = extract_all_bytes(report_text().encode(), "a.txt")
    assert isinstance(outcome, Failure) and outcome.kind == "internal"
    with pytest.raises(ExtractionFault, match="内部错误"):
        extract_bytes(report_text().encode(), "a.txt")
    result = runner.invoke(app, ["extract", str(two_reports / "a.txt")])
    assert result.exit_code == EXIT_INTERNAL
    assert "内部错误" in result.output and "无法读取" not in result.output


def test_check_reports_a_rule_defect_as_internal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [extraction] = extract_all_bytes(report_text().encode(), "a.txt")
    assert not isinstance(extraction, Failure)
    path = tmp_path / "report.json"
    save(extraction.report, path)
    assert runner.invoke(app, ["check", str(path)]).exit_code == EXIT_OK
    monkeypatch.setattr(gongkai.cli.report, "check", _broken_on("某某市数据局", lambda *a: []))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == EXIT_INTERNAL
    assert "内部错误" in result.output
