"""The XLSX re-opened with openpyxl: one sheet per table, numbers as numbers, cells = JSON."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from gongkai.render import render
from gongkai.render.layout import NOT_PUBLISHED
from gongkai.render.xlsx import FIRST_ROW
from gongkai.report.cells import Cell
from gongkai.report.model import AnnualReport
from tests.render.readback import Expanded, assert_cells_equal, same
from tests.render.reports import report_2019, report_2021

SHEETS = [
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
]


def _workbook(report: AnnualReport) -> Any:
    return load_workbook(io.BytesIO(render(report, "xlsx")))


def _expanded(ws: Any) -> Expanded:
    """Each slot of a merged range points at the range's top-left cell."""
    owner: dict[tuple[int, int], Any] = {}
    for merged in ws.merged_cells.ranges:
        top_left = ws.cell(merged.min_row, merged.min_col)
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                owner[row, col] = top_left
    rows = []
    for r in range(FIRST_ROW, ws.max_row + 1):
        cells = [owner.get((r, c)) or ws.cell(r, c) for c in range(1, ws.max_column + 1)]
        rows.append([(cell, cell.value) for cell in cells])
    return rows


def _read(value: object) -> Cell:
    if isinstance(value, float):
        return Decimal(str(value))
    assert value is None or isinstance(value, int | str), value
    return value


@pytest.mark.parametrize("make", [report_2021, report_2019])
def test_every_cell_equals_the_json_and_numbers_are_numbers(make) -> None:  # type: ignore[no-untyped-def]
    report = make()
    wb = _workbook(report)
    tables = {
        key: _expanded(wb[name])
        for key, name in zip(("table2", "table3", "table4"), SHEETS, strict=True)
        if getattr(report, key) is not None
    }
    assert_cells_equal(report, tables, _read, same)


def test_one_sheet_per_table_with_title_and_heading() -> None:
    wb = _workbook(report_2021())
    assert wb.sheetnames == SHEETS
    ws = wb[SHEETS[1]]
    assert ws["A1"].value.endswith("2022年政府信息公开工作年度报告")
    assert ws["A2"].value == "三、收到和处理政府信息公开申请情况"


def test_types_blank_text_decimal_and_signed() -> None:
    wb = _workbook(report_2019())
    ws = wb[SHEETS[0]]
    rows = {row[0].value: row[1:] for row in ws.iter_rows(min_row=FIRST_ROW)}
    licensing = rows["行政许可"]
    assert [c.value for c in licensing] == [120, "+3", 4512]
    assert licensing[1].data_type == "s"  # printed with its sign: text, as in the JSON
    assert isinstance(licensing[0].value, int) and licensing[0].data_type == "n"
    assert rows["其他对外管理服务事项"][1].value == -2  # a signed number stays a number
    assert rows["行政强制"][1].value is None  # blank stays blank, not 0
    amount = rows["政府集中采购"][1]
    assert amount.value == pytest.approx(356.7) and amount.number_format == "0.00"
    wb = _workbook(report_2021())
    rows = {row[0].value: row[1:] for row in wb[SHEETS[0]].iter_rows(min_row=FIRST_ROW)}
    assert rows["行政强制"][0].value == "无" and rows["行政强制"][0].data_type == "s"


def test_headers_are_merged_like_the_national_format() -> None:
    ws = _workbook(report_2021())[SHEETS[1]]
    merged = {str(r) for r in ws.merged_cells.ranges}
    first = FIRST_ROW
    assert f"A{first}:C{first + 2}" in merged  # the 勾稽 note
    assert "勾稽关系" in ws[f"A{first}"].value
    assert f"D{first}:J{first}" in merged and ws[f"D{first}"].value == "申请人情况"
    assert f"E{first + 1}:I{first + 1}" in merged and ws[f"E{first + 1}"].value == "法人或其他组织"
    ws4 = _workbook(report_2021())[SHEETS[2]]
    merged4 = {str(r) for r in ws4.merged_cells.ranges}
    assert f"F{first}:O{first}" in merged4 and ws4[f"F{first}"].value == "行政诉讼"


def test_a_table_not_printed_is_a_note() -> None:
    ws = _workbook(report_2019())[SHEETS[2]]
    assert ws.cell(FIRST_ROW, 1).value == NOT_PUBLISHED
    assert ws.max_row == FIRST_ROW


def test_a_title_or_label_that_looks_like_a_formula_stays_text() -> None:
    report = report_2021()
    report.title = '=HYPERLINK("http://example.invalid","年报")'
    report.labels = {"table3": {"granted": "+1+1"}}
    wb = _workbook(report)
    ws = wb[SHEETS[1]]
    assert ws["A1"].data_type == "s" and ws["A1"].value.startswith("=HYPERLINK")
    labels = [c for row in ws.iter_rows() for c in row if c.value == "+1+1"]
    assert labels and all(c.data_type == "s" for c in labels)
