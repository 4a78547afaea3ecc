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


def _table3_lines(report) -> list[str]:
    text = render(report, "md").decode("utf-8")
    return [line for line in text.splitlines() if line.startswith("| ") and "|" in line[2:]]


def test_a_2021_report_printing_the_2019_other_row_shows_its_label() -> None:
    from gongkai.formats import FORMAT_2021
    from gongkai.report.model import AnnualReport

    rows = {row.key: [0] * 7 for row in FORMAT_2021.table3.rows if not row.key.startswith("other_")}
    rows["other"] = [1, 0, 0, 0, 0, 0, 1]
    report = AnnualReport(agency="某局", year=2023, format="2021", table3=rows)
    lines = _table3_lines(report)
    (other,) = [line for line in lines if line.endswith("| 1 | 0 | 0 | 0 | 0 | 0 | 1 |")]
    assert "（六）其他处理" in other and "| other |" not in other
    # The row sits where the 2019 format puts it: before （七）总计.
    labels = [line.split(" | ")[0] for line in lines]
    assert labels.index(other.split(" | ")[0]) == labels.index("| 三、本年度办理结果（七）总计") - 1


def test_printed_labels_are_shown_in_markdown() -> None:
    from gongkai.report.model import AnnualReport

    report = AnnualReport(
        agency="某局",
        year=2023,
        format="2021",
        table2={"regulations": [1, 0, 1], "local_total": [5]},
        table3={"granted": [1, 0, 0, 0, 0, 0, 1]},
        labels={"table3": {"granted": "（一）同意公开"}, "table2": {"local_total": "本地合计"}},
    )
    text = render(report, "md").decode("utf-8")
    assert "| （一）同意公开 | 1 |" in text
    assert "| 本地合计 | 5 |" in text
