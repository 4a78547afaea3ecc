"""F1 parent = Σ children, and the corpus-wide chain (C1/C2 per pair, F2 for gaps)."""

from __future__ import annotations

import copy

import pytest

from gongkai.extract import extract_bytes
from gongkai.render import render
from gongkai.report import AnnualReport
from gongkai.rules import Severity
from gongkai.rules.rollup import check_chain, check_rollup, sum_reports

from .builders import SECTIONS, changed, report

AGENCIES = ("某区教育局", "某区卫生健康委员会", "某区市场监督管理局")


def _scaled(base: AnnualReport, factor: int, agency: str) -> AnnualReport:
    """A consistent report whose every figure is ``factor`` times the base report's."""
    result = copy.deepcopy(base)
    result.agency = agency
    for table in (result.table2, result.table3):
        for row in (table or {}).values():
            row[:] = [v * factor if isinstance(v, int) else v for v in row]
    result.table4 = [v * factor if isinstance(v, int) else v for v in base.table4 or []]
    return result


def _children() -> list[AnnualReport]:
    return [_scaled(report(), k + 1, name) for k, name in enumerate(AGENCIES)]


def _region(children: list[AnnualReport]) -> AnnualReport:
    region = sum_reports(children)
    region.agency = "某区人民政府（区域汇总）"
    region.sections = dict(SECTIONS)
    region.published = children[0].published
    return region


def test_the_sum_of_the_children_passes() -> None:
    children = _children()
    assert check_rollup(_region(children), children) == []


@pytest.mark.parametrize("to", ["html", "docx"])
def test_rendered_and_re_extracted_roll_up_passes_and_one_altered_child_cell_is_found(
    to: str,
) -> None:
    children = _children()
    region = _region(children)

    def round_trip(r: AnnualReport, name: str) -> AnnualReport:
        return extract_bytes(render(r, to), f"{name}.{to}").report

    read_region = round_trip(region, "region")
    read_children = [round_trip(c, f"child{i}") for i, c in enumerate(children)]
    assert check_rollup(read_region, read_children) == []

    altered = changed(children[1], "table3", "granted", 1, 7)  # 商业企业 予以公开: 0 → 7
    read_children[1] = round_trip(altered, "altered")
    findings = check_rollup(read_region, read_children)
    assert [(f.rule, f.severity, f.table, f.row, f.column) for f in findings] == [
        ("F1", Severity.ERROR, "table3", "granted", "commercial")
    ]
    assert (findings[0].expected, findings[0].actual) == (7, 0)


def test_a_blank_child_cell_cannot_be_assessed() -> None:
    children = _children()
    region = _region(children)
    children[0] = changed(children[0], "table2", "penalty", 0, None)
    findings = check_rollup(region, children)
    assert [(f.severity, f.row) for f in findings] == [(Severity.CANNOT_ASSESS, "penalty")]
    assert "某区教育局" in findings[0].message


def test_a_blank_child_cell_is_an_error_when_the_others_already_exceed_the_parent() -> None:
    children = _children()
    region = changed(_region(children), "table2", "licensing", 0, 100)  # children: 120+240+360
    children[0] = changed(children[0], "table2", "licensing", 0, None)
    findings = check_rollup(region, children)
    assert [(f.severity, f.row, f.actual) for f in findings] == [(Severity.ERROR, "licensing", 100)]


def test_tables_can_be_chosen() -> None:
    children = _children()
    region = changed(_region(children), "table3", "granted", 0, 99)
    assert check_rollup(region, children, tables=("table2", "table4")) == []
    assert len(check_rollup(region, children, tables=("table3",))) == 1


def test_only_additive_table2_columns_of_2019_are_summed() -> None:
    children = [report("2019", year=2020, agency=name) for name in AGENCIES]
    for child in children:
        assert child.table2 is not None
        child.table2["licensing"] = [5, 1, 2]  # 上一年项目数量, 本年增/减, 处理决定数量
    region = sum_reports(children)
    assert region.table2 is not None
    assert region.table2["licensing"] == [None, None, 6]
    region.table2["licensing"] = [5, 1, 6]  # the region's own item counts are not sums
    assert check_rollup(region, children, tables=("table2",)) == []


def test_children_in_another_format_cannot_be_summed() -> None:
    children = _children()
    children[2] = report("2019", year=2023, agency=AGENCIES[2])
    findings = check_rollup(_region(_children()), children)
    assert [(f.rule, f.severity) for f in findings] == [("F1", Severity.CANNOT_ASSESS)]


# --- the chain over years -------------------------------------------------------------


def _year(year: int) -> AnnualReport:
    # 现行有效 20 each year with 3 issued and 1 repealed needs 18 the year before: keep C2
    # quiet by printing no 规范性文件 row; C1 holds (carried_forward = carried_over = 1).
    result = report(year=year)
    assert result.table2 is not None
    del result.table2["normative_documents"]
    return result


def test_chain_over_consecutive_years_is_quiet_when_consistent() -> None:
    assert check_chain({y: _year(y) for y in (2021, 2022, 2023)}) == []


def test_chain_reports_each_break_with_its_year_and_each_gap() -> None:
    reports = {y: _year(y) for y in (2019, 2020, 2022, 2023)}
    reports[2023] = changed(reports[2023], "table3", "carried_over", 0, 4)
    findings = check_chain(reports)
    assert [(f.rule, f.severity) for f in findings] == [
        ("F2", Severity.INFO),
        ("C1", Severity.WARNING),
    ]
    assert "2021" in findings[0].message
    assert findings[1].message.startswith("2023年（对照2022年）")


def test_cli_rollup_exits_1_on_an_error_and_0_when_the_sum_holds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from gongkai.cli import app
    from gongkai.cli import compare as _  # noqa: F401  (registers the commands)
    from gongkai.report import save

    children = _children()
    paths = []
    for i, child in enumerate(children):
        save(child, tmp_path / f"c{i}.json")
        paths.append(str(tmp_path / f"c{i}.json"))
    save(_region(children), tmp_path / "region.json")
    runner = CliRunner()
    ok = runner.invoke(app, ["rollup", str(tmp_path / "region.json"), *paths])
    assert ok.exit_code == 0, ok.output
    save(changed(_region(children), "table2", "penalty", 0, 1), tmp_path / "region.json")
    bad = runner.invoke(app, ["rollup", str(tmp_path / "region.json"), *paths, "--json"])
    assert bad.exit_code == 1
    assert '"row": "penalty"' in bad.output
