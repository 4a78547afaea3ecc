"""Prose checks that help reviewers (P1–P4): warnings and hints, never errors.

They read only the prose sections (一 总体情况, 五 问题及改进, 六 其他事项): the other
sections carry the tables, whose captions (（一）（五）（六）（八）) and repeated headers
(结果结果) are layout, not prose. Each rule is tuned for precision; a project that still
finds one noisy switches it off (``RuleSettings.disabled``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gongkai.report import AnnualReport, numeric
from gongkai.report.cells import MAX_WHOLE_DIGITS, Number
from gongkai.rules.context import Context
from gongkai.rules.findings import Finding, Severity
from gongkai.text import compact

PROSE_SECTIONS = ("1", "5", "6")
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def _prose(report: AnnualReport) -> Iterator[tuple[str, str]]:
    for number in PROSE_SECTIONS:
        text = compact((report.sections or {}).get(number, ""))
        if text:
            yield number, text


def _excerpt(text: str, start: int, end: int, around: int = 8) -> str:
    return text[max(start - around, 0) : end + around]


# --- P1 heading numbering --------------------------------------------------------------


def _cn_number(text: str) -> int | None:
    """一 … 九十九 as a number (the ordinals of headings)."""
    if text == "十":
        return 10
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    tens, _, ones = text.partition("十")
    value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return value if "十" in text else None


@dataclass(frozen=True)
class Numbering:
    """One style of heading ordinal, found where a heading starts."""

    name: str
    pattern: re.Pattern[str]
    value: Callable[[str], int | None]


_SENTENCE_START = r"^|(?<=[。；：，！？#])"
_STARTS = f"(?:{_SENTENCE_START})"
# A list of 一是、二是 often follows its heading without a stop; only 一 after a word like
# 统一、唯一、之一 is not an ordinal.
_FIRST = r"(?<![统唯第同之其单逐万])(?=一是)"
# Outermost first: a heading of one level restarts the lists below it.
NUMBERINGS = (
    # （一）: anywhere but in a citation (第二十条第（一）项, （一）款).
    Numbering(
        "（一）",
        re.compile(r"(?<!第)[（(]([一二三四五六七八九十]{1,3})[)）](?![项款条号目])"),
        _cn_number,
    ),
    Numbering(
        "一是",
        re.compile(f"(?:{_SENTENCE_START}|{_FIRST})" + r"([一二三四五六七八九十]{1,3})是"),
        _cn_number,
    ),
    # 1. / 1、 starting a sentence, not a decimal (1.5万条).
    Numbering("1.", re.compile(_STARTS + r"(\d{1,2})[.、．](?!\d)"), lambda s: int(s)),
)


def _ordinals(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """(level, value, match) of every heading ordinal, in reading order."""
    found = []
    for level, style in enumerate(NUMBERINGS):
        for match in style.pattern.finditer(text):
            value = style.value(match.group(1))
            if value is not None:
                found.append((level, value, match))
    return sorted(found, key=lambda item: item[2].start())


def check_p1(ctx: Context) -> Iterator[Finding]:
    """Each level counts 1, 2, 3 …; a list may start again at 1, and a heading of a higher
    level starts the lists below it afresh."""
    for number, text in _prose(ctx.report):
        previous: dict[int, int] = {}
        for level, value, match in _ordinals(text):
            before = previous.get(level)
            if before is not None and value != 1 and value != before + 1:
                kind = "重复" if value == before else "跳号" if value > before else "倒序"
                yield Finding(
                    "P1",
                    Severity.WARNING,
                    f"小标题序号{kind}：“{match.group(0)}”前一个序号为{before}"
                    f"（“{_excerpt(text, match.start(), match.end())}”）",
                    "sections",
                    number,
                    expected=before + 1,
                    actual=value,
                )
            previous = {k: v for k, v in previous.items() if k < level}
            previous[level] = value


# --- P2 duplicated characters and words ------------------------------------------------

# Function words never doubled on purpose (在在 is in 实实在在, 对对 in 针对对象, 从从 in
# 从从事: those are left out).
_DOUBLED_CHAR = re.compile(r"([的和及与于其被把将或])\1")
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
# Words reports do repeat on purpose (ABAB reduplication, one by one).
ALLOWED_REPEATS = frozenset(
    {"研究", "讨论", "学习", "商量", "一个", "一件", "一次", "一项", "一条", "一步", "一年"}
)


def check_p2(ctx: Context) -> Iterator[Finding]:
    for number, text in _prose(ctx.report):
        matches = [*_DOUBLED_CHAR.finditer(text), *_DOUBLED_WORD.finditer(text)]
        for match in sorted(matches, key=lambda m: m.start()):
            if match.group(1) in ALLOWED_REPEATS:
                continue
            yield Finding(
                "P2",
                Severity.WARNING,
                f"疑似重复字词“{match.group(0)}”（“{_excerpt(text, match.start(), match.end())}”）",
                "sections",
                number,
                expected=match.group(1),
                actual=match.group(0),
            )


# --- P3 sentences cut off --------------------------------------------------------------

_FINAL = "。！？；…”’」）)"
# A section may end in a signature date, an attachment, a file name or markup.
_NOT_A_SENTENCE_END = re.compile(r"(?:\d+年\d+月\d+日|附件[:：][^。]*|\.[A-Za-z]{2,4}|[#*|\-]+)$")
# A sentence ending in a conjunction or a preposition lost its end (平和、总和 are words).
_CUT_BEFORE_STOP = re.compile(
    r"(?:以及|(?<![总平温缓附调柔])和|或|被|把|对于|关于|由于|并且|而且|包括)。"
)


def check_p3(ctx: Context) -> Iterator[Finding]:
    for number, text in _prose(ctx.report):
        for match in _CUT_BEFORE_STOP.finditer(text):
            yield Finding(
                "P3",
                Severity.WARNING,
                f"句子疑似不完整：在“{match.group(0)[:-1]}”处结束"
                f"（“{_excerpt(text, match.start(), match.end(), 12)}”）",
                "sections",
                number,
            )
        if text[-1] not in _FINAL and not _NOT_A_SENTENCE_END.search(text):
            yield Finding(
                "P3",
                Severity.INFO,
                f"本部分结尾没有句末标点，可能有内容缺失（结尾为“{text[-12:]}”）",
                "sections",
                number,
            )


# --- P4 figures in the text against the tables (what D1 does not cover) ----------------


def _cell(table: str, row: str, index: int) -> Callable[[AnnualReport], Number | None]:
    def read(report: AnnualReport) -> Number | None:
        values = (getattr(report, table) or {}).get(row)
        return numeric(values[index]) if values and index < len(values) else None

    return read


@dataclass(frozen=True)
class Figure:
    what: str
    pattern: re.Pattern[str]
    table: str
    row: str
    column: str
    read: Callable[[AnnualReport], Number | None]


_COUNT = rf"(?:共|合计)?(\d{{1,{MAX_WHOLE_DIGITS}}})件"
FIGURES = (
    Figure("上年结转申请", re.compile(r"上年结转(?:政府信息公开申请)?" + _COUNT),
           "table3", "carried_over", "total", _cell("table3", "carried_over", -1)),
    Figure("结转下年度继续办理", re.compile(r"结转下年度(?:继续办理)?" + _COUNT),
           "table3", "carried_forward", "total", _cell("table3", "carried_forward", -1)),
    Figure("予以公开", re.compile(r"(?<![及或、和])予以公开" + _COUNT),
           "table3", "granted", "total", _cell("table3", "granted", -1)),
    Figure("制发行政规范性文件", re.compile(r"制发(?:行政)?规范性文件" + _COUNT),
           "table2", "normative_documents", "issued",
           _cell("table2", "normative_documents", 0)),
)  # fmt: skip


def check_p4(ctx: Context) -> Iterator[Finding]:
    """A figure quoted once (one value) that differs from its table cell."""
    text = "".join(text for _, text in _prose(ctx.report))
    if ctx.report.fmt is None or ctx.report.fmt.id != "2021":
        return  # the 2019 table 2 counts documents differently (制作/公开)
    for figure in FIGURES:
        quoted = {int(m.group(1)) for m in figure.pattern.finditer(text)}
        value = figure.read(ctx.report)
        if len(quoted) != 1 or value is None:
            continue  # not quoted, quoted with several scopes, or no table value
        (number,) = quoted
        if number != value:
            yield Finding(
                "P4",
                Severity.WARNING,
                f"正文称{figure.what}{number}件，表格为{value}件",
                figure.table,
                figure.row,
                figure.column,
                expected=value,
                actual=number,
            )
