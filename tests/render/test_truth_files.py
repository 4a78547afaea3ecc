"""Every verified truth file renders, and the rendered tables read back equal to it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from gongkai.render import render
from gongkai.report.canonical import load
from tests.render.htmltables import parse
from tests.render.readback import assert_cells_equal, same
from tests.render.test_docx import _tables as docx_tables
from tests.render.test_xlsx import SHEETS, _expanded, _read

pytestmark = pytest.mark.shared

_KEYS = ("table2", "table3", "table4")
# DOCX is the slowest: a 2021 report printing the 2019-style row, a 2019 report, and
# reports with tables missing.
_DOCX_SAMPLES = ("013", "008", "027", "028")


def _truth_files(shared_data: Path) -> list[Path]:
    return sorted((shared_data / "reports").glob("*.truth.json"))


def test_html_tables_of_every_truth_file_equal_the_json(shared_data: Path) -> None:
    for path in _truth_files(shared_data):
        report = load(path)
        tables = {t.cls: t.expanded() for t in parse(render(report, "html").decode()).tables}
        assert set(tables) == {k for k in _KEYS if getattr(report, k) is not None}, path.name
        assert_cells_equal(report, tables)


def test_xlsx_of_every_truth_file_equals_the_json(shared_data: Path) -> None:
    for path in _truth_files(shared_data):
        report = load(path)
        wb = load_workbook(io.BytesIO(render(report, "xlsx")))
        tables = {
            key: _expanded(wb[name])
            for key, name in zip(_KEYS, SHEETS, strict=True)
            if getattr(report, key) is not None
        }
        assert_cells_equal(report, tables, _read, same)


@pytest.mark.parametrize("number", _DOCX_SAMPLES)
def test_docx_of_sample_truth_files_equals_the_json(shared_data: Path, number: str) -> None:
    report = load(shared_data / "reports" / f"{number}.truth.json")
    doc = Document(io.BytesIO(render(report, "docx")))
    assert_cells_equal(report, docx_tables(doc))
