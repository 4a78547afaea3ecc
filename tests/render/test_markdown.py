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
