"""Draft the six section texts of an annual report from its tables.

Staff edit the drafts; the figures in them come from the same tables, so the narrative
agrees with the tables (rule D1) until someone changes it by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from gongkai.report import AnnualReport, numeric
from gongkai.report.cells import Number


def _t3(report: AnnualReport, row: str) -> Number:
    values = (report.table3 or {}).get(row)
    return (numeric(values[-1]) or 0) if values else 0


def _t3_group(report: AnnualReport, prefix: str) -> Number:
    return sum(
        (numeric(values[-1]) or 0)
        for key, values in (report.table3 or {}).items()
        if key.startswith(prefix)
    )


def _t4(report: AnnualReport, index: int) -> Number:
    return (numeric(report.table4[index]) or 0) if report.table4 else 0


def _t2(report: AnnualReport, row: str, index: int) -> Number | None:
    values = (report.table2 or {}).get(row)
    return numeric(values[index]) if values and index < len(values) else None


def _section_1(report: AnnualReport) -> str:
    return (
        f"{report.year}年，{report.agency}深入贯彻《中华人民共和国政府信息公开条例》，"
        "围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障等方面推进政府信息公开工作。"
        "（请补充本年度工作的具体做法和成效。）"
    )


def _section_2(report: AnnualReport) -> str:
    parts = []
    issued = _t2(report, "normative_documents", 0)
    in_force = _t2(report, "normative_documents", 2)
    if issued is not None and in_force is not None:
        parts.append(f"本年制发行政规范性文件{issued}件，现行有效{in_force}件")
    licensing = _t2(report, "licensing", -1)
    if licensing is not None:
        parts.append(f"作出行政许可决定{licensing}件")
    body = "，".join(parts) or "主动公开政府信息情况"
    return f"{body}。具体情况见下表。"


def _section_3(report: AnnualReport) -> str:
    new, over = _t3(report, "new_received"), _t3(report, "carried_over")
    total, forward = _t3(report, "total"), _t3(report, "carried_forward")
    return (
        f"本年度共收到政府信息公开申请{new}件，上年结转{over}件。"
        f"办结{total}件，其中予以公开{_t3(report, 'granted')}件，部分公开{_t3(report, 'partial')}件，"
        f"不予公开{_t3_group(report, 'denied_')}件，无法提供{_t3_group(report, 'unable_')}件，"
        f"不予处理{_t3_group(report, 'not_processed_')}件，其他处理{_t3_group(report, 'other')}件；"
        f"结转下年度继续办理{forward}件。具体情况见下表。"
    )


def _section_4(report: AnnualReport) -> str:
    suits = _t4(report, 9) + _t4(report, 14)
    return (
        f"本年度因政府信息公开引发行政复议{_t4(report, 4)}件，行政诉讼{suits}件。具体情况见下表。"
    )


def _section_5(report: AnnualReport) -> str:
    return "（请填写本年度政府信息公开工作存在的主要问题，以及改进情况和下一步工作安排。）"


def _section_6(report: AnnualReport) -> str:
    unpaid = _t3(report, "other_2")
    fee = "本年度未收取信息处理费。" if not unpaid else "本年度信息处理费收取情况：（请填写）。"
    return f"{fee}（请填写其他需要报告的事项。）"


DRAFTERS: dict[str, Callable[[AnnualReport], str]] = {
    "1": _section_1,
    "2": _section_2,
    "3": _section_3,
    "4": _section_4,
    "5": _section_5,
    "6": _section_6,
}


def draft_sections(report: AnnualReport) -> dict[str, str]:
    """Draft texts for sections 一 to 六 in order, figures taken from the report's tables."""
    return {number: draft(report) for number, draft in DRAFTERS.items()}
