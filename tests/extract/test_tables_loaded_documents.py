"""The real inputs through the project's loaders: PDF grids (012–014) and HTML cells (024)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.extract.loaders import LOADERS, sniff
from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import load_truth

pytestmark = pytest.mark.shared


@pytest.mark.parametrize("name", ["012.pdf", "013.pdf", "014.pdf", "024.html"])
def test_loaded_document_matches_truth(shared_data: Path, name: str) -> None:
    path = shared_data / "reports" / name
    truth = load_truth(path.with_name(name.split(".")[0] + ".truth.json"))
    data = path.read_bytes()
    (doc,) = LOADERS[sniff(data, name)](data, name)
    reading = read_tables(doc, truth["year"])
    assert reading.ambiguous == []
    assert reading.table2 == truth["table2"]
    assert reading.table3 == truth["table3"]
    assert reading.table4 == truth["table4"]
    for table in ("table2", "table3"):
        for key, provs in reading.provenance[table].items():
            assert all(p is not None for p in provs), f"{table}.{key} lacks provenance"
