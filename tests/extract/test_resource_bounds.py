"""Hostile files are refused by what they are and by bytes actually read, within bounds."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import gongkai.cli.extract  # registers the commands
import gongkai.cli.report  # noqa: F401
from gongkai.cli.app import EXIT_UNREADABLE, app
from gongkai.extract import Extraction, Failure, extract_all_bytes, extract_path
from gongkai.extract.audit import run_audit
from gongkai.extract.loaders.docx import load_docx
from gongkai.extract.loaders.limits import MAX_DOCUMENT_CHARS, MAX_PDF_INFLATED_BYTES
from gongkai.extract.loaders.pdf_streams import inflated_size
from tests.extract.reports import report_docx, report_text

runner = CliRunner()


def _only_failure(path: str | Path) -> Failure:
    [outcome] = extract_path(path)
    assert isinstance(outcome, Failure) and outcome.kind == "unreadable", outcome
    return outcome


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_that_reports_size_zero_is_refused_without_reading() -> None:
    assert "设备文件" in _only_failure("/dev/zero").message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    # In a child process: if opening blocked, the timeout would fail the test, not hang it.
    code = (
        f"from gongkai.extract import extract_path; print(extract_path({str(fifo)!r})[0].message)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "命名管道" in result.stdout


def test_a_symlink_loop_in_an_audited_folder_is_listed_as_unreadable(tmp_path: Path) -> None:
    (tmp_path / "2023.txt").write_text(report_text(), encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    result = run_audit([tmp_path])
    reasons = {Path(e.source).name: e.message for e in result.failures}
    assert reasons.keys() == {"loop.txt", "gone.txt"}
    assert "符号链接循环" in (reasons["loop.txt"] or "")
    assert "文件不存在" in (reasons["gone.txt"] or "")
    assert len(result.reports) == 1


def _pdf(content: bytes, filters: int = 1) -> bytes:
    """A one-page PDF whose content stream is FlateDecode-compressed ``filters`` times."""
    stream = content
    for _ in range(filters):
        stream = zlib.compress(stream, 9)
    names = b" ".join([b"/FlateDecode"] * filters)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter [%s] >>\nstream\n%s\nendstream" % (len(stream), names, stream),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_a_flate_bomb_pdf_is_refused_before_pdfium_inflates_it() -> None:
    bomb = _pdf(b"BT ET\n" + b" " * (MAX_PDF_INFLATED_BYTES + 1024))
    assert len(bomb) < MAX_PDF_INFLATED_BYTES // 500
    [outcome] = extract_all_bytes(bomb, "bomb.pdf")
    assert isinstance(outcome, Failure) and "压缩炸弹" in outcome.message


def test_a_bomb_compressed_twice_is_measured_through_both_layers() -> None:
    bomb = _pdf(b" " * (MAX_PDF_INFLATED_BYTES + 1024), filters=2)
    assert inflated_size(bomb, MAX_PDF_INFLATED_BYTES) > MAX_PDF_INFLATED_BYTES


def test_an_ordinary_pdf_stream_is_counted_at_its_size() -> None:
    assert inflated_size(_pdf(b"BT ET\n" * 1000), MAX_PDF_INFLATED_BYTES) == 6000


def test_a_text_longer_than_any_report_is_refused_before_its_lines_are_built() -> None:
    data = ("政务公开" * (MAX_DOCUMENT_CHARS // 4 + 1)).encode("utf-8")
    [outcome] = extract_all_bytes(data, "long.txt")
    assert isinstance(outcome, Failure) and "文字过长" in outcome.message


def _with_grid_span(docx: bytes, value: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                assert b'w:gridSpan w:val="' in data
                data = data.replace(b'w:gridSpan w:val="', b'w:gridSpan w:val="' + value, 1)
            target.writestr(member, data)
    return out.getvalue()


@pytest.mark.parametrize("value", [b"x", b"99999999"])
def test_a_docx_cell_span_that_is_not_a_small_number_is_read_as_one_column(value: bytes) -> None:
    document = load_docx(_with_grid_span(report_docx(), value), "report.docx")
    assert any("合并单元格的列数" in warning for warning in document.warnings)
    [outcome] = extract_all_bytes(_with_grid_span(report_docx(), value), "report.docx")
    assert isinstance(outcome, Extraction)  # the rest of the report is still read


def test_json_nested_a_hundred_thousand_deep_is_bad_input(tmp_path: Path) -> None:
    deep = b'{"schema": "gongkai.annual-report/1", "table2": ' + b"[" * 100_000 + b"]" * 100_000
    path = tmp_path / "deep.json"
    path.write_bytes(deep + b"}")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == EXIT_UNREADABLE
    assert "嵌套层数过深" in result.output
    assert "嵌套层数过深" in _only_failure(path).message
    [dump] = extract_all_bytes(b"[" * 100_000 + b"]" * 100_000, "records.json")
    assert isinstance(dump, Failure) and "嵌套层数过深" in dump.message


def test_a_json_number_longer_than_pythons_int_limit_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b'{"schema": "gongkai.annual-report/1", "year": ' + b"9" * 5000 + b"}")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == EXIT_UNREADABLE and "位数过多" in result.output
    assert "位数过多" in _only_failure(path).message


def test_every_report_of_a_crawler_dump_is_written_with_its_provenance(tmp_path: Path) -> None:
    dump = tmp_path / "records.csv"
    rows = "".join(f'"r{i}","{report_text()}"\n' for i in range(3))
    dump.write_text('"标题","正文"\n' + rows, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(dump), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all('"provenance"' in line for line in lines)
