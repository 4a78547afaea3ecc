"""compare(last, this): 重复率 per section, 增减值/增减率 per cell, C1–C3."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest

from gongkai.compare import compare
from gongkai.extract import extract_file
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report import AnnualReport, numeric
from gongkai.report.canonical import from_dict
from tests.rules import builders


def test_same_report_twice_is_fully_repeated_and_unchanged() -> None:
    report = builders.report()
    result = compare(report, copy.deepcopy(report))
    assert [s.repeated for s in result.sections] == [1.0] * 6
    assert result.repeated == 1.0
    assert all(c.change == 0 for c in result.cells)


def test_a_changed_cell_has_its_change_and_rate() -> None:
    last = builders.report(year=2022)
    this = builders.changed(builders.report(), "table2", "licensing", 0, 150)
    delta = compare(last, this).cell("table2", "licensing", "decisions")
    assert delta is not None
    assert (delta.last, delta.this, delta.change, delta.rate) == (120, 150, 30, Decimal("0.25"))
    assert delta.to_dict()["rate"] == 0.25


@pytest.mark.parametrize(
    ("last", "this", "change", "rate"),
    [(0, 4, 4, None), (None, 4, None, None), (3, None, None, None), ("/", 4, None, None)],
)
def test_blank_text_and_zero_give_no_rate(
    last: object, this: object, change: object, rate: object
) -> None:
    before = builders.changed(builders.report(year=2022), "table2", "penalty", 0, last)  # type: ignore[arg-type]
    now = builders.changed(builders.report(), "table2", "penalty", 0, this)  # type: ignore[arg-type]
    delta = compare(before, now).cell("table2", "penalty", "decisions")
    assert delta is not None
    assert (delta.change, delta.rate) == (change, rate)


def test_new_text_is_not_repeated_and_copied_text_is_marked() -> None:
    last = builders.report(year=2022)
    this = builders.report()
    copied = builders.SECTIONS["1"]
    this.sections = {
        **builders.SECTIONS,
        "1": "今年新开设了政务公开专区，全面梳理公开目录。" + copied,
    }
    this.sections["5"] = "全新的问题表述与此前完全不同，整改措施另起炉灶。"
    result = compare(last, this)
    first, fifth = result.sections[0], result.sections[4]
    assert fifth.repeated == 0.0 and fifth.passages == ()
    assert first.repeated is not None and 0.5 < first.repeated < 1.0
    assert [first.text[a:b] for a, b in first.passages] == [copied]


def test_figures_changed_in_copied_text_still_count_as_repeated() -> None:
    last = builders.report(year=2022)
    this = builders.report()
    assert this.sections is not None
    this.sections["1"] = builders.SECTIONS["1"].replace("120", "356")
    assert compare(last, this).sections[0].repeated == 1.0


def test_cross_year_findings_are_c_rules_only() -> None:
    # Last year's 现行有效 fits this year's: 18 + 3 issued - 1 repealed = 20.
    last = builders.changed(builders.report(year=2022), "table2", "normative_documents", 2, 18)
    assert compare(last, builders.report()).findings == ()
    this = builders.changed(builders.report(), "table3", "carried_over", 0, 5)
    assert [(f.rule, f.column) for f in compare(last, this).findings] == [("C1", "natural_person")]


def test_to_dict_is_json() -> None:
    result = compare(builders.report(year=2022), builders.report())
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["this"]["year"] == 2023 and len(data["sections"]) == 6
    assert {c["table"] for c in data["cells"]} == {"table2", "table3", "table4"}


# --- the shared development reports ---------------------------------------------------


def _truth(shared_data, name: str) -> AnnualReport:  # type: ignore[no-untyped-def]
    return from_dict(
        json.loads((shared_data / "reports" / f"{name}.truth.json").read_text("utf-8"))
    )


def test_012_to_013_deltas_equal_the_truth_files(shared_data) -> None:  # type: ignore[no-untyped-def]
    reports = shared_data / "reports"
    last, this = _truth(shared_data, "012"), _truth(shared_data, "013")
    result = compare(
        extract_file(reports / "012.pdf").report, extract_file(reports / "013.pdf").report
    )
    checked = 0
    for delta in result.cells:
        before = _truth_cell(last, delta.table, delta.row, delta.column)
        now = _truth_cell(this, delta.table, delta.row, delta.column)
        if before is None or now is None:
            continue
        assert delta.change == now - before, (delta.table, delta.row, delta.column)
        checked += 1
    assert checked >= 150  # tables 2, 3 and 4 are all numeric in both years
    assert all(s.repeated is not None for s in result.sections)


def _truth_cell(report: AnnualReport, table: str, row: str, column: str):  # type: ignore[no-untyped-def]
    if table == "table4":
        keys = [b.key for b in TABLE4.blocks]
        index = keys.index(row) * len(TABLE4.columns) + [c.key for c in TABLE4.columns].index(
            column
        )
        return numeric((report.table4 or [])[index])
    values = getattr(report, table) or {}
    if row not in values:
        return None
    if table == "table3":
        return numeric(values[row][[c.key for c in APPLICANT_COLUMNS].index(column)])
    spec = report.fmt.table2.rows  # type: ignore[union-attr]
    columns = next(r.columns for r in spec if r.key == row)
    index = [c.key for c in columns].index(column)
    return numeric(values[row][index], columns[index].kind)


def test_013_against_itself_is_100_percent(shared_data) -> None:  # type: ignore[no-untyped-def]
    report = extract_file(shared_data / "reports" / "013.pdf").report
    result = compare(report, report)
    assert all(s.repeated == 1.0 for s in result.sections if s.text)
    assert all(c.change == 0 for c in result.cells if c.change is not None)
