"""E3: section 一 should report disclosure work, not generalise into other topics (不宜泛化).

The measure is deliberately simple and explainable: the share of the section's characters
that sit in sentences naming a disclosure topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.rules.context import Context
from gongkai.rules.findings import Finding, Severity
from gongkai.text import to_simplified

# Words that only occur when a sentence is about disclosure work (Art. 20–50 vocabulary).
DISCLOSURE_TERMS = (
    "公开",
    "政府信息",
    "政策解读",
    "解读",
    "回应关切",
    "政府网站",
    "门户网站",
    "政务新媒体",
    "新闻发布",
    "政府公报",
    "信息发布",
    "保密审查",
    "公开目录",
    "公开指南",
    "依申请",
    "监督保障",
    "考核",
    "社会评议",
    "责任追究",
    "档案",
    "查阅点",
)
_TERMS = re.compile("|".join(map(re.escape, DISCLOSURE_TERMS)))
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；\n]?")


def topical_share(text: str) -> float:
    """Share (0…1) of characters in sentences that mention a disclosure term."""
    sentences = _SENTENCE.findall(to_simplified(text))
    size = sum(len(s.strip()) for s in sentences)
    if size == 0:
        return 0.0
    return sum(len(s.strip()) for s in sentences if _TERMS.search(s)) / size


def check_e3(ctx: Context) -> Iterator[Finding]:
    sections = ctx.report.sections
    if sections is None or "1" not in sections:
        return
    text = sections["1"]
    if len(text.strip()) < ctx.settings.topical_min_chars:
        return
    share = topical_share(text)
    if share < ctx.settings.topical_min_share:
        yield Finding(
            "E3",
            Severity.WARNING,
            f"“一、总体情况”中仅{share:.0%}的内容涉及政务公开工作，存在泛化",
            "sections",
            "1",
            expected=f">= {ctx.settings.topical_min_share:.0%}",
            actual=f"{share:.0%}",
        )
