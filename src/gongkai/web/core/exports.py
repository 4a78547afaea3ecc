"""A table as a download: XLSX (write-only, streams rows) or CSV that Excel opens right.

Every export of the platform goes through here, so every cell is written safely: text is
never a formula (``gongkai.safecells``), whatever an applicant typed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import Http404, HttpResponse
from openpyxl import Workbook

from gongkai.safecells import csv_row, xlsx_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("xlsx", "csv")


def table_download(
    fmt: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], filename: str
) -> HttpResponse:
    """``filename`` without its extension; ``fmt`` is one of ``FORMATS`` (else 404)."""
    if fmt not in FORMATS:
        raise Http404(f"不支持的导出格式：{fmt}")
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
        writer = csv.writer(buffer)
        writer.writerow(csv_row(headers))
        for row in rows:
            writer.writerow(csv_row(row))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        book = Workbook(write_only=True)
        page = book.create_sheet(sheet)
        page.append(xlsx_row(page, headers))
        for row in rows:
            page.append(xlsx_row(page, row))
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
