"""Rendered annual reports of the test tree's agencies, to upload into audit projects."""

from __future__ import annotations

import io
import zipfile

from gongkai.render import render
from tests.rules.builders import report


def report_file(agency: str, year: int, *, review_total: int = 1, target: str = "html") -> bytes:
    """A consistent report, except that 行政复议 总计 is ``review_total`` (1 is consistent)."""
    built = report(year=year, agency=agency)
    assert built.table4 is not None
    built.table4 = [*built.table4[:4], review_total, *built.table4[5:]]
    return render(built, target)


def zip_of(files: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
