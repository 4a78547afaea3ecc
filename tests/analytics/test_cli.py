"""`gongkai analytics`: reports filed by folder (the region), figures with the sample floor."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gongkai.cli import analytics as _  # noqa: F401  (registers the command)
from gongkai.cli import app
from gongkai.report import save
from tests.analytics.test_analytics import _report

runner = CliRunner()


def test_reports_are_summed_per_folder_with_intervals(tmp_path: Path) -> None:
    for region, agency, granted, denied in (("一市", "甲局", 40, 10), ("二市", "乙局", 3, 1)):
        (tmp_path / region).mkdir()
        report = _report(
            agency, 2023, new_received=granted + denied, granted=granted, denied_1=denied
        )
        save(report, tmp_path / region / f"{agency}.json")
    files = [str(p) for p in sorted(tmp_path.glob("*/*.json"))]
    result = runner.invoke(app, ["analytics", *files, "--json"])
    assert result.exit_code == 0, result.output
    groups = {g["key"]: g for g in json.loads(result.output)["groups"]}
    assert groups["一市"]["applications"] == 50
    assert groups["一市"]["disclosed"]["value"] == 0.8
    assert groups["二市"]["disclosed"]["value"] is None  # 4 decided: below the floor
    table = runner.invoke(app, ["analytics", *files, "--by", "agency"])
    assert "甲局" in table.output and "样本不足" in table.output
