"""R3 疑似错别字: a confusable character that turns a non-word into a common word.

Method (kept narrow for precision): jieba segments the text; where two neighbouring tokens
are single characters (jieba found no word containing them), and swapping one of them for a
known look-alike or sound-alike character (``CONFUSABLE``) gives a word of jieba's dictionary
with a frequency of at least ``MIN_FREQUENCY``, while the pair as written is no word at all,
the pair is a likely typo (部暑 → 部署, 按装 → 安装). Words jieba does recognise are never
flagged: a real word spelled wrongly (发布信心) belongs in the wording table (R1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from gongkai.review.findings import ReviewFinding, Severity, line_of
from gongkai.text.segmenter import tokenizer

# Pairs documented as frequent confusions in proofreading (形近字、音近字); symmetric.
_PAIRS = (
    "署暑 安按 即既 辨辩 己已 侯候 竞竟 坐座 象像 型形 须需 幅副 籍藉 厉励 度渡 源园 竣峻 "
    "暇瑕 壁璧 拨拔 崇祟 练炼 锻缎 账帐 贯惯 截载 制治 订定 绩积 峰锋 历厉 燥躁 彩采 "
    "核阂 签鉴 偿尝 抚扶 密秘 测侧 待侍 授受 策册 障章 规观 稿搞 协胁"
)


def _confusable_table(pairs: list[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for pair in pairs:
        for ch, other in ((pair[0], pair[1]), (pair[1], pair[0])):
            table[ch] = (*table.get(ch, ()), other)
    return table


CONFUSABLE = _confusable_table(_PAIRS.split())
MIN_FREQUENCY = 2000
_HAN = re.compile(r"[\u4e00-\u9fff]")


def word_frequency(word: str) -> int:
    return int(tokenizer().FREQ.get(word, 0) or 0)


def _correction(pair: str) -> str | None:
    if word_frequency(pair) > 0:
        return None  # the pair as written is a word
    best: tuple[int, str] | None = None
    for i, ch in enumerate(pair):
        for other in CONFUSABLE.get(ch, ()):
            candidate = pair[:i] + other + pair[i + 1 :]
            freq = word_frequency(candidate)
            if freq >= MIN_FREQUENCY and (best is None or freq > best[0]):
                best = (freq, candidate)
    return best[1] if best else None


def check_confusables(text: str) -> Iterator[ReviewFinding]:
    # Without HMM, jieba leaves characters outside dictionary words as single tokens.
    tokens = list(tokenizer().tokenize(text, HMM=False))
    for (first, start, _), (second, _, end) in pairwise(tokens):
        if len(first) != 1 or len(second) != 1:
            continue
        pair = first + second
        if not (_HAN.match(first) and _HAN.match(second)):
            continue
        fix = _correction(pair)
        if fix is not None:
            yield ReviewFinding(
                "R3",
                "疑似错别字",
                Severity.WARNING,
                start,
                end,
                line_of(text, start),
                pair,
                fix,
                f"疑似错别字：“{pair}”不成词，可能应为“{fix}”",
            )
