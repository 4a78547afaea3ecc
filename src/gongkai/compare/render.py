"""The comparison as a readable report: HTML (self-contained), DOCX, PDF (WeasyPrint)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, Template, select_autoescape
from markupsafe import Markup

from gongkai.compare.model import CellDelta, Comparison, SectionComparison
from gongkai.formats import FORMATS
from gongkai.render.layout import display
from gongkai.render.official import BODY_FAMILY
from gongkai.report.cells import Number
from gongkai.rules.findings import SEVERITY_LABELS
from gongkai.rules.location import describe

_TABLE_TITLES = {"table2": "表2 主动公开", "table3": "表3 依申请公开", "table4": "表4 复议诉讼"}


def title(comparison: Comparison) -> str:
    agency = comparison.this.agency or comparison.last.agency or "（未知机关）"
    return f"{agency} {comparison.last.year or '？'}—{comparison.this.year or '？'}年度报告对比"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def signed(value: Number | None) -> str:
    return "—" if value is None else f"{value:+}"


def rate(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:+.1%}"


def trend(value: Number | None) -> str:
    return " up" if value and value > 0 else " down" if value and value < 0 else ""


def segments(section: SectionComparison) -> list[tuple[str, bool]]:
    """The section text cut into (text, repeated) pieces, in order."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in section.passages:
        if start > at:
            pieces.append((section.text[at:start], False))
        pieces.append((section.text[start:end], True))
        at = end
    if at < len(section.text):
        pieces.append((section.text[at:], False))
    return pieces


def _tables(comparison: Comparison) -> list[dict[str, Any]]:
    return [
        {"title": name, "cells": [c for c in comparison.cells if c.table == key]}
        for key, name in _TABLE_TITLES.items()
        if any(c.table == key for c in comparison.cells)
    ]


def _context(comparison: Comparison) -> dict[str, Any]:
    fmt = FORMATS.get(comparison.this.format or "")
    return {
        "title": title(comparison),
        "font": Markup(BODY_FAMILY),
        "last": comparison.last,
        "this": comparison.this,
        "repeated": comparison.repeated,
        "changed": sum(bool(c.change) for c in comparison.cells),
        "cells": len(comparison.cells),
        "sections": [{**s.to_dict(), "segments": segments(s)} for s in comparison.sections],
        "tables": _tables(comparison),
        "findings": [
            {
                "rule": f.rule,
                "severity": SEVERITY_LABELS[f.severity],
                "where": describe(f, fmt),
                "message": f.message,
            }
            for f in comparison.findings
        ],
        "percent": percent,
        "signed": signed,
        "rate": rate,
        "trend": trend,
        "shown": display,
    }


@cache
def _template() -> Template:
    env = Environment(
        loader=PackageLoader("gongkai.compare", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("comparison.html.j2")


def to_html(comparison: Comparison) -> str:
    return _template().render(**_context(comparison))


def _html(comparison: Comparison) -> bytes:
    return to_html(comparison).encode("utf-8")


def _pdf(comparison: Comparison) -> bytes:
    import weasyprint  # lazily: heavy native dependencies

    pdf: bytes = weasyprint.HTML(string=to_html(comparison)).write_pdf()
    return pdf


def _cell_row(cell: CellDelta) -> list[str]:
    return [
        cell.row_label,
        cell.column_label,
        display(cell.last),
        display(cell.this),
        signed(cell.change),
        rate(cell.rate),
    ]


def _docx(comparison: Comparison) -> bytes:
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX

    context = _context(comparison)
    doc = Document()
    doc.add_heading(context["title"], level=0)
    changed, cells = context["changed"], context["cells"]
    doc.add_paragraph(
        f"全文重复率：{percent(comparison.repeated)}；有变化的单元格 {changed} 个（共 {cells} 个）；"
        f"跨年度核对发现 {len(comparison.findings)} 项。"
    )
    doc.add_heading("各部分重复率", level=1)
    for section in comparison.sections:
        doc.add_heading(f"{section.heading}（重复率 {percent(section.repeated)}）", level=2)
        paragraph = doc.add_paragraph()
        for text, marked in segments(section):
            run = paragraph.add_run(text)
            if marked:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    doc.add_heading("表格数据增减", level=1)
    for table in context["tables"]:
        doc.add_heading(table["title"], level=2)
        rows = [["项目", "列", "上年", "本年", "增减值", "增减率"]]
        rows += [_cell_row(c) for c in table["cells"]]
        grid = doc.add_table(rows=len(rows), cols=len(rows[0]))
        grid.style = "Table Grid"
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                grid.cell(r, c).text = value
    doc.add_heading("跨年度衔接核对（C1–C3）", level=1)
    for finding in context["findings"] or [{"rule": "", "message": "未发现问题。"}]:
        doc.add_paragraph(f"{finding['rule']} {finding['message']}".strip())
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _json(comparison: Comparison) -> bytes:
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")


RENDERERS: dict[str, Callable[[Comparison], bytes]] = {
    "json": _json,
    "html": _html,
    "docx": _docx,
    "pdf": _pdf,
}


def render_comparison(comparison: Comparison, to: str) -> bytes:
    """The comparison in one of ``RENDERERS`` ("json", "html", "docx", "pdf")."""
    try:
        renderer = RENDERERS[to]
    except KeyError:
        raise ValueError(f"不支持的输出格式：{to}（可选：{'、'.join(RENDERERS)}）") from None
    return renderer(comparison)
