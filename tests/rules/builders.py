"""Small consistent reports to perturb in the rule tests."""

from __future__ import annotations

import copy
from datetime import date

from gongkai.formats import FORMAT_2019, FORMAT_2021
from gongkai.report import AnnualReport, Cell

SECTIONS = {
    "1": "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息120条，"
    "做好政策解读，依申请公开答复及时，政府信息管理规范，政府网站平台建设有序，监督保障有力。",
    "2": "主动公开情况见下表。",
    "3": "全年共收到政府信息公开申请3件。",
    "4": "本年度发生行政复议1件，行政诉讼0件。",
    "5": "存在的问题：公开的主动性有待提高。改进措施：加强培训，完善制度。",
    "6": "本年度未收取信息处理费。",
}


def table3(fmt_id: str = "2021") -> dict[str, list[Cell]]:
    """Three applications from natural persons, all granted; one commercial, partial."""
    fmt = FORMAT_2021 if fmt_id == "2021" else FORMAT_2019
    rows: dict[str, list[Cell]] = {row.key: [0] * 7 for row in fmt.table3.rows}
    rows["new_received"] = [2, 1, 0, 0, 0, 0, 3]
    rows["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [2, 0, 0, 0, 0, 0, 2]
    rows["partial"] = [0, 1, 0, 0, 0, 0, 1]
    rows["total"] = [2, 1, 0, 0, 0, 0, 3]
    rows["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    return rows


def report(fmt_id: str = "2021", year: int = 2023, **changes: object) -> AnnualReport:
    if fmt_id == "2021":
        table2: dict[str, list[Cell]] = {
            "regulations": [0, 0, 2],
            "normative_documents": [3, 1, 20],
            "licensing": [120],
            "penalty": [4],
            "coercion": [0],
            "fees": [0],
        }
    else:
        table2 = {row.key: [0] * len(row.columns) for row in FORMAT_2019.table2.rows}
    result = AnnualReport(
        agency="某市某区人民政府办公室",
        year=year,
        format=fmt_id,
        published=date(year + 1, 1, 20),
        table2=table2,
        table3=table3(fmt_id),
        table4=[1, 0, 0, 0, 1] + [0] * 10,
        sections=dict(SECTIONS),
    )
    for name, value in changes.items():
        setattr(result, name, value)
    return result


def changed(
    base: AnnualReport, table: str, row: str | int, column: int | None, value: Cell
) -> AnnualReport:
    """A copy of ``base`` with one cell replaced."""
    result = copy.deepcopy(base)
    if table == "table4":
        assert result.table4 is not None and isinstance(row, int)
        result.table4[row] = value
    else:
        rows = getattr(result, table)
        assert column is not None
        rows[row][column] = value
    return result
