"""One cell per line; empty lines carry blank cells (reports 008–011, seed 000)."""

from __future__ import annotations

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import (
    HEAD,
    T3_HEAD,
    T4_HEAD,
    TABLE4,
    TAIL,
    expected_table2,
    report_rows,
    table3_2021,
    text_document,
)  # fmt: skip


def _cells(separator: str) -> str:
    body = [HEAD]
    for label, values in report_rows():
        body.append(separator.join([label, *(str(v) for v in values)]))
        if label == "行政事业性收费":
            body.append(T3_HEAD)
    body.append(T4_HEAD + separator.join(str(v) for v in TABLE4))
    body.append(TAIL)
    return separator.join(body)


def test_one_cell_per_line() -> None:
    reading = read_tables(text_document(_cells("\n")), 2021)
    assert reading.format == "2021"
    assert reading.table2 == expected_table2()
    assert reading.table3 == table3_2021()
    assert reading.table4 == TABLE4
    assert reading.ambiguous == []


def test_blank_lines_between_cells_and_a_blank_cell() -> None:
    text = _cells("\n\n\n").replace(
        "（一）予以公开\n\n\n9\n\n\n1", "（一）予以公开\n\n\n\n\n\n9\n\n\n1"
    )
    reading = read_tables(text_document(text), 2021)
    assert reading.table3 is not None
    assert reading.table3["granted"][:3] == [None, 9, 1]
