"""Real table cells from HTML/DOCX grids; merged cells repeated, blanks as &nbsp;."""

from __future__ import annotations

from gongkai.extract.document import Document
from gongkai.extract.tables import read_tables
from gongkai.report.cells import Cell
from tests.extract.tables_helpers import T3_LABELS_2021, html_document, table3_2021, text_document


def test_html_table_with_merged_caption_and_blank() -> None:
    t3 = table3_2021()
    rows = []
    for key, label in T3_LABELS_2021:
        cells = "".join(f"<td>{v}</td>" for v in t3[key])
        if key == "granted":
            cells = "<td>&nbsp;</td>" + "".join(f"<td>{v}</td>" for v in t3[key][1:])
            rows.append(f'<tr><td rowspan="2">三、本年度办理结果</td><td>{label}</td>{cells}</tr>')
        elif key == "partial":
            rows.append(f"<tr><td>{label}</td>{cells}</tr>")
        else:
            rows.append(f'<tr><td colspan="2">{label}</td>{cells}</tr>')
    html = "<table>" + "".join(rows) + "</table>"
    reading = read_tables(html_document(html), 2021)
    expected: dict[str, list[Cell]] = dict(t3)
    expected["granted"] = [None, *t3["granted"][1:]]
    assert reading.table3 == expected
    prov = reading.provenance["table3"]["granted"][1]
    assert prov is not None and (prov.table, prov.row) == (0, 2)


def test_tables_missing_from_the_grids_are_read_from_the_text() -> None:
    grid_doc = html_document(
        "<table><tr><td>规章</td><td>0</td><td>0</td><td>1</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>9</td></tr></table>"
    )
    text = text_document(
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议  行政诉讼\n"
        "0 0 0 0 0 0 0 0 0 0 1 0 0 0 1\n"
    )
    doc = Document("x.html", "html", text.lines, grid_doc.grids)
    reading = read_tables(doc, 2022)
    assert reading.table2 == {"regulations": [0, 0, 1], "normative_documents": [2, 0, 9]}
    assert reading.table4 == [0] * 10 + [1, 0, 0, 0, 1]
    prov = reading.provenance["table4"]["table4"][10]
    assert prov is not None and prov.line == 3


def test_local_table2_rows_are_kept_under_their_printed_label() -> None:
    html = (
        "<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
        "<tr><td>行政许可</td><td>5</td></tr>"
        "<tr><td>本行政区域政府信息公开发布总数量</td><td>120</td><td>3</td></tr>"
        "<tr><td>=</td><td>12</td></tr></table>"
    )
    reading = read_tables(html_document(html), 2021)
    assert reading.table2 == {"licensing": [5], "本行政区域政府信息公开发布总数量": [120, 3]}
    assert "table2" not in reading.labels  # a local row is no misprinted label (rule E2)
