"""HTML: real tables become Grids (merged cells repeated), the article becomes lines."""

from __future__ import annotations

import json

from gongkai.extract.loaders import load_documents

TABLE = """<html><head><title>某局2023年政府信息公开工作年度报告</title>
<style>p {color: red}</style></head><body>
<p>一、总体情况</p><p>全年主动公开信息<span>120</span>条。</p>
<table border="1">
<tr><td rowspan="2">信息内容</td><td colspan="2">件数</td></tr>
<tr><td>本年制发件数</td><td>本年废止件数</td></tr>
<tr><td>规章</td><td>0</td><td>&nbsp;</td></tr>
</table>
<p>五、存在的主要问题及改进情况</p>
</body></html>"""


def _doc(html: str):  # type: ignore[no-untyped-def]
    [doc] = load_documents(html.encode("utf-8"), "page.html")
    return doc


def test_rowspan_and_colspan_repeat_the_cell_in_every_slot() -> None:
    doc = _doc(TABLE)
    [grid] = doc.grids
    texts = [[cell.text for cell in row] for row in grid.rows]
    assert texts == [
        ["信息内容", "件数", "件数"],
        ["信息内容", "本年制发件数", "本年废止件数"],
        ["规章", "0", ""],
    ]
    merged = grid.rows[1][0]
    assert merged.rowspan == 2
    assert merged.prov.row == 0 and merged.prov.column == 0  # points to the source cell
    assert grid.rows[0][2].colspan == 2


def test_blank_cell_is_empty_text_not_zero() -> None:
    [grid] = _doc(TABLE).grids
    assert grid.rows[2][2].text == ""
    assert grid.rows[2][1].text == "0"


def test_cells_carry_table_row_column_and_source_offset() -> None:
    [grid] = _doc(TABLE).grids
    cell = grid.rows[2][1]
    assert (cell.prov.table, cell.prov.row, cell.prov.column) == (0, 2, 1)
    assert cell.prov.offset is not None
    assert TABLE[cell.prov.offset :].startswith("<td>0</td>")


def test_lines_in_reading_order_with_table_lines_marked() -> None:
    doc = _doc(TABLE)
    texts = [line.text for line in doc.lines]
    assert texts[:2] == ["一、总体情况", "全年主动公开信息120条。"]
    assert texts[-1] == "五、存在的主要问题及改进情况"
    in_table = [line for line in doc.lines if line.prov.table is not None]
    assert [line.text for line in in_table][:3] == ["信息内容", "件数", "本年制发件数"]
    assert in_table[2].prov.column == 1
    assert "color" not in "".join(texts)  # style content is not text


def test_title_becomes_a_metadata_hint() -> None:
    assert _doc(TABLE).meta["title"] == "某局2023年政府信息公开工作年度报告"


def test_unclosed_cells_and_rows_are_closed_implicitly() -> None:
    doc = _doc("<table><tr><td>规章<td>1<tr><td>行政许可<td>2</table>")
    assert [[c.text for c in row] for row in doc.grids[0].rows] == [
        ["规章", "1"],
        ["行政许可", "2"],
    ]


def test_declared_gbk_charset_is_used() -> None:
    html = '<html><head><meta charset="gbk"></head><body><p>政府信息公开</p></body></html>'
    [doc] = load_documents(html.encode("gbk"), "page.htm")
    assert doc.lines[0].text == "政府信息公开"
    assert doc.encoding == "gb18030"


def test_report_inside_a_script_string_is_read() -> None:
    article = (
        "<p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>全年主动公开。</p>"
        "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p><p>五、存在的主要问题及改进情况</p>"
    )
    page = (
        "<html><body><div id='app'>加载中</div><script>var data = "
        + json.dumps({"content": article}, ensure_ascii=False)
        + ";</script></body></html>"
    )
    doc = _doc(page)
    assert "一、总体情况" in [line.text for line in doc.lines]
    assert [[c.text for c in row] for row in doc.grids[0].rows] == [["规章", "0"]]
    assert any("脚本" in warning for warning in doc.warnings)


def test_nested_tables_are_separate_grids_numbered_in_order() -> None:
    doc = _doc("<table><tr><td>外层<table><tr><td>内层</td></tr></table></td></tr></table>")
    assert len(doc.grids) == 2
    assert [g.prov.table for g in doc.grids] == [0, 1]


def test_unclosed_noscript_in_head_does_not_hide_the_body() -> None:
    doc = _doc("<html><head><noscript>请启用脚本<body><p>一、总体情况</p></body></html>")
    assert [line.text for line in doc.lines] == ["一、总体情况"]
