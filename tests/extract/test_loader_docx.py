"""Word documents: paragraphs and tables in body order, merged cells repeated, zip bombs refused."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from gongkai.extract.document import UnreadableError
from gongkai.extract.loaders import load_documents


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("某局2023年政府信息公开工作年度报告")
    document.add_paragraph("二、主动公开政府信息情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "信息内容"  # vertical merge
    table.cell(0, 1).merge(table.cell(0, 2)).text = "件数"  # horizontal merge
    for column, text in ((1, "本年制发件数"), (2, "本年废止件数")):
        table.cell(1, column).text = text
    for column, text in enumerate(("规章", "4", "")):
        table.cell(2, column).text = text
    document.add_paragraph("五、存在的主要问题及改进情况")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_paragraphs_and_table_in_body_order() -> None:
    [doc] = load_documents(_docx(), "r.docx")
    assert doc.kind == "docx"
    texts = [line.text for line in doc.lines if line.text]
    assert texts[0] == "某局2023年政府信息公开工作年度报告"
    assert texts[-1] == "五、存在的主要问题及改进情况"
    assert texts.index("二、主动公开政府信息情况") < texts.index("规章") < len(texts) - 1


def test_merged_cells_are_repeated_with_spans() -> None:
    [doc] = load_documents(_docx(), "r.docx")
    [grid] = doc.grids
    assert [[c.text for c in row] for row in grid.rows] == [
        ["信息内容", "件数", "件数"],
        ["信息内容", "本年制发件数", "本年废止件数"],
        ["规章", "4", ""],
    ]
    assert grid.rows[0][0].rowspan == 2
    assert grid.rows[0][1].colspan == 2
    assert grid.rows[2][1].prov.table == 0 and grid.rows[2][1].prov.row == 2


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_parsing() -> None:
    bomb = _zip(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (10 * 1024 * 1024)}
    )
    assert len(bomb) < 200_000
    with pytest.raises(UnreadableError, match="压缩炸弹"):
        load_documents(bomb, "bomb.docx")


def test_zip_without_a_word_document_is_refused() -> None:
    with pytest.raises(UnreadableError, match="不是 Word 文档"):
        load_documents(_zip({"readme.txt": b"hello"}), "not-word.docx")


def test_broken_docx_is_refused() -> None:
    broken = _zip({"[Content_Types].xml": b"<Types", "word/document.xml": b"<w:document"})
    with pytest.raises(UnreadableError, match="DOCX"):
        load_documents(broken, "broken.docx")


def test_truncated_zip_is_refused() -> None:
    with pytest.raises(UnreadableError, match="DOCX"):
        load_documents(_docx()[:500], "cut.docx")
