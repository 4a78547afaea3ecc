"""Tiny Document builders for table-recognition tests (no loader needed)."""

from __future__ import annotations

import json
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from gongkai.extract.document import Document, Grid, GridCell, Provenance, TextLine


def text_document(text: str, kind: str = "txt") -> Document:
    """One TextLine per line, with 1-based line numbers and 0-based offsets."""
    lines: list[TextLine] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        lines.append(TextLine(line, Provenance(line=number, offset=offset)))
        offset += len(line) + 1
    return Document(source="<test>", kind=kind, lines=lines)


def grid(rows: list[list[str]], table: int = 0) -> Grid:
    return Grid(
        rows=[
            [GridCell(text, Provenance(table=table, row=r, column=c)) for c, text in enumerate(row)]
            for r, row in enumerate(rows)
        ],
        prov=Provenance(table=table),
    )


class _Tables(HTMLParser):
    """HTML <table>s → Grids, merged cells repeated in every slot they cover."""

    def __init__(self) -> None:
        super().__init__()
        self.grids: list[Grid] = []
        self._rows: list[list[tuple[str, int, int]]] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            values = dict(attrs)
            self._cell = []
            self._span = (int(values.get("rowspan") or 1), int(values.get("colspan") or 1))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append(("".join(self._cell).strip(), *self._span))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.grids.append(_layout(self._rows, len(self.grids)))
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data.replace("\xa0", " "))


def _layout(rows: list[list[tuple[str, int, int]]], table: int) -> Grid:
    slots: dict[tuple[int, int], GridCell] = {}
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in slots:
                c += 1
            cell = GridCell(text, Provenance(table=table, row=r, column=c), rowspan, colspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    slots[(r + dr, c + dc)] = cell
            c += colspan
    height = max((r for r, _ in slots), default=-1) + 1
    out = []
    for r in range(height):
        width = max((c for rr, c in slots if rr == r), default=-1) + 1
        out.append(
            [
                slots.get((r, c), GridCell("", Provenance(table=table, row=r, column=c)))
                for c in range(width)
            ]
        )
    return Grid(out, Provenance(table=table))


def html_document(html: str) -> Document:
    parser = _Tables()
    parser.feed(html)
    return Document(source="<test>", kind="html", lines=[], grids=parser.grids)


def load_truth(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return data


# --- small hand-made reports in each layout ------------------------------------------------

T2_2021 = [
    ("规章", [0, 0, 0]),
    ("行政规范性文件", [3, 1, 40]),
    ("行政许可", [12]),
    ("行政处罚", [5]),
    ("行政强制", [0]),
    ("行政事业性收费", ["1.5"]),
]
T3_LABELS_2021 = [
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_1", "1.属于国家秘密"),
    ("denied_2", "2.其他法律行政法规禁止公开"),
    ("denied_3", "3.危及“三安全一稳定”"),
    ("denied_4", "4.保护第三方合法权益"),
    ("denied_5", "5.属于三类内部事务信息"),
    ("denied_6", "6.属于四类过程性信息"),
    ("denied_7", "7.属于行政执法案卷"),
    ("denied_8", "8.属于行政查询事项"),
    ("unable_1", "1.本机关不掌握相关政府信息"),
    ("unable_2", "2.没有现成信息需要另行制作"),
    ("unable_3", "3.补正后申请内容仍不明确"),
    ("not_processed_1", "1.信访举报投诉类申请"),
    ("not_processed_2", "2.重复申请"),
    ("not_processed_3", "3.要求提供公开出版物"),
    ("not_processed_4", "4.无正当理由大量反复申请"),
    ("not_processed_5", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_3", "3.其他"),
    ("total", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
]


def table3_2021() -> dict[str, list[int]]:
    """A consistent table 3: 12 new + 1 carried = 10 granted + 2 unable_1 + 1 forward."""
    rows = {key: [0] * 7 for key, _ in T3_LABELS_2021}
    rows["new_received"] = [11, 1, 0, 0, 0, 0, 12]
    rows["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [9, 1, 0, 0, 0, 0, 10]
    rows["unable_1"] = [2, 0, 0, 0, 0, 0, 2]
    rows["total"] = [11, 1, 0, 0, 0, 0, 12]
    rows["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    return rows


TABLE4 = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]


def report_rows() -> list[tuple[str, list[Any]]]:
    t3 = table3_2021()
    return [*T2_2021, *((label, t3[key]) for key, label in T3_LABELS_2021)]


HEAD = "一、总体情况\n本机关全年收到申请12件。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n"
T3_HEAD = "三、收到和处理政府信息公开申请情况\n自然人\n其他\n总计\n"
T4_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果维持\n尚未审结\n总计\n"
TAIL = "五、存在的主要问题及改进情况\n无。\n"


def expected_table2() -> dict[str, list[Any]]:
    return {
        "regulations": [0, 0, 0],
        "normative_documents": [3, 1, 40],
        "licensing": [12],
        "penalty": [5],
        "coercion": [0],
        "fees": [Decimal("1.5")],
    }
