"""The bulk files of a year: the same cells in JSON Lines, CSV and XLSX, read back."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from gongkai import opendata
from gongkai.formats import FORMAT_2021
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.opendata.cells import cell_rows
from gongkai.report import loads
from tests.opendata.reports import full_report, published

CELLS_2021 = (
    sum(len(row.columns) for row in FORMAT_2021.table2.rows)
    + len(FORMAT_2021.table3.rows) * len(APPLICANT_COLUMNS)
    + TABLE4.size
)


def _files(*reports: opendata.PublishedReport, year: int = 2024) -> dict[str, opendata.BulkFile]:
    return {f.kind: f for f in opendata.year_files(year, reports)}


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_every_printed_cell_is_one_row_in_the_formats_order() -> None:
    report = full_report("甲局", 2024)
    rows = list(cell_rows(report))
    assert len(rows) == CELLS_2021 == 200
    first, granted = rows[0], next(r for r in rows if r.item == "table3.granted.natural_person")
    assert (first.item, first.row_label, first.column_label) == (
        "table2.regulations.issued",
        "规章",
        "本年制发件数",
    )
    assert granted.value == report.table3["granted"][0]  # type: ignore[index]
    assert granted.row_label.startswith("（一）予以公开")
    review = next(r for r in rows if r.item == "table4.suit_after_review.corrected")
    assert review.row_label == "行政诉讼·复议后起诉" and review.value == report.table4[11]  # type: ignore[index]


def test_blank_text_and_unprinted_tables_stay_what_they_are() -> None:
    report = full_report("甲局", 2024)
    report.table3["granted"][1] = None  # type: ignore[index]
    report.table3["granted"][2] = "/"  # type: ignore[index]
    report.table2["fees"] = [Decimal("3.168")]  # type: ignore[index]
    report.table4 = None  # not printed at all (E6)
    cells = {r.item: r for r in cell_rows(report)}
    blank, slash = cells["table3.granted.commercial"], cells["table3.granted.research"]
    assert (blank.value, blank.text, blank.state) == (None, None, "blank")
    assert (slash.value, slash.text, slash.state) == (None, "/", "text")
    assert cells["table2.fees.amount"].value == Decimal("3.168")
    assert not [item for item in cells if item.startswith("table4.")]
    rows = {r["item"]: r for r in _csv_rows(_files(published(report, "1"))["csv"].content)}
    assert rows["table3.granted.commercial"]["value"] == ""  # blank is not 0
    assert rows["table3.granted.research"]["text"] == "/"
    assert rows["table2.fees.amount"]["value"] == "3.168"


def test_csv_and_xlsx_have_the_same_columns_and_values() -> None:
    reports = [
        published(full_report(name, 2024, seed=i), str(i)) for i, name in enumerate("甲乙", 1)
    ]
    files = _files(*reports)
    csv_rows = _csv_rows(files["csv"].content)
    sheet = load_workbook(io.BytesIO(files["xlsx"].content), read_only=True)["数据"]
    xlsx_rows = list(sheet.iter_rows(values_only=True))
    assert list(xlsx_rows[0]) == list(csv_rows[0]) == list(opendata.HEADERS)
    assert len(xlsx_rows) - 1 == len(csv_rows) == 2 * CELLS_2021
    for row, printed in zip(xlsx_rows[1:], csv_rows, strict=True):
        as_text = ["" if v is None else str(v) for v in row]
        assert as_text == list(printed.values())
    assert {r["agency"] for r in csv_rows} == {"甲", "乙"}
    assert files["csv"].reports == files["xlsx"].reports == 2


def test_jsonl_lines_are_canonical_reports_with_their_details() -> None:
    report = full_report("甲局", 2024, "2021")
    report.sections = {"1": "总体情况。"}
    line_file = _files(published(report, "7", on=date(2025, 1, 21)))["jsonl"]
    lines = line_file.content.decode("utf-8").splitlines()
    assert len(lines) == 1
    back = loads(lines[0])
    assert back.table3 == report.table3 and back.table4 == report.table4
    assert back.published == date(2025, 1, 21) and back.sections == {"1": "总体情况。"}
    meta = json.loads(lines[0])[opendata.META_KEY]
    assert meta == {
        "agency_id": "7",
        "agency_name": "甲局",
        "region": "江淮省",
        "agency_kind": "department",
        "scope": "agency",
        "version": 1,
        "published": "2025-01-21",
    }


def test_only_the_years_reports_and_a_checksum_of_the_bytes() -> None:
    this, other = (
        published(full_report("甲局", 2024), "1"),
        published(full_report("乙局", 2023), "2"),
    )
    files = _files(this, other)
    assert {f.reports for f in files.values()} == {1}
    assert "乙局" not in files["csv"].content.decode("utf-8")
    for file in files.values():
        assert file.sha256 == hashlib.sha256(file.content).hexdigest()
    sums = opendata.sha256sums((f.name, f.sha256) for f in files.values())
    assert f"{files['csv'].sha256}  gongkai-annual-reports-2024.csv\n" in sums
    again = _files(other, this)  # the order given does not change the bytes
    assert again["csv"].content == files["csv"].content
    assert again["jsonl"].content == files["jsonl"].content


def test_formula_like_text_cannot_run_in_a_spreadsheet() -> None:
    report = full_report('=HYPERLINK("http://x")', 2024)
    report.table3["granted"][0] = "=1+1"  # type: ignore[index]
    files = _files(published(report, "1"))
    rows = _csv_rows(files["csv"].content)
    assert rows[0]["agency"] == '\'=HYPERLINK("http://x")'
    assert next(r for r in rows if r["item"] == "table3.granted.natural_person")["text"] == "'=1+1"
    sheet = load_workbook(io.BytesIO(files["xlsx"].content))["数据"]
    assert sheet["C2"].data_type == "s" and sheet["C2"].value.startswith("=HYPERLINK")
