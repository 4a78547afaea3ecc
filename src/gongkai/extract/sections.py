"""The six statutory sections' text, found by their headings wherever they are printed.

Crawled texts often run the whole report into one line, so headings are searched in the
text, not matched line by line. A heading counts where it is numbered (一、…) or stands
alone on its line; the same words inside a sentence ("全文由总体情况、主动公开…组成") do
not. The printed numeral is not trusted (reports skip or repeat numbers): the words say
which section it is. Lines of table rows the recogniser read values from are left out,
and so are page footers and the website footer after the last section.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from gongkai.extract.document import Document, Provenance, TextLine
from gongkai.formats import FORMAT_2021
from gongkai.formats.labels import strip_numbering
from gongkai.text import label_key, to_simplified

# A numbered heading: 三、 or 3. — but not 第三 or the end of a number (…13、).
_NUMERAL = r"(?:(?<!第)[一二三四五六七八九十]{1,2}|(?<!\d)[1-9])\s*[、.．,，]?\s*"
_PAGE_FOOTER = re.compile(r"^\s*[-—–－]*\s*\d{1,3}\s*[-—–－]*\s*$")
_SITE_FOOTER = re.compile(
    r"版权所有|主办单位|网站标识码|ICP备|公网安备|技术支持|联系我们|网站地图"
    r"|[【\[]?\s*(?:打印本页|关闭窗口|打印|关闭)\s*[】\]]|打印本页|关闭窗口|分享到|扫一扫"
    r"|(?:^|\n)\s*(?:上一篇|下一篇|相关链接|相关文章|相关阅读|相关新闻)"
)
# Site navigation a crawled page keeps before the article: breadcrumbs, menus, toolbars.
_NAVIGATION = re.compile(
    r"^\s*(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]"
    r"|首页\s*(?:>|＞|»|›|/|→|-)"
    r"|字号\s*[:：]|分享到|浏览次数|阅读次数|访问次数|扫一扫|打印本页|关闭窗口|【\s*打印"
    r"|^\s*(?:上一篇|下一篇|相关链接|相关文章|相关阅读)"
    r"|^\s*(?:[^\s|｜。，；：:]{1,12}\s*[|｜]\s*){2,}[^\s|｜。，；：:]{1,12}\s*$"  # 首页 | 政务公开 | …
    r"|^\s*(?:[^\s\d。，；：:、]{2,12}[\s\u3000]+){2,}[^\s\d。，；：:、]{2,12}\s*$"  # a menu
)


def _phrase_pattern(words: str) -> str:
    """Regex for a heading's words allowing whitespace and any punctuation between them."""
    return r"[\s、，,]*".join(re.escape(ch) for ch in words)


def _section_patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for section in FORMAT_2021.sections:
        forms = sorted(
            {
                strip_numbering(label_key(text))
                for text in (
                    section.heading,
                    *section.aliases,
                )
            },
            key=len,
            reverse=True,
        )
        words = "|".join(_phrase_pattern(form) for form in forms)
        numbered = rf"{_NUMERAL}(?:{words})"
        alone = rf"(?:^|(?<=\n))[\s#*]*(?:{words})[\s*]*(?=\n|$)"
        patterns.append((section.number, re.compile(rf"{numbered}|{alone}", re.M)))
    return patterns


_PATTERNS = _section_patterns()


@dataclass(frozen=True)
class SectionText:
    number: str
    text: str
    prov: Provenance  # where the heading was printed


def _aligned_simplified(text: str) -> str:
    """Simplified text of the same length, so positions found in it hold in ``text``."""
    simple = to_simplified(text)
    if len(simple) == len(text):
        return simple
    return "".join(s if len(s := to_simplified(ch)) == 1 else ch for ch in text)


def _body_lines(doc: Document, used_rows: Collection[tuple[int, int]]) -> list[TextLine]:
    return [
        line
        for line in doc.lines
        if (line.prov.table, line.prov.row) not in used_rows and not _PAGE_FOOTER.match(line.text)
    ]


def _trim(text: str, *, last: bool) -> str:
    """A section's text; the site's footer can only follow the last one (a report may
    well mention 网站地图 or 联系我们 in its narrative)."""
    footer = _SITE_FOOTER.search(to_simplified(text)) if last else None
    if footer:
        text = text[: footer.start()]
    return text.strip(" \t\r\n\u3000\u00a0")


def _without_navigation(text: str) -> str:
    """The text before section 一 without the site's menus, breadcrumbs and toolbars."""
    kept = [line for line in text.split("\n") if not _NAVIGATION.search(to_simplified(line))]
    return "\n".join(kept).strip(" \t\r\n\u3000\u00a0")


PREAMBLE = "preamble"


def read_sections(
    doc: Document, used_rows: Collection[tuple[int, int]] = (), *, preamble: bool = False
) -> list[SectionText]:
    """The sections found, in document order; a section not printed is simply absent.

    ``used_rows`` are the (grid, row) pairs table recognition read values from; their lines
    are table content, not narrative. Other lines inside grids (framed text, headers) stay.
    With ``preamble``, the text before the first heading (title, legal basis, 统计期限…)
    comes first as number ``PREAMBLE`` when there is any.
    """
    lines = _body_lines(doc, used_rows)
    text = "\n".join(line.text for line in lines)
    starts: list[int] = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line.text) + 1
    simple = _aligned_simplified(text)
    found: list[tuple[str, int, int]] = []  # number, heading start, heading end
    cursor = 0
    for number, pattern in _PATTERNS:
        match = pattern.search(simple, cursor)
        if match:
            found.append((number, match.start(), match.end()))
            cursor = match.end()
    sections = []
    if preamble and found and (before := _without_navigation(text[: found[0][1]])):
        sections.append(SectionText(PREAMBLE, before, lines[0].prov if lines else Provenance()))
    for index, (number, start, end) in enumerate(found):
        stop = found[index + 1][1] if index + 1 < len(found) else len(text)
        line_index = max(i for i, s in enumerate(starts) if s <= start) if starts else 0
        base = lines[line_index].prov if lines else Provenance()
        prov = base
        if base.offset is not None and base.page is None:
            prov = Provenance(
                line=base.line, offset=base.offset + start - starts[line_index], length=end - start
            )
        last = index + 1 == len(found)
        sections.append(SectionText(number, _trim(text[end:stop], last=last), prov))
    return sections
