"""Text against tables: D1 (quoted figures), D2 (fee note), D3 (year), D4 (format vs year)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gongkai.formats import UnknownFormatError, format_for_year
from gongkai.report import AnnualReport, numeric
from gongkai.report.cells import MAX_WHOLE_DIGITS, Number
from gongkai.rules.context import Context
from gongkai.rules.findings import Finding, Severity
from gongkai.text import compact, to_simplified


def _t3_total(row: str) -> Callable[[AnnualReport], Number | None]:
    def read(report: AnnualReport) -> Number | None:
        values = (report.table3 or {}).get(row)
        return numeric(values[-1]) if values else None

    return read


def _t4(*indexes: int) -> Callable[[AnnualReport], Number | None]:
    def read(report: AnnualReport) -> Number | None:
        if report.table4 is None:
            return None
        numbers = [numeric(report.table4[i]) for i in indexes]
        return None if any(n is None for n in numbers) else sum(n for n in numbers if n is not None)

    return read


@dataclass(frozen=True)
class Quote:
    """A figure the narrative usually quotes, and the table cells it must equal."""

    what: str
    pattern: re.Pattern[str]
    table: str
    row: str
    readers: tuple[Callable[[AnnualReport], Number | None], ...]  # any one may match


# A figure of more digits than any real count is not a quoted count (and Python could not
# even convert one beyond 4300 digits).
_NUMBER = rf"\s*(\d{{1,{MAX_WHOLE_DIGITS}}})\s*(?:件|份|条|个)"
QUOTES = (
    Quote(
        "收到政府信息公开申请",
        re.compile(
            r"(?:收到|受理|新收|接收)[^。；;\n]{0,12}?信息公开申请(?:共|总计|合计)?" + _NUMBER
        ),
        "table3",
        "new_received",
        # Some agencies count the carried-over applications in; both readings are accepted.
        (
            _t3_total("new_received"),
            lambda r: _sum(_t3_total("new_received")(r), _t3_total("carried_over")(r)),
        ),
    ),
    Quote(
        "行政复议",
        re.compile(r"(?:发生|收到|涉及)?[^。；;\n]{0,6}?行政复议(?:案件)?(?:共)?" + _NUMBER),
        "table4",
        "review",
        (_t4(4),),
    ),
    Quote(
        "行政诉讼",
        re.compile(r"(?:发生|收到|涉及)?[^。；;\n]{0,6}?行政诉讼(?:案件)?(?:共)?" + _NUMBER),
        "table4",
        "direct_suit",
        (_t4(9, 14),),
    ),
)


def _sum(a: Number | None, b: Number | None) -> Number | None:
    return None if a is None or b is None else a + b


def _narrative(report: AnnualReport) -> str:
    return to_simplified("\n".join((report.sections or {}).values()))


def check_d1(ctx: Context) -> Iterator[Finding]:
    text = _narrative(ctx.report)
    if not text:
        return
    for quote in QUOTES:
        figures = {int(m.group(1)) for m in quote.pattern.finditer(text)}
        if len(figures) != 1:
            continue  # not quoted, or quoted with several scopes: nothing certain to compare
        (figure,) = figures
        values = [read(ctx.report) for read in quote.readers]
        if all(v is None for v in values) or figure in values:
            continue
        table_value = next(v for v in values if v is not None)
        yield Finding(
            "D1",
            Severity.WARNING,
            f"正文称{quote.what}{figure}件，表格为{table_value}件",
            quote.table,
            quote.row,
            "total",
            expected=table_value,
            actual=figure,
        )


def check_d2(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    unpaid = numeric(((report.table3 or {}).get("other_2") or [None])[-1])
    if not unpaid or report.sections is None:
        return
    if "信息处理费" not in to_simplified(report.sections.get("6", "")):
        yield Finding(
            "D2",
            Severity.WARNING,
            f"表3有{unpaid}件因逾期未缴费不再处理，但第六部分未说明信息处理费收取情况",
            "sections",
            "6",
        )


_TITLE_YEAR = re.compile(r"(\d{4})\s*年")
# Matched on text without whitespace: reports break the sentence across lines, and many
# omit the second year (2023年1月1日至12月31日).
_PERIOD = re.compile(r"(\d{4})年1月1日[^。]{0,6}?至(?:(\d{4})年)?12月31日")


def _period_text(report: AnnualReport) -> str:
    """The preamble (where reports state the 统计期限) and the sections, without whitespace."""
    sections = "\n".join((report.sections or {}).values())
    return compact(str(report.extra.get("preamble") or "")) + compact(sections)


def check_d3(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    if report.year is None:
        return
    if report.title:
        match = _TITLE_YEAR.search(report.title)
        if match and int(match.group(1)) != report.year:
            yield Finding(
                "D3",
                Severity.WARNING,
                f"标题年度为{match.group(1)}年，报告数据年度为{report.year}年",
                None,
                "title",
                None,
                expected=report.year,
                actual=int(match.group(1)),
            )
    for match in _PERIOD.finditer(_period_text(report)):
        years = {int(match.group(1)), int(match.group(2) or match.group(1))}
        if years != {report.year}:
            yield Finding(
                "D3",
                Severity.WARNING,
                f"正文统计期限“{match.group(0)}”与报告年度{report.year}年不一致",
                "sections",
                None,
                None,
                expected=report.year,
                actual=sorted(years),
            )


def _printed_format(report: AnnualReport) -> str | None:
    """The format the printed table 2 (else table 3) has, judged from its rows."""
    table2 = report.table2 or {}
    if {"other_services", "procurement"} & table2.keys() or len(table2.get("licensing", [])) == 3:
        return "2019"
    if len(table2.get("licensing", [])) == 1:
        return "2021"
    table3 = report.table3 or {}
    if {"other_1", "other_2", "other_3"} & table3.keys():
        return "2021"
    if "other" in table3:
        return "2019"
    return report.format


def check_d4(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    printed = _printed_format(report)
    if report.year is None or printed is None:
        return
    try:
        expected = format_for_year(report.year).id
    except UnknownFormatError:
        return
    if printed != expected:
        yield Finding(
            "D4",
            Severity.WARNING,
            f"{report.year}年度报告应使用{expected}年格式，实际表格为{printed}年格式",
            None,
            "format",
            expected=expected,
            actual=printed,
        )
