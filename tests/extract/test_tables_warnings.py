"""Missing, relabelled and unrecognised rows are reported, not guessed."""

from __future__ import annotations

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import report_rows, text_document


def _columns(rows: list[tuple[str, list[object]]]) -> str:
    return "\n".join(f"{label}    {'  '.join(str(v) for v in values)}" for label, values in rows)


def test_missing_row_is_reported() -> None:
    rows = [r for r in report_rows() if r[0] != "7.属于行政执法案卷"]
    reading = read_tables(text_document(_columns(rows)), 2021)
    assert reading.table3 is not None and "denied_7" not in reading.table3
    assert "表三缺少「7.属于行政执法案卷」行" in reading.warnings


def test_relabelled_row_is_recorded() -> None:
    rows = [("规范性文件" if label == "行政规范性文件" else label, v) for label, v in report_rows()]
    reading = read_tables(text_document(_columns(rows)), 2021)
    assert reading.labels["table2"] == {"normative_documents": "规范性文件"}


def test_misprinted_label_is_placed_by_order_with_a_warning() -> None:
    rows = [("2.其他法律行政止公开" if label.startswith("2.其他法律") else label, v)
            for label, v in report_rows()]  # fmt: skip
    reading = read_tables(text_document(_columns(rows)), 2021)
    assert reading.table3 is not None and reading.table3["denied_2"] == [0] * 7
    assert any("2.其他法律行政止公开" in w and "归入" in w for w in reading.warnings)


def test_no_tables() -> None:
    reading = read_tables(text_document("一、总体情况\n全年收到信息公开申请1件，答复1件。"), 2019)
    assert reading.format is None
    assert (reading.table2, reading.table3, reading.table4) == (None, None, None)
