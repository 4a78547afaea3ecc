"""Yearly figures (行政许可/处罚/强制 decisions, 收费): entered or imported from XLSX."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook

from gongkai.web.registers import services
from gongkai.web.registers.models import YearFigure
from gongkai.web.registers.statistics import year_figures
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER = ["机关名称", "年度", "行政许可", "行政处罚", "行政强制", "行政事业性收费（万元）"]


def test_import_notes_the_source_and_keeps_blanks(tree: Tree) -> None:
    user = make_user("s", "head", tree.city)
    data = _xlsx([HEADER, ["临川市人民政府", 2024, 120, 8, None, 12.5], [None, 2023, 100, 0, 0, 0]])
    saved = services.import_year_figures(
        data, filename="统计.xlsx", by=user, default_agency=tree.city
    )
    assert len(saved) == 2
    f2024 = YearFigure.objects.get(agency=tree.city, year=2024)
    assert (f2024.licensing, f2024.penalty, f2024.coercion) == (120, 8, None)
    assert f2024.fees_10k_yuan == Decimal("12.5")
    assert f2024.source == "导入：统计.xlsx 第 2 行"
    # Re-importing replaces, it does not duplicate.
    services.import_year_figures(data, filename="统计.xlsx", by=user, default_agency=tree.city)
    assert YearFigure.objects.filter(agency=tree.city).count() == 2


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["机关名称", "行政许可"], ["临川市人民政府", 1]], "缺少“年度”列"),
        ([HEADER, ["临川市人民政府", 2024, -3, 0, 0, 0]], "第 2 行 C 列：行政许可应为非负整数"),
        ([HEADER, ["临川市人民政府", 2024, 1, 0, 0, "很多"]], "第 2 行 F 列：收费金额应为数字"),
        ([HEADER, ["不存在的机关", 2024, 1, 0, 0, 0]], "找不到机关“不存在的机关”"),
        ([HEADER, ["临川市人民政府", "去年", 1, 0, 0, 0]], "第 2 行 B 列"),
    ],
)
def test_bad_sheets_name_the_cell(tree: Tree, rows: list[list[object]], message: str) -> None:
    user = make_user("s", "head", tree.city)
    with pytest.raises(ValidationError, match=message):
        services.import_year_figures(
            _xlsx(rows), filename="x.xlsx", by=user, default_agency=tree.city
        )
    assert not YearFigure.objects.exists()  # all rows or none


def test_not_an_xlsx(tree: Tree) -> None:
    user = make_user("s", "head", tree.city)
    with pytest.raises(ValidationError, match="不是有效的 XLSX"):
        services.import_year_figures(b"hello", filename="x.xlsx", by=user)


def test_import_into_another_agency_is_refused(tree: Tree) -> None:
    user = make_user("s", "head", tree.city)
    data = _xlsx([HEADER, ["宁远市人民政府", 2024, 1, 0, 0, 0]])
    with pytest.raises(PermissionDenied):
        services.import_year_figures(data, filename="x.xlsx", by=user)


def test_region_sum_keeps_unknown_blank(tree: Tree) -> None:
    city = make_user("a", "head", tree.city)
    dept = make_user("b", "head", tree.city_dept)
    services.set_year_figures(
        agency=tree.city,
        year=2024,
        by=city,
        licensing=5,
        penalty=None,
        coercion=1,
        fees_10k_yuan=None,
    )
    services.set_year_figures(
        agency=tree.city_dept,
        year=2024,
        by=dept,
        licensing=7,
        penalty=None,
        coercion=None,
        fees_10k_yuan=Decimal("1.5"),
    )
    figures, ids = year_figures([tree.city.pk, tree.city_dept.pk], 2024)
    assert (figures.licensing, figures.penalty, figures.coercion) == (12, None, 1)
    assert figures.fees_10k_yuan == Decimal("1.5")
    assert len(ids) == 2
