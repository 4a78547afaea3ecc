"""PDF: text lines with page and box, ruled tables as Grids, clear refusals."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2
import pytest

from gongkai.extract.document import UnreadableError
from gongkai.extract.loaders import load_documents
from gongkai.extract.loaders.pdf import repair
from gongkai.extract.loaders.pdf_page import Char, _misplaced, from_pdfplumber, read_page, text_of
from gongkai.extract.tables import read_tables
from tests.extract.pdfs import encrypted_pdf, png, render

TABLE_PAGE = """<p>某局2023年政府信息公开工作年度报告</p>
<table><tr><td rowspan="2">信息内容</td><td colspan="2">件数</td></tr>
<tr><td>本年制发件数</td><td>本年废止件数</td></tr>
<tr><td>规章</td><td>7</td><td>0</td></tr></table><p>五、存在的主要问题及改进情况</p>"""


@pytest.fixture(scope="module")
def table_pdf() -> bytes:
    return render(TABLE_PAGE)


def test_text_lines_have_page_and_box(table_pdf: bytes) -> None:
    [doc] = load_documents(table_pdf, "r.pdf")
    first = doc.lines[0]
    assert first.text == "某局2023年政府信息公开工作年度报告"
    assert first.prov.page == 1
    assert first.prov.box is not None and first.prov.box[0] < first.prov.box[2]


def test_ruled_table_is_a_grid_with_merged_cells_repeated(table_pdf: bytes) -> None:
    [doc] = load_documents(table_pdf, "r.pdf")
    [grid] = doc.grids
    assert [[c.text for c in row] for row in grid.rows] == [
        ["信息内容", "件数", "件数"],
        ["信息内容", "本年制发件数", "本年废止件数"],
        ["规章", "7", "0"],
    ]
    assert grid.rows[1][0].rowspan == 2 and grid.rows[0][1].colspan == 2
    cell = grid.rows[2][1]
    assert cell.prov.page == 1 and cell.prov.box is not None
    assert (cell.prov.table, cell.prov.row, cell.prov.column) == (0, 2, 1)


def test_lines_inside_the_table_are_marked(table_pdf: bytes) -> None:
    [doc] = load_documents(table_pdf, "r.pdf")
    marked = {line.text for line in doc.lines if line.prov.table == 0}
    assert any("规章" in text for text in marked)
    assert all(line.prov.table is None for line in doc.lines if "存在的主要问题" in line.text)


def test_table_across_a_page_break_is_one_grid() -> None:
    rows = "".join(f"<tr><td>第{i}行</td><td>{i}</td></tr>" for i in range(70))
    [doc] = load_documents(render(f"<table>{rows}</table>"), "long.pdf")
    assert len(doc.grids) == 1
    grid = doc.grids[0]
    assert len(grid.rows) == 70
    assert grid.rows[0][0].prov.page == 1 and grid.rows[-1][0].prov.page == 2
    assert [cell.prov.row for cell in (row[0] for row in grid.rows)] == list(range(70))


def test_radical_code_points_in_a_pdf_are_repaired_and_the_print_kept() -> None:
    [doc] = load_documents(render("<p>⾏政许可⼀项</p>"), "radicals.pdf")
    [line] = doc.lines
    assert line.text == "行政许可一项"
    assert line.prov.original == "⾏政许可⼀项"


def test_kangxi_radicals_are_repaired() -> None:
    assert repair("⾏政许可⼀") == "行政许可一"
    assert repair("⺠⻔") == "民门"
    assert repair("普通文字") == "普通文字"


def test_scanned_pdf_needs_ocr() -> None:
    pdf = render(f'<img src="{png()}">')
    with pytest.raises(UnreadableError, match="OCR"):
        load_documents(pdf, "scan.pdf")


def test_pdf_without_any_text_is_refused() -> None:
    pdf = render('<div style="width:200px;height:100px;background:black"></div>')
    with pytest.raises(UnreadableError, match="没有可提取的文字"):
        load_documents(pdf, "shape.pdf")


def test_encrypted_pdf_is_refused() -> None:
    with pytest.raises(UnreadableError, match="加密"):
        load_documents(encrypted_pdf(), "secret.pdf")


def test_corrupt_pdf_is_refused(table_pdf: bytes) -> None:
    with pytest.raises(UnreadableError, match=r"损坏|没有页面"):
        load_documents(table_pdf[: len(table_pdf) // 3], "cut.pdf")


def test_pdf_header_with_garbage_is_refused() -> None:
    with pytest.raises(UnreadableError, match="PDF"):
        load_documents(b"%PDF-1.7\n" + bytes(range(256)) * 20, "garbage.pdf")


def test_a_merged_value_cell_counts_once() -> None:
    """012.pdf prints 行政许可's one value across the three columns of the 规章 rows."""
    html = """<p>某局2023年政府信息公开工作年度报告</p><table>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">550</td></tr></table>"""
    [doc] = load_documents(render(html), "r.pdf")
    [grid] = doc.grids
    assert grid.rows[3][1] is grid.rows[3][3] and grid.rows[3][1].colspan == 3
    reading = read_tables(doc, 2023)
    assert reading.table2 is not None and reading.table2["licensing"] == [550]
    assert not any("印出" in w for w in reading.warnings), reading.warnings


def _char(text: str, x0: float, top: float, size: float = 10.0) -> Char:
    return Char(text, x0, top, x0 + size, top + size, top + size * 0.9)


def test_lines_group_by_baseline_and_gaps_become_spaces() -> None:
    # Latin digits sit lower in their boxes than CJK: the baseline keeps them on one line
    chars = [_char("年", 30, 100), _char("2", 0, 102, 8), _char("0", 8, 102, 8)]
    chars[1:] = [Char(c.text, c.x0, c.top, c.x1, c.bottom, 109.0) for c in chars[1:]]
    chars.append(_char("报", 60, 100))
    [(text, box)] = text_of(chars)
    assert text == "20 年 报" and box == (0, 100, 70, 110)


def test_pdfium_and_pdfminer_read_the_same_page(table_pdf: bytes) -> None:
    pdf = pypdfium2.PdfDocument(table_pdf)
    fast = read_page(pdf[0], 1)
    with pdfplumber.open(io.BytesIO(table_pdf)) as plumber:
        slow = from_pdfplumber(plumber.pages[0], 1)
    assert [t for t, _ in text_of(fast.chars)] == [t for t, _ in text_of(slow.chars)]
    assert len(fast.edges) >= 8 and not fast.misplaced


def test_a_character_pdfium_misplaces_sends_the_page_to_pdfminer() -> None:
    line = [_char(ch, 10 * i, 100) for i, ch in enumerate("政规范性")]
    outsized = Char("行", 400, 500, 430, 530, 528)  # a 3x box elsewhere
    assert _misplaced([*line[:1], outsized, *line[1:]])
    assert not _misplaced(line)
