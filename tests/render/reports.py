"""Small annual reports for the renderer tests, one per format, with every kind of cell.

Each carries: a blank cell (None), a text cell ("/"), a decimal amount, an extra row the
format does not have (with a printed label), and a table that was not printed (None).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gongkai.formats import FORMAT_2019, FORMAT_2021
from gongkai.report.cells import Cell
from gongkai.report.model import AnnualReport

AGENCY_2021 = "示例市交通运输局"
AGENCY_2019 = "示例县人民政府办公室"

SECTIONS = {
    "1": "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开。全年主动公开政府信息356条。",
    "2": "本年度主动公开情况见下表。",
    "3": "本年度收到和处理申请情况见下表。",
    "4": "本年度行政复议、行政诉讼情况见下表。",
    "5": "公开内容不够全面<待改进>，下一步将加强培训。",
    "6": "本年度未收取信息处理费。",
}


def _table3_rows(keys: list[str]) -> dict[str, list[Cell]]:
    # Distinct values per row so a misplaced row cannot pass: row i column j = 10 * i + j.
    return {key: [10 * i + j for j in range(7)] for i, key in enumerate(keys)}


def report_2021() -> AnnualReport:
    """Format 2021 with the 2019-style single （六）其他处理 row instead of its three items."""
    keys = [r.key for r in FORMAT_2021.table3.rows if not r.key.startswith("other_")]
    keys.insert(keys.index("total"), "other")
    table3 = _table3_rows(keys)
    table3["granted"][2] = None  # a blank cell
    table3["partial"][5] = "/"  # printed text
    return AnnualReport(
        agency=AGENCY_2021,
        year=2022,
        format="2021",
        published=date(2023, 1, 20),
        table2={
            "regulations": [0, 0, 2],
            "normative_documents": [3, 1, 53],
            "licensing": [1029],
            "penalty": [None],
            "coercion": ["无"],
            "fees": [Decimal("1.25")],
            "local_total": [356],
        },
        table3=table3,
        table4=[1, 2, 0, 0, 3, 0, 1, 0, 1, 2, None, 0, 0, 0, 0],
        sections=dict(SECTIONS),
        labels={
            "table2": {
                "normative_documents": "规范性文件",
                "local_total": "本行政区域政府信息公开发布总数量",
            }
        },
    )


def report_2019() -> AnnualReport:
    """Format 2019 with signed 增/减 values ("+3" as printed, -2), an amount and no table 4."""
    keys = [r.key for r in FORMAT_2019.table3.rows]
    table3 = _table3_rows(keys)
    table3["denied_3"][0] = None
    return AnnualReport(
        agency=AGENCY_2019,
        year=2020,
        format="2019",
        published=date(2021, 3, 31),
        table2={
            "regulations": [0, 0, 0],
            "normative_documents": [5, 5, 40],
            "licensing": [120, "+3", 4512],  # printed with its sign: text
            "other_services": [30, -2, 88],
            "penalty": [15, 0, 230],
            "coercion": [2, None, 7],
            "fees": [4, -1],
            "procurement": [12, Decimal("356.70")],
        },
        table3=table3,
        table4=None,
        sections={"1": "本年度政府信息公开工作总体情况。", "5": "存在的问题。"},
    )
