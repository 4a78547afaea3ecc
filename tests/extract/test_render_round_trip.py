"""gongkai's own rendered DOCX and HTML read back by gongkai extract give every cell back.

The platform's annual-report builder renders last year's report and imports it again, so
the round trip must keep every cell: merged headers, blank cells, text cells with digits
("22（其中修订 16 件）") and local table-2 rows outside the format.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gongkai.extract import extract_bytes
from gongkai.render import render
from gongkai.report import AnnualReport
from gongkai.report.canonical import from_dict
from tests.conftest import SHARED_DATA

TARGETS = ("docx", "html")
LOCAL_ROW = "本行政区域政府信息公开发布总数量"


def _tables(report: AnnualReport) -> dict[str, Any]:
    data = {"table2": report.table2, "table3": report.table3, "table4": report.table4}
    return json.loads(json.dumps(data, default=lambda d: ["decimal", str(d)]))


def _round_trip(report: AnnualReport, target: str) -> AnnualReport:
    return extract_bytes(render(report, target), f"往返.{target}").report


def _report() -> AnnualReport:
    table3 = {
        "new_received": [5, 0, 0, 0, 0, 0, 5],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [3, 0, 0, 0, 0, 0, 3],
        "partial": [None, 0, 0, 0, 0, 0, None],
        "total": [6, 0, 0, 0, 0, 0, 6],
        "carried_forward": [0, 0, 0, 0, 0, 0, 0],
    }
    return from_dict(
        {
            "schema": "gongkai.annual-report/1",
            "agency": "某县人民政府办公室",
            "year": 2023,
            "format": "2021",
            "table2": {
                "regulations": ["22（其中修订 16 件）", 22, 235],
                "normative_documents": [34, "55（含自然失效 29 件）", "/"],
                "licensing": [1029],
                "penalty": [None],
                "coercion": [0],
                "fees": [Decimal("1.5")],
                LOCAL_ROW: [120],
            },
            "table3": table3,
            "table4": [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2],
            "sections": {"1": "本年度主动公开政府信息。", "5": "存在的问题。", "6": "无。"},
        }
    )


@pytest.mark.parametrize("target", TARGETS)
def test_text_cells_blanks_and_local_rows_survive(target: str) -> None:
    report = _report()
    back = _round_trip(report, target)
    assert _tables(back) == _tables(report)
    assert list(back.table2 or {})[-1] == LOCAL_ROW  # kept after the format's rows


def _truths_with_tables() -> list[str]:
    """Truth files (relative names) that print at least one table; none without the data."""
    names = []
    for path in sorted(SHARED_DATA.rglob("*.truth.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if truth.get("is_annual_report") is not False and any(
            truth.get(t) for t in ("table2", "table3", "table4")
        ):
            names.append(str(path.relative_to(SHARED_DATA)))
    return names


@pytest.mark.shared
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", _truths_with_tables())
def test_every_truth_file_round_trips(shared_data: Path, name: str, target: str) -> None:
    truth = json.loads((shared_data / name).read_text(encoding="utf-8"))
    report = from_dict(truth)
    assert _tables(_round_trip(report, target)) == _tables(report)
