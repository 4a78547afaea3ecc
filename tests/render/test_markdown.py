from pathlib import Path

import pytest

from gongkai.render import render
from gongkai.report.canonical import load


@pytest.mark.shared
def test_every_truth_file_renders_sections_in_order(shared_data: Path) -> None:
    for path in sorted((shared_data / "reports").glob("*.truth.json")):
        report = load(path)
        text = render(report, "md").decode("utf-8")
        if report.fmt is None:
            continue
        positions = [text.index(s.heading) for s in report.fmt.sections]
        assert positions == sorted(positions), path.name
        if report.table3 is not None:
            assert report.fmt.table3.rows[0].label in text


def test_title_is_the_printed_title_or_made_from_agency_and_year() -> None:
    from gongkai.report.model import AnnualReport

    made = AnnualReport(agency="某县教育局", year=2023, format="2021")
    assert (
        render(made, "md")
        .decode("utf-8")
        .startswith("# 某县教育局2023年政府信息公开工作年度报告\n")
    )
    made.title = "某县教育局2023年度政府信息公开工作年度报告"
    assert render(made, "md").decode("utf-8").startswith(f"# {made.title}\n")
