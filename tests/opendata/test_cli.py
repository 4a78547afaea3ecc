"""`gongkai bulk REPORTS_DIR -o OUT_DIR`: the year files, SHA256SUMS and the dictionary."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.cli import bulk as _  # noqa: F401  (registers the command)
from gongkai.cli import report as _report  # noqa: F401  (with two, typer needs the name)
from gongkai.report import load, save
from tests.opendata.reports import full_report

runner = CliRunner()


def _write_reports(root: Path) -> None:
    for region, agency, year, published in (
        ("临川市", "临川市教育局", 2024, date(2025, 1, 20)),
        ("临川市", "临川市财政局", 2024, None),  # a draft: never in the files
        ("宁远市", "宁远市教育局", 2023, date(2024, 1, 25)),
    ):
        (root / region).mkdir(parents=True, exist_ok=True)
        report = full_report(agency, year, seed=year)
        report.published = published
        save(report, root / region / f"{agency}.json")


def _sums(out: Path) -> dict[str, str]:
    lines = (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ") for line in lines)}


def test_bulk_writes_each_years_files_with_checksums(tmp_path: Path) -> None:
    _write_reports(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(app, ["bulk", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "临川市财政局.json：未注明公开日期" in result.output
    sums = _sums(out)
    assert set(sums) == {
        *(
            f"gongkai-annual-reports-{y}.{ext}"
            for y in (2023, 2024)
            for ext in ("jsonl", "csv", "xlsx")
        ),
        "gongkai-opendata-dictionary.csv",
    }
    for name, digest in sums.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    rows = list(
        csv.DictReader(
            io.StringIO((out / "gongkai-annual-reports-2024.csv").read_text("utf-8-sig"))
        )
    )
    assert {r["agency"] for r in rows} == {"临川市教育局"}
    assert {r["region"] for r in rows} == {"临川市"} and rows[0][
        "agency_id"
    ] == "临川市/临川市教育局"
    source = load(tmp_path / "in" / "临川市" / "临川市教育局.json")
    granted = next(r for r in rows if r["item"] == "table3.granted.total")
    assert int(granted["value"]) == source.table3["granted"][6]  # type: ignore[index]
    book = load_workbook(out / "gongkai-annual-reports-2024.xlsx", read_only=True)
    assert book.sheetnames == ["数据", "数据字典"]
    assert "财政局" not in (out / "gongkai-annual-reports-2024.jsonl").read_text("utf-8")


def test_a_bulk_file_read_back_keeps_its_details(tmp_path: Path) -> None:
    _write_reports(tmp_path / "in")
    runner.invoke(app, ["bulk", str(tmp_path / "in"), "-o", str(tmp_path / "first")])
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(tmp_path / "first" / "gongkai-annual-reports-2023.jsonl", again)
    result = runner.invoke(
        app, ["bulk", str(again), "-o", str(tmp_path / "second"), "--year", "2023"]
    )
    assert result.exit_code == 0, result.output
    first = (tmp_path / "first" / "gongkai-annual-reports-2023.csv").read_bytes()
    assert (tmp_path / "second" / "gongkai-annual-reports-2023.csv").read_bytes() == first
    line = (tmp_path / "second" / "gongkai-annual-reports-2023.jsonl").read_text("utf-8")
    assert json.loads(line)["opendata"]["region"] == "宁远市"


def test_nothing_published_or_no_folder_is_exit_status_2(tmp_path: Path) -> None:
    _write_reports(tmp_path / "in")
    result = runner.invoke(
        app, ["bulk", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--year", "2022"]
    )
    assert result.exit_code == 2 and "没有已公开的 2022 年度报告" in result.output
    missing = runner.invoke(app, ["bulk", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "不是文件夹" in missing.output
    (tmp_path / "in" / "bad.json").write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["bulk", str(tmp_path / "in"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0 and "bad.json：无法读取" in result.output


def test_shared_truth_files_give_their_numbers(tmp_path: Path, shared_data: Path) -> None:
    (tmp_path / "in").mkdir()
    truths = sorted((shared_data / "reports").glob("*.truth.json"))
    for truth in truths:
        shutil.copy(truth, tmp_path / "in" / truth.name.replace(".truth", ""))
    result = runner.invoke(app, ["bulk", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    published = [t for t in truths if load(t).published and load(t).year]
    lines = [
        json.loads(line)
        for path in (tmp_path / "out").glob("*.jsonl")
        for line in path.read_text("utf-8").splitlines()
    ]
    assert len(lines) == len(published)
    for truth in published:
        report = load(truth)
        line = next(x for x in lines if x["opendata"]["agency_id"] == truth.name.split(".")[0])
        assert line["table3"] == json.loads(truth.read_text("utf-8"))["table3"]
        assert line["year"] == report.year
