"""The source of a finding's cell, with exactly the characters of its printed value marked:
by offset in text files, among its row's cells in a PDF's ruled table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gongkai.extract import Extraction, extract_all_bytes
from gongkai.extract.document import Document, Grid, GridCell, Provenance, TextLine
from gongkai.extract.loaders import load_documents
from gongkai.extract.source_view import SourceLine, source_lines
from gongkai.render import render
from gongkai.rules import check
from gongkai.rules.pointer import locate
from tests.rules.builders import report


def _marked(lines: list[SourceLine]) -> list[SourceLine]:
    return [line for line in lines if line.marked]


def _pdf_with_review_total(total: int) -> bytes:
    built = report(year=2023, agency="东湖区人民政府")
    assert built.table4 is not None
    built.table4 = [*built.table4[:4], total, *built.table4[5:]]
    return render(built, "pdf")


def test_a_pdf_finding_marks_the_characters_of_its_cell_not_the_whole_line() -> None:
    data = _pdf_with_review_total(9)  # 行政复议 总计 9, while its parts add up to 1
    extraction = extract_all_bytes(data, "年报.pdf")[0]
    assert isinstance(extraction, Extraction)
    finding = next(f for f in check(extraction.report) if f.rule == "B3")
    pointer = locate(finding, extraction.report)
    assert pointer and pointer.get("page") and pointer.get("column") is not None
    marked = _marked(source_lines(load_documents(data, "年报.pdf")[0], pointer))
    assert len(marked) == 1
    line = marked[0]
    assert line.marked == "9" and line.before == "1 0 0 0 " and line.after.startswith(" 0 0")


@pytest.mark.shared
@pytest.mark.parametrize("name", ["012.pdf", "013.pdf", "014.pdf"])
def test_every_numeric_cell_of_a_real_pdf_is_marked_as_printed(
    shared_data: Path, name: str
) -> None:
    data = (shared_data / "reports" / name).read_bytes()
    doc = load_documents(data, name)[0]
    extraction = extract_all_bytes(data, name)[0]
    assert isinstance(extraction, Extraction)
    provenance: dict[str, Any] = extraction.report.extra["provenance"]
    pointers = [*provenance["table4"]]
    for cells in provenance["table3"].values():
        pointers.extend(cells)
    checked = 0
    for pointer in pointers:
        printed = doc.grids[pointer["table"]].rows[pointer["row"]][pointer["column"]].text
        if not printed.strip().isdigit():
            continue  # blank cells: nothing printed to mark
        marked = _marked(source_lines(doc, pointer))
        assert [m.marked for m in marked] == [printed.strip()], pointer
        assert marked[0].before or marked[0].after  # the cell within its row's line
        checked += 1
    assert checked >= 100  # table 3's and table 4's cells


def _line(text: str, page: int, box: tuple[float, float, float, float], row: int) -> TextLine:
    return TextLine(text, Provenance(page=page, box=box, table=0, row=row))


def _cell(text: str, box: tuple[float, float, float, float], row: int, column: int) -> GridCell:
    return GridCell(text, Provenance(page=1, box=box, table=0, row=row, column=column))


def test_a_repeated_number_is_marked_in_its_own_column() -> None:
    cells = [_cell(text, (10.0 * c, 0.0, 10.0 * c + 10, 10.0), 0, c)
             for c, text in enumerate(["0", "10", "0", "0"])]  # fmt: skip
    doc = Document("a.pdf", "pdf", [_line("0 10 0 0", 1, (0.0, 2.0, 40.0, 8.0), 0)],
                   [Grid([cells], Provenance(page=1, table=0))])  # fmt: skip
    pointer = {"page": 1, "box": [20.0, 0.0, 30.0, 10.0], "table": 0, "row": 0, "column": 2}
    (line,) = _marked(source_lines(doc, pointer))
    assert (line.before, line.marked, line.after) == ("0 10 ", "0", " 0")


def test_a_cell_whose_characters_are_not_found_marks_its_lines() -> None:
    cells = [_cell("行政复议结果维持", (0.0, 0.0, 40.0, 20.0), 0, 0)]  # wrapped over two lines
    lines = [_line("行政复议", 1, (0.0, 1.0, 40.0, 9.0), 0),
             _line("结果维持", 1, (0.0, 11.0, 40.0, 19.0), 0)]  # fmt: skip
    doc = Document("a.pdf", "pdf", lines, [Grid([cells], Provenance(page=1, table=0))])
    pointer = {"page": 1, "box": [0.0, 0.0, 40.0, 20.0], "table": 0, "row": 0, "column": 0}
    assert [m.marked for m in _marked(source_lines(doc, pointer))] == ["行政复议", "结果维持"]


def test_a_text_file_cell_is_marked_by_offset_and_length() -> None:
    text = "行政复议 1 0 0 0 9\n"
    doc = Document("a.txt", "txt", [TextLine(text.strip(), Provenance(line=1, offset=0))])
    (line,) = _marked(source_lines(doc, {"line": 1, "offset": 13, "length": 1}))
    assert (line.before, line.marked, line.after) == ("行政复议 1 0 0 0 ", "9", "")
