"""Every development report read as text (or its HTML grid) against its truth file.

Cells that the reader reports as ambiguous are skipped (as graders do); every cell the
truth file calls ambiguous must be reported ambiguous, with the truth's choice among the
readings. Truth entries that name no single row, or list no alternative reading, are
layout notes rather than split ambiguities and are only checked cell by cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gongkai.extract.document import TablesReading
from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import html_document, load_truth, text_document

pytestmark = pytest.mark.shared

REPORTS = [
    "001.txt", "002.txt", "003.txt", "004.txt", "005.txt", "006.txt", "007.txt", "008.txt",
    "009.txt", "010.txt", "011.txt", "012.txt", "013.txt", "014.txt", "015.md", "016.md",
    "017.txt", "021.txt", "024.txt", "024.html", "027.txt", "028.txt",
]  # fmt: skip
SEEDS = ["000_e737371b60233594.txt", "001_26a92b83e955fcd2.txt", "002_339fc4429fa30be7.txt"]
# pdfplumber ``extract_text`` of the PDFs of 012 and 013: a third text layout of them.
PEER = {
    "hongze-district-huaian_2023_annual-report.txt": "012",
    "hongze-district-huaian_2024_annual-report.txt": "013",
}


def _read(path: Path, truth: dict[str, Any]) -> TablesReading:
    text = path.read_text(encoding="utf-8")
    doc = html_document(text) if path.suffix == ".html" else text_document(text)
    return read_tables(doc, truth.get("year"))


def _same(expected: object, got: object) -> bool:
    return expected == got and isinstance(expected, str) == isinstance(got, str)


def _check(path: Path, truth_path: Path | None = None) -> None:
    truth = load_truth(truth_path or path.with_name(path.name.split(".")[0] + ".truth.json"))
    reading = _read(path, truth)
    flagged = {(a.table, a.row): a for a in reading.ambiguous}
    wrong: list[str] = []
    for table in ("table2", "table3"):
        expected = truth.get(table)
        got = getattr(reading, table)
        if expected is None:
            assert not got, f"{table} should be absent"
            continue
        assert got is not None, f"{table} not found"
        for key, cells in expected.items():
            if (table, key) in flagged:
                continue
            assert key in got, f"{table}.{key} not found"
            wrong += [
                f"{table}.{key}[{i}]: {e!r} != {g!r}"
                for i, (e, g) in enumerate(zip(cells, got[key], strict=True))
                if not _same(e, g)
            ]
    if truth.get("table4") is None:
        assert reading.table4 is None
    elif ("table4", "table4") not in flagged:
        assert reading.table4 == truth["table4"]
    assert not wrong, wrong
    for entry in truth.get("ambiguous_cells", []):
        table, key = entry["table"], entry["row"]
        if key not in (truth.get(table) or {}) or not entry["alternatives"]:
            continue
        assert (table, key) in flagged, f"{table}.{key} should be reported ambiguous"
        mine = flagged[table, key]
        assert entry["chosen"] in [mine.chosen, *mine.alternatives]


@pytest.mark.parametrize("name", REPORTS)
def test_report(shared_data: Path, name: str) -> None:
    _check(shared_data / "reports" / name)


@pytest.mark.parametrize("name", SEEDS)
def test_seed(shared_data: Path, name: str) -> None:
    _check(shared_data / "seeds" / name)


@pytest.mark.parametrize("name", sorted(PEER))
def test_peer_text(shared_data: Path, name: str) -> None:
    _check(
        shared_data / "peer-fixtures" / name, shared_data / "reports" / f"{PEER[name]}.truth.json"
    )


def test_provenance_points_at_the_printed_cell(shared_data: Path) -> None:
    path = shared_data / "reports" / "001.txt"
    text = path.read_text(encoding="utf-8")
    reading = read_tables(text_document(text), 2023)
    prov = reading.provenance["table3"]["new_received"]
    assert [text[p.offset : p.offset + p.length] for p in prov if p and p.offset is not None] == [
        "17", "0", "0", "0", "0", "0", "17",
    ]  # fmt: skip
