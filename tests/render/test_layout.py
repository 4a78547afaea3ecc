"""The shared layout: every grid is a full rectangle and holds each JSON cell once, in order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.render.layout import Grid, Role, display, report_layout
from gongkai.report.model import AnnualReport
from tests.render.reports import report_2019, report_2021


def _assert_tiles(grid: Grid) -> None:
    covered: dict[tuple[int, int], int] = {}
    for i, cell in enumerate(grid.cells):
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                assert (r, c) not in covered, f"{grid.key}: cells {covered[r, c]} and {i} overlap"
                covered[r, c] = i
    assert len(covered) == grid.width * grid.height, f"{grid.key} has holes"
    assert len(grid.widths) == grid.width


def _grids(report: AnnualReport) -> dict[str, Grid]:
    return {
        s.table.key: s.table.grid
        for s in report_layout(report).sections
        if s.table is not None and s.table.grid is not None
    }


def _json_cells(report: AnnualReport, key: str) -> list[object]:
    table = getattr(report, key)
    return list(table) if key == "table4" else [v for row in table.values() for v in row]


@pytest.mark.parametrize("make", [report_2021, report_2019])
def test_grids_tile_and_hold_every_value_once(make) -> None:  # type: ignore[no-untyped-def]
    report = make()
    for key, grid in _grids(report).items():
        _assert_tiles(grid)
        values = [c.value for c in grid.cells if c.role is Role.VALUE]
        assert sorted(map(repr, values)) == sorted(map(repr, _json_cells(report, key)))


def test_table3_rows_follow_the_format_and_foreign_rows_sit_where_their_format_puts_them() -> None:
    grid = _grids(report_2021())["table3"]
    labels = [c.text for c in sorted(grid.cells, key=lambda c: c.row) if c.role is Role.LABEL]
    assert labels[-4:] == [
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理",
        "（七）总计",
        "四、结转下年度继续办理",
    ]


def test_an_unknown_wide_row_keeps_all_its_values() -> None:
    report = report_2021()
    assert report.table3 is not None
    report.table3["local"] = list(range(9))
    grid = _grids(report)["table3"]
    _assert_tiles(grid)
    assert grid.width == 3 + 9


def test_display_keeps_blank_text_sign_and_decimals() -> None:
    assert display(None) == ""
    assert display("/") == "/"
    assert display("+3") == "+3"
    assert display(-2) == "-2"
    assert display(0) == "0"
    assert display(Decimal("7545.00")) == "7545.00"
    assert display(Decimal("1E+1")) == "10"


def test_report_without_format_or_year_uses_the_current_format() -> None:
    report = report_2021()
    report.format = report.year = None
    layout = report_layout(report)
    assert [s.number for s in layout.sections] == ["1", "2", "3", "4", "5", "6"]
    assert layout.title == f"{report.agency}政府信息公开工作年度报告"


@pytest.mark.parametrize("make", [report_2021, report_2019])
def test_every_value_cell_points_back_to_its_json_cell(make) -> None:  # type: ignore[no-untyped-def]
    """Pages link each cell to its records through ``ref`` (row key, index)."""
    report = make()
    for key, grid in _grids(report).items():
        for cell in grid.cells:
            if cell.role is not Role.VALUE:
                assert cell.ref is None
                continue
            assert cell.ref is not None
            row, index = cell.ref
            values = report.table4 if key == "table4" else getattr(report, key)[row]
            assert row == "table4" or key != "table4"
            assert repr(values[index]) == repr(cell.value)
