"""``gongkai audit``: a folder of reports, bad files and non-reports, years paired."""

from __future__ import annotations

import csv
import importlib
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import gongkai.cli.extract  # noqa: F401  (registers the commands)
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, app
from gongkai.extract.audit import AuditError, collect_files, run_audit, write_result
from tests.extract.reports import Facts, report_html, report_text

runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    # 2022 leaves 2 applications for next year; 2023 says it carried over 1 (rule C1).
    (tmp_path / "2022.txt").write_text(
        report_text(Facts(year=2022, new_received=5, carried_forward=2)), encoding="utf-8"
    )
    sub = tmp_path / "二〇二三"
    sub.mkdir()
    (sub / "2023.html").write_text(
        report_html(Facts(year=2023, carried_over=1, published="2024年1月20日")), encoding="utf-8"
    )
    (tmp_path / "other-agency-2023.txt").write_text(
        report_text(Facts(agency="另一县教育局", year=2023)), encoding="utf-8"
    )
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (tmp_path / "notice.txt").write_text("关于召开安全生产会议的通知。" * 5, encoding="utf-8")
    (tmp_path / "2022.meta.json").write_text("{}", encoding="utf-8")  # sidecar, skipped
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")  # not a report format, skipped
    return tmp_path


def test_collect_files_walks_folders_and_skips_sidecars(folder: Path) -> None:
    names = sorted(p.name for p in collect_files([folder]))
    assert names == ["2022.txt", "2023.html", "broken.pdf", "notice.txt", "other-agency-2023.txt"]


def test_bad_files_are_listed_and_do_not_stop_the_batch(folder: Path) -> None:
    result = run_audit([folder])
    statuses = {Path(e.source).name: e.status for e in result.entries}
    assert statuses == {
        "2022.txt": "ok",
        "2023.html": "ok",
        "other-agency-2023.txt": "ok",
        "broken.pdf": "unreadable",
        "notice.txt": "not_report",
    }
    broken = next(e for e in result.entries if e.source.endswith("broken.pdf"))
    assert broken.message is not None and "PDF" in broken.message


def test_consecutive_years_of_the_same_agency_are_paired(folder: Path) -> None:
    result = run_audit([folder])
    by_name = {Path(e.source).name: e for e in result.reports}
    assert by_name["2023.html"].previous is not None
    assert by_name["2023.html"].previous.endswith("2022.txt")
    assert by_name["2022.txt"].previous is None
    assert by_name["other-agency-2023.txt"].previous is None
    c1 = [f for f in by_name["2023.html"].findings if f.rule == "C1"]
    assert c1 and c1[0].expected == 2 and c1[0].actual == 1
    assert result.summary()["pairs"] == 1


def test_process_pool_gives_the_same_result(folder: Path) -> None:
    serial = run_audit([folder])
    parallel = run_audit([folder], workers=2)
    assert [(e.source, e.status, len(e.findings)) for e in serial.entries] == [
        (e.source, e.status, len(e.findings)) for e in parallel.entries
    ]


def test_progress_is_reported(folder: Path) -> None:
    seen: list[tuple[int, int]] = []
    run_audit([folder], progress=lambda done, total, name: seen.append((done, total)))
    assert seen[-1] == (5, 5)


@pytest.mark.parametrize("suffix", [".json", ".csv", ".xlsx", ".html"])
def test_outputs(folder: Path, tmp_path: Path, suffix: str) -> None:
    result = run_audit([folder])
    out = tmp_path / f"result{suffix}"
    write_result(result, out)
    if suffix == ".json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["summary"]["reports"] == 3
        assert {e["status"] for e in data["entries"]} == {"ok", "unreadable", "not_report"}
    elif suffix == ".csv":
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert rows[0][:4] == ["文件", "机关", "年度", "规则"]
        assert any(row[3] == "C1" for row in rows[1:])
        assert any(row[4] == "无法读取" for row in rows[1:])
    elif suffix == ".xlsx":
        book = load_workbook(out)
        assert book.sheetnames == ["汇总", "问题", "文件"]
        assert book["文件"].max_row == 6
    else:
        text = out.read_text(encoding="utf-8")
        assert "<table>" in text and "C1" in text and "broken.pdf" in text


def test_unknown_output_format_is_refused(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="不支持的输出格式"):
        write_result(run_audit([folder]), tmp_path / "result.txt")


def test_dask_cluster_gives_the_same_result(folder: Path) -> None:
    """Beyond one machine the batch runs on a Dask cluster (here one in this process)."""
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = run_audit([folder], dask_address=cluster.scheduler_address)
    serial = run_audit([folder])
    assert [(e.source, e.status, len(e.findings)) for e in on_dask.entries] == [
        (e.source, e.status, len(e.findings)) for e in serial.entries
    ]


def test_missing_dask_gives_a_clear_message(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = importlib.import_module

    def without_dask(name: str, package: str | None = None) -> object:
        if name.split(".")[0] == "dask":
            raise ImportError(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", without_dask)
    with pytest.raises(AuditError, match="dask"):
        run_audit([folder], dask_address="tcp://127.0.0.1:8786")


def test_cli_summary_and_exit_status(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.xlsx"
    result = runner.invoke(app, ["audit", str(folder), "-o", str(out), "--workers", "2"])
    assert result.exit_code in (EXIT_OK, EXIT_FINDINGS), result.output
    assert "年度报告 3 份" in result.stdout
    assert "C1" in result.stdout
    assert "broken.pdf" in result.stdout
    assert out.exists()


def test_cli_with_nothing_to_audit(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(tmp_path)])
    assert result.exit_code == EXIT_UNREADABLE
    assert "没有找到可审核的文件" in result.stderr


def test_crawled_text_in_the_result_files_is_never_a_formula(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "=HYPERLINK(1).txt").write_text("关于召开会议的通知。" * 5, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_audit(["."])
    write_result(result, tmp_path / "out.xlsx")
    write_result(result, tmp_path / "out.csv")
    sheet = load_workbook(tmp_path / "out.xlsx")["文件"]
    names = [c for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert names and all(c.data_type == "s" for c in names)
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0].startswith("'") and "HYPERLINK" in rows[1][0]
