"""Spreadsheet cells that stay text: exported text is data, never a formula.

Text typed by applicants or read from published documents may begin with ``=``, ``+``,
``-`` or ``@`` (or a tab or carriage return before one); a spreadsheet program opening the
file would run it as a formula (``=HYPERLINK(...)`` leaks data, ``=cmd|...`` runs programs).
XLSX cells are written with the string type, which no program evaluates; CSV has no types,
so such text gets the conventional leading apostrophe (OWASP "CSV injection").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"


def csv_text(value: Any) -> Any:
    """The value for a CSV cell: None as empty, formula-like text with a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return NEUTRALISER + value
    return value


def csv_row(row: Iterable[Any]) -> list[Any]:
    return [csv_text(value) for value in row]


def xlsx_row(sheet: Worksheet | WriteOnlyWorksheet, row: Sequence[Any]) -> list[Any]:
    """The row for ``sheet.append``: every text as a string cell, other values as they are."""
    cells: list[Any] = []
    for value in row:
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            cells.append(cell)
        else:
            cells.append(value)
    return cells
