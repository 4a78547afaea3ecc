"""Form and completeness: E1 (on time), E2 (sections, rows, labels), E5, E6."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from gongkai.agency_kinds import AGENCY_KINDS, infer_kind
from gongkai.formats import FORMAT_2019, FORMAT_2021, table2_row, table3_row
from gongkai.report import AnnualReport
from gongkai.rules.context import Context, shown
from gongkai.rules.findings import Finding, Severity
from gongkai.text import label_key

_TABLE_NAMES = {
    "table2": "表2（主动公开）",
    "table3": "表3（依申请公开）",
    "table4": "表4（复议、诉讼）",
}


def first_published(report: AnnualReport) -> date | None:
    """The day the report was first made public. A correction (a new version) is published
    later but the deadline applies to the first publication, which the corrected report
    carries as ``"correction": {"first_published": "YYYY-MM-DD", …}`` (the platform writes it)."""
    correction = report.extra.get("correction")
    first = correction.get("first_published") if isinstance(correction, dict) else None
    if isinstance(first, str):
        try:
            return date.fromisoformat(first)
        except ValueError:
            pass  # unreadable: judge the version's own date
    return report.published


def check_e1(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    published = first_published(report)
    if published is None or report.year is None:
        return
    kind = report.agency_kind
    inferred = False
    if kind is None and report.agency:
        kind, inferred = infer_kind(report.agency), True
    if kind is None or kind not in ctx.settings.deadlines:
        yield Finding(
            "E1", Severity.CANNOT_ASSESS, "机关类型未知，无法确定年报公开时限", None, "published"
        )
        return
    if not date.min.year <= report.year < date.max.year:
        yield Finding(
            "E1",
            Severity.CANNOT_ASSESS,
            f"报告年度{shown(report.year)}不是有效的公历年份，无法确定年报公开时限",
            None,
            "year",
            actual=report.year,
        )
        return
    month, day = ctx.settings.deadlines[kind]
    deadline = date(report.year + 1, month, day)
    if published > deadline:
        label = AGENCY_KINDS[kind].label if kind in AGENCY_KINDS else kind
        how = f"按名称推断为{label}" if inferred else label
        first = "首次" if published != report.published else ""
        yield Finding(
            "E1",
            Severity.WARNING,
            f"{published.isoformat()}{first}公开，晚于{deadline.isoformat()}的时限（{how}）",
            None,
            "published",
            expected=deadline.isoformat(),
            actual=published.isoformat(),
        )


def _e2_sections(report: AnnualReport) -> Iterator[Finding]:
    if report.sections is None:
        return
    fmt = report.fmt or FORMAT_2021
    present = [n for n in report.sections if n in {s.number for s in fmt.sections}]
    for section in fmt.sections:
        if section.number not in report.sections:
            yield Finding(
                "E2",
                Severity.WARNING,
                f"缺少第{section.heading.split('、')[0]}部分“{section.heading}”",
                "sections",
                section.number,
            )
    if present != sorted(present):
        yield Finding(
            "E2",
            Severity.WARNING,
            "六个部分的顺序与格式不一致",
            "sections",
            None,
            expected=sorted(present),
            actual=present,
        )


def _e2_rows(report: AnnualReport) -> Iterator[Finding]:
    fmt = report.fmt
    if fmt is None:
        return
    other = FORMAT_2019 if fmt is FORMAT_2021 else FORMAT_2021
    for table, rows, other_rows in (
        ("table2", fmt.table2.rows, other.table2.rows),
        ("table3", fmt.table3.rows, other.table3.rows),
    ):
        printed = getattr(report, table)
        if printed is None:
            continue
        name = _TABLE_NAMES[table]
        expected = {row.key for row in rows}
        for row in rows:
            if row.key not in printed:
                yield Finding("E2", Severity.WARNING, f"{name}缺少“{row.label}”行", table, row.key)
        other_keys = {row.key: row.label for row in other_rows}
        for key in printed:
            if key in expected:
                continue
            if key in other_keys:
                yield Finding(
                    "E2",
                    Severity.WARNING,
                    f"{name}印制了{other.id}年格式的“{other_keys[key]}”行，与{fmt.id}年格式不符",
                    table,
                    key,
                )
            else:
                yield Finding(
                    "E2", Severity.INFO, f"{name}有格式以外的本地扩展行“{key}”", table, key
                )


def _e2_labels(report: AnnualReport) -> Iterator[Finding]:
    for table, labels in report.labels.items():
        for key, printed in labels.items():
            row = table2_row(key, report.fmt) if table == "table2" else table3_row(key)
            official = row.label if row else key
            if label_key(printed) == label_key(official):
                continue  # the same label in other spacing, punctuation, width or script
            yield Finding(
                "E2",
                Severity.WARNING,
                f"{_TABLE_NAMES.get(table, table)}使用“{printed}”，格式规定为“{official}”",
                table,
                key,
                expected=official,
                actual=printed,
            )


def check_e2(ctx: Context) -> Iterator[Finding]:
    yield from _e2_sections(ctx.report)
    yield from _e2_rows(ctx.report)
    yield from _e2_labels(ctx.report)


def check_e5(ctx: Context) -> Iterator[Finding]:
    sections = ctx.report.sections
    if sections is None:
        return
    text = "".join(ch for ch in sections.get("5", "") if ch.isalnum())
    if len(text) < ctx.settings.empty_section_chars:
        yield Finding(
            "E5", Severity.WARNING, "“五、存在的主要问题及改进情况”为空或过于简略", "sections", "5"
        )


def check_e6(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    missing = [t for t in ("table2", "table3", "table4") if getattr(report, t) is None]
    if len(missing) == 3:
        yield Finding(
            "E6", Severity.WARNING, "统计数据未以表格形式公开（表2、表3、表4均缺失）", None, None
        )
        return
    for table in missing:
        yield Finding("E6", Severity.WARNING, f"{_TABLE_NAMES[table]}未以表格形式公开", table, None)
