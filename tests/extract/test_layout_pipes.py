"""Pipe-flattened cells ``X |`` with ``|`` for a blank and ``||`` spacers (seed 002)."""

from __future__ import annotations

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import report_rows, table3_2021, text_document


def test_pipes_with_spacers_and_a_blank_cell() -> None:
    lines = ["二、主动公开政府信息情况", "信息内容 |", "本年制发件数 |"]
    for label, values in report_rows():
        lines.append(f"{label} |")
        cells = [f"{v} |" for v in values]
        if label == "（一）予以公开":
            cells[1] = "|"
        lines += [*cells, "||"]
    reading = read_tables(text_document("\n".join(lines)), 2021)
    expected = table3_2021()
    expected["granted"][1] = None  # type: ignore[call-overload]
    assert reading.table3 == expected
