"""The columns of the CSV and XLSX files, as data: each says its name, type, meaning, which
part of the national format it is, and how it is read from a report and one of its cells.

The files and the data dictionary are both made from this table, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.formats import FORMAT_2019, FORMAT_2021, FORMATS, Format
from gongkai.opendata.cells import CellRow, cell_rows
from gongkai.opendata.dataset import SCOPES, PublishedReport

Value = int | Decimal | str | None

_PLATFORM = "不属于国家格式：平台登记的机关信息"
_NOTICE = f"{FORMAT_2021.document}及{FORMAT_2019.document}的表格"


def _format_note(fmt: Format) -> str:
    years = (
        f"{fmt.first_year}—{fmt.last_year} 年度" if fmt.last_year else f"{fmt.first_year} 年度起"
    )
    return f"{fmt.id} {fmt.name}（{fmt.document}，{years}）"


def _codes(labels: dict[str, str]) -> str:
    """The values a code column takes, from the table that defines them."""
    return "，".join(f"{key} {label}" for key, label in labels.items())


@dataclass(frozen=True)
class OutputColumn:
    name: str
    type: str  # as the dictionary states it, in Chinese
    meaning: str
    item: str  # which part of the national format the column is (or that it is none)
    # Each column is read from the report (once per report) or from one of its cells.
    report: Callable[[PublishedReport], Value] | None = None
    cell: Callable[[CellRow], Value] | None = None


COLUMNS: tuple[OutputColumn, ...] = (
    OutputColumn(
        "year", "整数", "报告年度", "报告标题“××年政府信息公开工作年度报告”中的年度",
        report=lambda p: p.report.year,
    ),
    OutputColumn("agency_id", "文本", "机关编号（平台内的机关标识）", _PLATFORM, report=lambda p: p.agency_id),
    OutputColumn("agency", "文本", "机关名称", "报告标题中的机关名称", report=lambda p: p.agency_name),
    OutputColumn(
        "region", "文本", "所属地区：上级机关名称（最上级机关为其本身）", _PLATFORM,
        report=lambda p: p.region,
    ),
    OutputColumn(
        "agency_kind", "文本", "机关类型：" + _codes({k: v.label for k, v in AGENCY_KINDS.items()}),
        "《条例》第四十九条（决定年报公开期限的机关类型）", report=lambda p: p.agency_kind,
    ),
    OutputColumn(
        "scope", "文本", "报告范围：" + _codes(SCOPES) + "（汇总报告与下级机关的报告重复计数）",
        _PLATFORM, report=lambda p: p.scope,
    ),
    OutputColumn(
        "version", "整数", "已公开版本号（更正后为新版本；文件只含每份报告的最新版本）", _PLATFORM,
        report=lambda p: p.version,
    ),
    OutputColumn(
        "published", "日期（YYYY-MM-DD）", "公开日期（该版本发布之日）",
        "《条例》第四十九条规定的年报公开日期", report=lambda p: p.published.isoformat(),
    ),
    OutputColumn(
        "format", "文本", "年报格式：" + "，".join(_format_note(f) for f in FORMATS.values()),
        "国家年报格式的版本",
        report=lambda p: p.report.format or (p.report.fmt.id if p.report.fmt else None),
    ),
    OutputColumn(
        "item", "文本", "单元格编号：表格.行.列（每个编号的含义见数据字典的“单元格”部分）",
        _NOTICE + "中的一个单元格", cell=lambda c: c.item,
    ),
    OutputColumn(
        "table", "文本", "表格：" + _codes(FORMAT_2021.table_titles), "年报第二、三、四部分的表格",
        cell=lambda c: c.table,
    ),
    OutputColumn("row", "文本", "行编号（表四为行政复议、行政诉讼的栏目）", _NOTICE + "的行", cell=lambda c: c.row),
    OutputColumn(
        "row_label", "文本", "行标签：报告印出的标签（与国家格式不同时为原文）", _NOTICE + "的行标签",
        cell=lambda c: c.row_label,
    ),
    OutputColumn("column", "文本", "列编号", _NOTICE + "的列", cell=lambda c: c.column),
    OutputColumn("column_label", "文本", "列标签", _NOTICE + "的列标签", cell=lambda c: c.column_label),
    OutputColumn(
        "value", "数值（整数；收费、采购金额可有小数，单位见列标签）",
        "单元格的数值；空白、文字或含义不确定的单元格为空（空白不是 0）", "该单元格填报的数值",
        cell=lambda c: c.value,
    ),
    OutputColumn(
        "text", "文本", "单元格印出的文字（如“/”“无”）；数值单元格为空。CSV 中以 = + - @ 开头的文字前加 '，"
        "防止电子表格把它当作公式（XLSX 中为文本单元格）", "该单元格填报的文字", cell=lambda c: c.text,
    ),
    OutputColumn(
        "state", "文本", "单元格状态：number 数值，blank 空白，text 文字，ambiguous 含义不确定"
        "（范围或几个数连写），invalid 不符合该列要求的数值（如负数、小数件数）",
        "年报审核规则 B4 对单元格的判断", cell=lambda c: c.state.value,
    ),
)  # fmt: skip

HEADERS: tuple[str, ...] = tuple(column.name for column in COLUMNS)


REPORT_COLUMNS = tuple(c for c in COLUMNS if c.report is not None)
CELL_COLUMNS = tuple(c for c in COLUMNS if c.cell is not None)
assert COLUMNS == REPORT_COLUMNS + CELL_COLUMNS, "the report's columns come first"


def report_rows(published: PublishedReport) -> Iterator[list[Value]]:
    """The report's rows: its own columns, read once, then each cell's."""
    head = [c.report(published) for c in REPORT_COLUMNS if c.report]
    for cell in cell_rows(published.report):
        yield head + [c.cell(cell) for c in CELL_COLUMNS if c.cell]
