"""Read yearly table-2 figures from an XLSX sheet, with errors naming the cell.

The first row is a header; columns are found by their header text, so their order does not
matter: 机关名称 (optional: the importing agency), 年度, 行政许可, 行政处罚, 行政强制,
行政事业性收费（万元）. A blank cell stays blank ("not known"), never 0.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from gongkai.text import label_key

# Header text (normalised) → field; the first header that contains the words wins.
HEADERS: tuple[tuple[str, str], ...] = (
    ("机关", "agency_name"),
    ("年度", "year"),
    ("年份", "year"),
    ("行政许可", "licensing"),
    ("行政处罚", "penalty"),
    ("行政强制", "coercion"),
    ("收费", "fees_10k_yuan"),
)
REQUIRED = ("year",)


@dataclass(frozen=True)
class FigureRow:
    where: str  # 第 N 行
    agency_name: str
    year: int
    licensing: int | None
    penalty: int | None
    coercion: int | None
    fees_10k_yuan: Decimal | None


def _columns(header: tuple[object, ...], filename: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        label = label_key(str(text or ""))
        for words, field in HEADERS:
            if words in label and field not in found:
                found[field] = index
                break
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        raise ValidationError(f"{filename}：表头缺少“年度”列")
    return found


def _count(value: object, where: str, label: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{where}：{label}应为非负整数")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or value < 0:
        raise ValidationError(f"{where}：{label}应为非负整数，实际是“{value}”")
    return value


def _amount(value: object, where: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip().removesuffix("万元"))
    except InvalidOperation:
        raise ValidationError(f"{where}：收费金额应为数字（万元），实际是“{value}”") from None
    if amount < 0:
        raise ValidationError(f"{where}：收费金额不能为负数")
    return amount


def read_figures_xlsx(data: bytes, filename: str) -> list[FigureRow]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError(f"{filename}：不是有效的 XLSX 文件") from None
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        raise ValidationError(f"{filename}：工作表为空")
    columns = _columns(rows[0], filename)
    labels = {"licensing": "行政许可", "penalty": "行政处罚", "coercion": "行政强制"}
    out: list[FigureRow] = []
    for number, values in enumerate(rows[1:], start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue

        def cell(field: str, values: tuple[object, ...] = values) -> object:
            index = columns.get(field)
            return values[index] if index is not None and index < len(values) else None

        def place(field: str, number: int = number) -> str:
            return f"第 {number} 行 {get_column_letter(columns[field] + 1)} 列"

        year = _count(cell("year"), place("year"), "年度")
        if year is None or not 2008 <= year <= 2100:
            raise ValidationError(f"{filename} {place('year')}：年度应为四位年份")
        counts = {
            field: _count(cell(field), place(field), label) if field in columns else None
            for field, label in labels.items()
        }
        fees = (
            _amount(cell("fees_10k_yuan"), place("fees_10k_yuan"))
            if "fees_10k_yuan" in columns
            else None
        )
        out.append(
            FigureRow(
                where=f"第 {number} 行",
                agency_name=str(cell("agency_name") or "").strip(),
                year=year,
                fees_10k_yuan=fees,
                **counts,
            )
        )
    if not out:
        raise ValidationError(f"{filename}：没有数据行")
    return out
