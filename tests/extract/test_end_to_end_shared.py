"""Real published reports end to end: PDFs 012–014 and the HTML of 024 against their truth."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import gongkai.cli.extract  # noqa: F401  (registers the commands)
from gongkai.cli.app import EXIT_NOT_A_REPORT, app
from gongkai.extract import Extraction, extract_file
from gongkai.report import AnnualReport, load
from gongkai.rules import Severity, check

pytestmark = pytest.mark.shared

CASES = ["012.pdf", "013.pdf", "014.pdf", "024.html"]


@cache
def _extract(path: Path) -> tuple[Extraction, dict[str, Any]]:
    truth_path = path.with_name(path.name.split(".")[0] + ".truth.json")
    return extract_file(path), json.loads(truth_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_cells_agency_and_year_match_the_truth(shared_data: Path, name: str) -> None:
    extraction, truth = _extract(shared_data / "reports" / name)
    data = json.loads(extraction.to_json())
    for key in ("year", "format", "table2", "table3", "table4"):
        assert data[key] == truth[key], key
    if name.endswith(".pdf"):  # 024's truth names the agency as the site lists it
        assert data["agency"] == truth["agency"]


@pytest.mark.parametrize("name", CASES)
def test_all_six_sections_or_the_ones_printed(shared_data: Path, name: str) -> None:
    extraction, _ = _extract(shared_data / "reports" / name)
    sections = extraction.report.sections or {}
    assert {"1", "2", "3", "5", "6"} <= sections.keys()
    assert "政府信息公开" in sections["1"] or "公开" in sections["1"]


@pytest.mark.parametrize("name", ["012.pdf", "013.pdf", "014.pdf"])
def test_pdf_cells_point_to_page_and_box(shared_data: Path, name: str) -> None:
    extraction, _ = _extract(shared_data / "reports" / name)
    provenance = extraction.report.extra["provenance"]
    cell = provenance["table3"]["new_received"][0]
    assert cell["page"] >= 1 and len(cell["box"]) == 4
    assert all(p is not None and "page" in p for p in provenance["table4"])


def test_html_cells_point_to_the_source(shared_data: Path) -> None:
    path = shared_data / "reports" / "024.html"
    extraction, _ = _extract(path)
    source = path.read_text(encoding="utf-8")
    cell = extraction.report.extra["provenance"]["table2"]["normative_documents"][0]
    assert source[cell["offset"] :].startswith("<td")
    assert "88" in source[cell["offset"] : cell["offset"] + 2000]


@pytest.mark.parametrize("name", CASES)
def test_in_year_errors_are_those_of_the_printed_report(shared_data: Path, name: str) -> None:
    path = shared_data / "reports" / name
    extraction, _ = _extract(path)
    printed = load(path.with_name(name.split(".")[0] + ".truth.json"))

    def errors(report: AnnualReport) -> set[tuple[str, str | None, str | None]]:
        return {(f.rule, f.row, f.column) for f in check(report) if f.severity is Severity.ERROR}

    assert errors(extraction.report) == errors(printed)


def test_seed_report_without_tables_is_extracted_and_fails_e6(shared_data: Path) -> None:
    extraction = extract_file(shared_data / "seeds" / "001_26a92b83e955fcd2.txt")
    report = extraction.report
    assert (report.table2, report.table3, report.table4) == (None, None, None)
    assert report.year == 2019 and report.agency == "长春市政务服务和数字化建设管理局"
    assert "E6" in {f.rule for f in check(report)}


@pytest.mark.parametrize("seed", ["003_efb1f7478a2eca1c.txt", "004_b3594bb715558696.txt"])
def test_seed_non_reports_exit_3(shared_data: Path, seed: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(shared_data / "seeds" / seed), "--json"])
    assert result.exit_code == EXIT_NOT_A_REPORT
    assert "不是政府信息公开工作年度报告" in result.stderr


def test_seed_002_label_deviation_and_blank_cells(shared_data: Path) -> None:
    """Traditional 規范性文件 for 行政规范性文件 is E2; its blank cells cannot be assessed."""
    extraction = extract_file(shared_data / "seeds" / "002_339fc4429fa30be7.txt")
    findings = check(extraction.report)
    labels = [f for f in findings if f.rule == "E2" and f.table == "table2"]
    assert [(f.row, f.severity) for f in labels] == [("normative_documents", Severity.WARNING)]
    blanks = {(f.row, f.column) for f in findings if f.rule == "B4"}
    assert blanks == {("granted", "commercial"), ("denied_2", "social")}
    assert not [f for f in findings if f.severity is Severity.ERROR]
