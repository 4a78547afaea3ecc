"""Markdown output: section headings from the format data, GitHub tables, headers flattened."""

from decimal import Decimal

from gongkai.formats import table2_row
from gongkai.formats.spec import Format, Row
from gongkai.render.layout import printed_label, report_title, table3_order
from gongkai.report.model import AnnualReport

Cell = int | Decimal | str | None
_NOT_PRINTED = "*未以表格形式公开*"


def _cell(value: Cell) -> str:
    return "" if value is None else str(value).replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _table2(report: AnnualReport, fmt: Format) -> list[str]:
    if report.table2 is None:
        return [_NOT_PRINTED]
    lines: list[str] = []
    known: set[str] = set()
    for group in fmt.table2.groups:
        rows = []
        for row in group.rows:
            known.add(row.key)
            if row.key in report.table2:
                label = printed_label(report, "table2", row.key, row.label)
                rows.append([_cell(label), *(_cell(v) for v in report.table2[row.key])])
        lines += [
            f"**{group.caption}**",
            "",
            *_table(["信息内容", *(c.label for c in group.columns)], rows),
            "",
        ]
    extra = [
        [_cell(_table2_label(report, key)), *(_cell(v) for v in values)]
        for key, values in report.table2.items()
        if key not in known
    ]
    if extra:
        width = max(len(r) for r in extra) - 1
        lines += _table(
            ["信息内容", *([""] * width)], [r + [""] * (width + 1 - len(r)) for r in extra]
        )
    return lines


def _table2_label(report: AnnualReport, key: str) -> str:
    row = table2_row(key, report.fmt)
    return printed_label(report, "table2", key, row.label if row else None)


def _table3_label(report: AnnualReport, key: str, row: Row | None) -> str:
    """The row's label with its innermost group caption, as the grid shows it; a row of the
    other format (the 2019 single （六）其他处理 in a 2021 report) has its own label too."""
    official = "".join(row.parents[-1:]) + row.label if row and row.parents else None
    return printed_label(report, "table3", key, official or (row.label if row else None))


def _table3(report: AnnualReport, fmt: Format) -> list[str]:
    if report.table3 is None:
        return [_NOT_PRINTED]
    header = ["", *(c.label for c in fmt.table3.columns)]
    rows = [
        [_cell(_table3_label(report, key, row)), *(_cell(v) for v in report.table3[key])]
        for key, row in table3_order(fmt, report.table3)
    ]
    return _table(header, rows)


def _table4(report: AnnualReport, fmt: Format) -> list[str]:
    if report.table4 is None:
        return [_NOT_PRINTED]
    spec = fmt.table4
    header = [
        f"{b.parent + '·' if b.parent else ''}{b.label}·{c.label}"
        for b in spec.blocks
        for c in spec.columns
    ]
    return _table(header, [[_cell(v) for v in report.table4]])


_TABLES = {"2": _table2, "3": _table3, "4": _table4}


def render_markdown(report: AnnualReport) -> bytes:
    fmt = report.fmt
    lines = [f"# {report_title(report)}", ""]
    if fmt is None:
        return ("\n".join(lines) + "\n").encode("utf-8")
    for section in fmt.sections:
        lines += [f"## {section.heading}", ""]
        text = (report.sections or {}).get(section.number)
        if text:
            lines += [text, ""]
        table = _TABLES.get(section.number)
        if table is not None:
            lines += [*table(report, fmt), ""]
    return ("\n".join(lines)).encode("utf-8")
