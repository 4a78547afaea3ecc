"""Bad input gets a clear Chinese reason in bounded time; nothing crashes or hangs."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.extract import Extraction, Failure, extract_all_bytes, extract_path
from gongkai.extract.loaders.limits import MAX_FILE_BYTES
from tests.extract.pdfs import encrypted_pdf, png, render
from tests.extract.reports import report_text


def _failure(path: Path) -> Failure:
    started = time.monotonic()
    [outcome] = extract_path(path)
    assert time.monotonic() - started < 10
    assert isinstance(outcome, Failure) and not outcome.not_a_report
    assert str(path) in outcome.message
    return outcome


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "文件为空" in _failure(path).message


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(256)) * 64)
    assert "不是文本文件" in _failure(path).message


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * 1024 * 1024)
    assert "文件过大" in _failure(path).message


def test_oversized_bytes_are_refused() -> None:
    [outcome] = extract_all_bytes(b"a" * (MAX_FILE_BYTES + 1), "huge.txt")
    assert isinstance(outcome, Failure) and "文件过大" in outcome.message


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer <<>>\n")
    assert "PDF" in _failure(path).message


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    path.write_bytes(encrypted_pdf())
    assert "加密" in _failure(path).message


def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(render(f'<img src="{png()}"><img src="{png()}">'))
    assert "OCR" in _failure(path).message


def test_zip_bomb_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" * (20 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert "压缩炸弹" in _failure(path).message


def test_pdf_named_txt_is_read_by_its_signature(tmp_path: Path) -> None:
    path = tmp_path / "misnamed.txt"
    path.write_bytes(b"%PDF-1.4\nnot really")
    assert "PDF" in _failure(path).message


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, ".doc"),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64, "OCR"),
        ("report.ofd", b"PKsomething", "OFD"),
    ],
)
def test_unsupported_formats_say_what_to_do(name: str, data: bytes, reason: str) -> None:
    [outcome] = extract_all_bytes(data, name)
    assert isinstance(outcome, Failure) and reason in outcome.message


@settings(max_examples=120, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=3000),
    st.sampled_from(["fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.csv", "fuzz.json", "fuzz"]),
)
def test_fuzz_any_bytes_give_an_outcome(data: bytes, name: str) -> None:
    outcomes = extract_all_bytes(data, name)
    assert outcomes
    for outcome in outcomes:
        assert isinstance(outcome, Extraction | Failure)
        if isinstance(outcome, Failure):
            assert outcome.message.startswith(name)


_REPORT_LINES = report_text().splitlines()


@settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(_REPORT_LINES), st.text(max_size=40)), min_size=1, max_size=80
    ),
    st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    st.sampled_from(["mangled.txt", "mangled.html"]),
)
def test_fuzz_mangled_reports_never_crash(lines: list[str], encoding: str, name: str) -> None:
    text = "\n".join(lines)
    if name.endswith(".html"):
        text = "".join(f"<p>{line}</p>" for line in lines)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    for outcome in extract_all_bytes(data, name):
        if isinstance(outcome, Extraction):
            report = outcome.report
            assert report.table3 is None or all(len(v) == 7 for v in report.table3.values())
            assert isinstance(outcome.to_json(), str)
