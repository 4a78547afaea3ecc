"""Arbitrary text never crashes table recognition, and finishes quickly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.extract.document import Document
from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import T3_LABELS_2021, grid, report_rows, text_document

_WORDS = [label for label, _ in report_rows()] + [label for _, label in T3_LABELS_2021] + [
    "|", "||", " ", "\n", "\n\n\n", "0", "00000000000000000", "12", "+3", "-1", "5.5万元",
    "第二十条第（一）项", "行政复议", "结果维持", "总计", "四、政府信息公开行政复议、行政诉讼情况",
    "| 1 | 2 |", "|---|", "件", "　",
]  # fmt: skip


@settings(max_examples=150, deadline=2000)
@given(
    st.lists(st.sampled_from(_WORDS) | st.text(max_size=20), max_size=80), st.integers(2018, 2026)
)
def test_random_documents(words: list[str], year: int) -> None:
    reading = read_tables(text_document("".join(words)), year)
    for table in (reading.table2, reading.table3):
        for values in (table or {}).values():
            assert isinstance(values, list)
    assert reading.table4 is None or len(reading.table4) == 15


@settings(max_examples=100, deadline=2000)
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    read_tables(text_document(text), None)


_CELLS = st.sampled_from(["", "0", "7", "12", "+3", "-", "规章", "总计", "（七）总计", "行政复议"])


@settings(max_examples=100, deadline=2000)
@given(st.lists(st.lists(_CELLS | st.text(max_size=8), max_size=12), max_size=30))
def test_random_grids(rows: list[list[str]]) -> None:
    reading = read_tables(Document("x.html", "html", [], [grid(rows)]), 2022)
    assert reading.table4 is None or len(reading.table4) == 15
