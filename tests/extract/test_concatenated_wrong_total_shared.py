"""Real concatenated reports (cells run together, no separators) with their 总计 row
misprinted: every other row still splits as printed, by its own sums."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.extract.tables import read_tables
from tests.extract.tables_helpers import load_truth, text_document

CONCATENATED_2021 = ["001", "003", "004", "006", "007"]
TOTAL_LABEL = "（七）总计"


def _misprinted(values: list[int], *, keep_row_sum: bool) -> list[int]:
    wrong = [values[0] + 2, *values[1:6], values[6] + 2]
    if not keep_row_sum:
        wrong[6] += 3  # and its own 总计 cell is not the sum of its applicant cells either
    return wrong


@pytest.mark.shared
@pytest.mark.parametrize("keep_row_sum", [True, False])
@pytest.mark.parametrize("name", CONCATENATED_2021)
def test_other_rows_split_right_beside_a_wrong_total_row(
    shared_data: Path, name: str, keep_row_sum: bool
) -> None:
    truth = load_truth(shared_data / "reports" / f"{name}.truth.json")
    text = (shared_data / "reports" / f"{name}.txt").read_text(encoding="utf-8")
    printed = "".join(str(v) for v in truth["table3"]["total"])
    assert TOTAL_LABEL + printed in text
    wrong = _misprinted(truth["table3"]["total"], keep_row_sum=keep_row_sum)
    text = text.replace(TOTAL_LABEL + printed, TOTAL_LABEL + "".join(str(v) for v in wrong), 1)

    reading = read_tables(text_document(text), truth["year"])

    assert reading.table3 is not None
    flagged = {a.row: a for a in reading.ambiguous if a.table == "table3"}
    skipped = {a["row"] for a in truth.get("ambiguous_cells", []) if a["table"] == "table3"}
    for key, values in truth["table3"].items():
        if key == "total" or key in skipped:
            continue
        if key in flagged:
            assert values in [flagged[key].chosen, *flagged[key].alternatives], key
        else:
            assert reading.table3[key] == values, key
    total = flagged.get("total")
    readings = [total.chosen, *total.alternatives] if total else [reading.table3["total"]]
    assert wrong in readings
    assert reading.table4 == truth["table4"]
