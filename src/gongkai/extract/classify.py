"""Is this document a 政府信息公开工作年度报告 at all?

Evidence is counted on normalised text: the report's title phrase, the statutory section
headings, the table labels and the statistics-period sentence every format prescribes. A
work summary or a rule-of-law report may mention 政务公开, but does not carry the statutory
parts; the classifier says so instead of returning an empty report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gongkai.text import to_simplified

_TITLE = re.compile(
    r"政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)|信息公开年度报告|发布本年度报告"
)
_STATUTORY_PARTS = (
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
_TABLE_LABELS = (
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "结转下年度继续办理",
    "第二十条第",
)
_PERIOD = re.compile(r"统计(?:期限|时限|时间|区间)")
# A document setting two years' reports side by side (a comparison tool's output) carries
# every statutory part twice; it is about two reports, not one. Each pattern yields the
# two years, and counts only when they differ.
_TWO_YEARS_HEAD = (
    re.compile(r"(20\d\d)年?(?:vs\.?|对比|比对|比较|对照)(20\d\d)", re.I),
    re.compile(r"(20\d\d)年(?:度)?(?:报告|年报)(20\d\d)年(?:度)?(?:报告|年报)"),
)
_TWO_YEARS_COLUMNS = re.compile(r"(20\d\d)年(20\d\d)年(?:增减|变化|差异|同比)")
_HEAD_CHARS = 600  # where a title is looked for
_MIN_SIGNAL = 4
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Classification:
    is_report: bool
    signal: int
    evidence: tuple[str, ...]  # Chinese, what was found
    reason: str  # Chinese, one sentence: why it is or is not a report


def _two_years(flat: str) -> tuple[str, str] | None:
    """The two years a comparison document sets side by side, else None."""
    head = unicodedata.normalize("NFKC", flat[:_HEAD_CHARS])  # peer PDFs print ⽐ for 比
    matches = [m for pattern in _TWO_YEARS_HEAD for m in pattern.finditer(head)]
    if any(flat.count(label) >= 2 for label in _TABLE_LABELS[:3]):
        # columns of two years beside the tables printed twice; a report comparing one
        # figure with last year's prints its own tables once
        matches += list(_TWO_YEARS_COLUMNS.finditer(flat))
    for match in matches:
        if match.group(1) != match.group(2):
            return match.group(1), match.group(2)
    return None


def _flat(text: str) -> str:
    return _SPACE.sub("", to_simplified(text))


def _evidence(flat: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    title = _TITLE.search(flat)
    if title:
        found.append((f"标题“{title.group(0)}”", 3 if title.start() < _HEAD_CHARS else 1))
    found += [(f"“{part}”部分", 1) for part in _STATUTORY_PARTS if part in flat]
    labels = [label for label in _TABLE_LABELS if label in flat]
    if labels:
        found.append((f"表格标签“{labels[0]}”等", min(len(labels), 2)))
    if _PERIOD.search(flat):
        found.append(("统计期限说明", 1))
    return found


def report_signal(text: str) -> int:
    """How strongly ``text`` reads like an annual report (0 = not at all)."""
    return sum(weight for _, weight in _evidence(_flat(text)))


def _head(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) >= 4:
            return line[:40]
    return ""


def classify(text: str) -> Classification:
    flat = _flat(text)
    found = _evidence(flat)
    signal = sum(weight for _, weight in found)
    evidence = tuple(what for what, _ in found)
    head = _head(text)
    opening = f"（开头：“{head}”）" if head else ""
    years = _two_years(flat)
    if years is not None:
        return Classification(
            False,
            signal,
            evidence,
            f"不是政府信息公开工作年度报告{opening}：这是{years[0]}年与{years[1]}年两份年度报告的"
            "比对文档，请分别读取各年度的报告原文",
        )
    if signal >= _MIN_SIGNAL:
        return Classification(
            True, signal, evidence, "是政府信息公开工作年度报告：" + "、".join(evidence)
        )
    missing = "既没有年度报告标题，也没有“二、主动公开政府信息情况”等法定部分和统计表格"
    if evidence:
        missing = f"只找到{'、'.join(evidence)}，缺少年度报告的法定部分和统计表格"
    return Classification(
        False, signal, evidence, f"不是政府信息公开工作年度报告{opening}：{missing}"
    )
