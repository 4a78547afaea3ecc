"""The data dictionary names every column and every cell code, from the national formats."""

from __future__ import annotations

import csv
import io

from gongkai import opendata
from gongkai.formats import FORMAT_2019, FORMAT_2021
from gongkai.opendata import dictionary
from gongkai.opendata.cells import cell_rows
from tests.opendata.reports import full_report


def test_every_column_of_the_files_is_described() -> None:
    columns = {e.name: e for e in dictionary.column_entries()}
    assert list(columns) == list(opendata.HEADERS)
    for entry in columns.values():
        assert entry.type and entry.meaning and entry.item
    assert "department 政府部门" in columns["agency_kind"].meaning  # from gongkai.agency_kinds
    assert FORMAT_2021.document in columns["format"].meaning


def test_every_cell_code_of_both_formats_is_described_by_its_national_item() -> None:
    items = {e.name: e for e in dictionary.item_entries()}
    for fmt_id in ("2019", "2021"):
        for cell in cell_rows(full_report("甲局", 2020 if fmt_id == "2019" else 2024, fmt_id)):
            assert cell.item in items, cell.item
    granted = items["table3.granted.natural_person"]
    assert "（一）予以公开" in granted.meaning and "自然人" in granted.meaning
    # The same cell in both formats is named once, with both notices.
    assert FORMAT_2021.document in granted.item and FORMAT_2019.document in granted.item
    issued = items["table2.regulations.issued"]
    assert "第二十条第（一）项" in issued.item and FORMAT_2019.document not in issued.item
    assert items["table2.licensing.change"].type.startswith("整数（可为负")
    assert items["table2.fees.amount"].type == "非负数值（可有小数）"
    assert "行政诉讼·未经复议直接起诉" in items["table4.direct_suit.pending"].meaning


def test_the_dictionary_file_is_a_csv_of_both_parts() -> None:
    file = opendata.dictionary_file()
    rows = list(csv.reader(io.StringIO(file.content.decode("utf-8-sig"))))
    assert rows[0] == list(dictionary.HEADER_LABELS)
    parts = [r[0] for r in rows[1:]]
    assert parts.count("列") == len(opendata.HEADERS)
    assert parts.count("单元格") == len(dictionary.item_entries())
