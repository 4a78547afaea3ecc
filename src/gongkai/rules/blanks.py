"""E7: template text nobody filled in (（请填写）, 【待补充】, XX局, ×××, 此处填写 …).

A draft written from a template (``gongkai.drafting``) carries instructions in brackets;
a report published with them is incomplete, so this is an error. The patterns are a table,
each one narrow enough to stay silent on real reports: an instruction counts inside
brackets or where a sentence starts, 待补充 only standing alone (有待补充完善 is prose), and
X/× runs only outside Latin words (zfxxgk in a URL is not a blank). Masked names (张**)
and anonymised parties (某某公司) are deliberate and not matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.formats import FORMAT_2021
from gongkai.rules.context import Context
from gongkai.rules.findings import Finding, Severity
from gongkai.text import to_simplified

_OPEN, _CLOSE = r"[（(【\[〔<＜]", r"[）)】\]〕>＞]"
_INSIDE = r"[^（()）【】\[\]〔〕<>＜＞]"  # one character within one pair of brackets
_FILL = r"(?:填写|填入|填报|补充|输入|录入|完善|补填)"
_STOP = r"[。；;：:！!？?，,、]"


@dataclass(frozen=True)
class Blank:
    what: str  # how the message names it
    pattern: re.Pattern[str]


BLANKS = (
    # （请填写其他需要报告的事项。）【请补充】（此处填写具体做法）
    Blank(
        "填写提示",
        re.compile(
            f"{_OPEN}(?:请|此处|在此|这里){_INSIDE}{{0,80}}?{_FILL}{_INSIDE}{{0,80}}?{_CLOSE}"
        ),
    ),
    # （待补充）【待定】（需填写）
    Blank(
        "待补充标记",
        re.compile(f"{_OPEN}(?:(?:待|需|须)?{_FILL}|待定|待确认)(?:内容|数据)?{_CLOSE}"),
    ),
    # 费用情况：待补充。 — standing alone between stops, not 有待补充完善
    Blank(
        "待补充标记",
        re.compile(f"(?:^|(?<={_STOP}))待(?:{_FILL}|定)(?:内容|数据|信息)?(?=$|{_STOP})"),
    ),
    # 此处填写…、在此处输入…
    Blank("填写提示", re.compile(f"(?:在?此处|在此){_FILL}")),
    # 请填写本年度… where a sentence starts
    Blank("填写提示", re.compile(f"(?:^|(?<={_STOP}))请(?:在此|于此)?(?:填写|填入|输入|补充)")),
    # XX局、20XX年、×××同志 (not a Latin word or a URL: zfxxgk, XXL)
    Blank("占位符", re.compile(r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|[×✕╳]{2,})(?![A-Za-z])")),
    # 共收到申请____件
    Blank(
        "填空横线",
        re.compile(r"(?<=[\u4e00-\u9fff\d：:])[_＿]{3,}|[_＿]{3,}(?=[\u4e00-\u9fff])"),
    ),
)


def _searchable(text: str) -> tuple[str, list[int]]:
    """The text as patterns read it (NFKC, simplified, no whitespace) and, per character,
    its index in ``text`` (to_simplified maps character for character)."""
    simplified = to_simplified(text)
    kept = [i for i, ch in enumerate(simplified) if not ch.isspace()]
    return "".join(simplified[i] for i in kept), kept


def blanks_in(text: str) -> list[tuple[str, str]]:
    """(what, printed text) of each blank in ``text``, in reading order, overlaps merged;
    the printed text is the original's (full-width, traditional), without line breaks."""
    searchable, kept = _searchable(text)
    same_length = len(to_simplified(text)) == len(text)  # NFKC may expand a ligature
    matches = sorted(
        (m.start(), m.end(), blank.what)
        for blank in BLANKS
        for m in blank.pattern.finditer(searchable)
    )
    found: list[tuple[str, str]] = []
    end = -1
    for start, stop, what in matches:
        if start >= end:  # one blank matched by two patterns is one finding
            span = text[kept[start] : kept[stop - 1] + 1] if same_length else searchable[start:stop]
            found.append((what, "".join(ch for ch in span if not ch.isspace())))
        end = max(end, stop)
    return found


def check_e7(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    headings = {s.number: s.heading for s in (report.fmt or FORMAT_2021).sections}
    if report.title:
        for what, printed in blanks_in(report.title):
            yield Finding(
                "E7",
                Severity.ERROR,
                f"标题有未填写的{what}“{printed}”",
                None,
                "title",
                actual=printed,
            )
    for number, text in (report.sections or {}).items():
        place = f"“{headings[number]}”部分" if number in headings else f"第{number}部分"
        for what, printed in blanks_in(text):
            yield Finding(
                "E7",
                Severity.ERROR,
                f"{place}有未填写的模板文字（{what}）“{printed}”，请填写或删除",
                "sections",
                number,
                actual=printed,
            )
