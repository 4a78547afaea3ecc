"""Who published the report, for which year, under which title, and when.

Every value comes with where it was read (a Provenance and the rule that found it), so a
reader can check it. Candidates are tried from the most to the least reliable place: the
container's own fields (crawler dumps, page headers), the title, the preamble sentence
(本报告由…), the narrative, the signature at the end.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from gongkai.extract.document import Document, Provenance, TextLine
from gongkai.text import to_simplified

_ORG_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|管理委员会|委员会|管委会|总局|"
    r"厅|局|委|办|署|院|中心|实验区|开发区|高新区|新区|街道办事处|街道|镇|乡)"
)
_NAME = r"[\u4e00-\u9fff]{2,30}?" + _ORG_SUFFIX
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,12}(?:省|市|自治区|区|县|自治州|州|盟|旗)")
# Words that run into a name from the left in the sentences below.
_LEAD = re.compile(
    r"^(?:特向社会公布|向社会公布|现将|现公布|发布|公布|编写了|编制了|编制|印发|关于|由)"
)
_REPORT = r"\s*(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
_TITLE_LINE = re.compile(
    r"^[\s\u3000#*]*((?:[^\s，。；：:《]{2,30}[\s\u3000]*)?\d{4}\s*年度?[^，。；\s《]{0,30}?"
    r"(?:报告|年报))"
)
_TITLE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-—–]+\s+|\s*——\s*")
_TITLE_PHRASE = re.compile(r"(?:政府信息公开|政务公开)[^，。；]{0,10}(?:报告|年报)")
_HEADER = re.compile(
    r"^\s*(标题|发布时间|发布日期|发文日期|成文日期|公开日期|发布机构)\s*[:：]\s*(.*)$"
)
_PERIOD = re.compile(
    r"统计(?:期限|时限|时间|区间|周期)[^。\n]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日"
)
_ARABIC_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
_CHINESE_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_DATE_LINE = re.compile(r"^[\s\u3000(（]*(\S{6,16}日)[)）\s\u3000]*$")
_SIGNATURE = re.compile(r"^[\s\u3000]*(" + _NAME + r")[\s\u3000]*$")
_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
_SPACE = re.compile(r"\s+")
_HEAD_LINES = 12
_SHORT_LINE = 40  # a title line this short may wrap onto the next line
_TAIL_LINES = 8


@dataclass(frozen=True)
class Found:
    value: str
    prov: Provenance
    how: str  # which rule found it (Chinese, shown in provenance)


@dataclass
class Metadata:
    title: Found | None = None
    agency: Found | None = None
    year: int | None = None
    year_found: Found | None = None
    published: date | None = None
    published_found: Found | None = None
    warnings: list[str] = field(default_factory=list)

    def provenance(self) -> dict[str, dict[str, object]]:
        found = {
            "title": self.title,
            "agency": self.agency,
            "year": self.year_found,
            "published": self.published_found,
        }
        return {
            key: {**item.prov.to_dict(), "printed": item.value, "how": item.how}
            for key, item in found.items()
            if item is not None
        }


class _Flow:
    """The first lines as one simplified string without whitespace (hard-wrapped sentences
    join up), able to give back the printed form and the line of what is found in it."""

    def __init__(self, lines: list[TextLine], limit: int = 400, max_chars: int = 30_000) -> None:
        self._lines = lines[:limit]
        joined = "\n".join(line.text for line in self._lines)[:max_chars]
        simple = to_simplified(joined)
        # t2s maps character for character; NFKC very rarely changes a length
        aligned = len(simple) == len(joined)
        self.text = _SPACE.sub("", simple)
        self._printed = _SPACE.sub("", joined) if aligned else self.text
        self._line_starts: list[int] = []
        position = 0
        for line in self._lines:
            self._line_starts.append(position)
            position += len(_SPACE.sub("", line.text))

    def found(self, match: re.Match[str], group: int, how: str, value: str | None = None) -> Found:
        start, end = match.start(group), match.end(group)
        if value is not None:  # a trimmed form of the group, aligned at its end
            start = end - len(value)
        line = max(bisect.bisect_right(self._line_starts, start) - 1, 0)
        return Found(self._printed[start:end], self._lines[line].prov, how)


def _nonblank(lines: list[TextLine]) -> list[TextLine]:
    return [line for line in lines if line.text.strip()]


def _clean_name(name: str) -> str:
    previous = None
    while previous != name:
        previous, name = name, _LEAD.sub("", name)
    return name


def _agency_ok(name: str) -> bool:
    return 3 <= len(name) <= 40 and re.fullmatch(_NAME, name) is not None


def _chinese_number(text: str) -> int:
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(units, 0) if units else 0)
    return _DIGITS.get(text, 0)


def parse_date(text: str) -> date | None:
    """A printed date (2021-03-31, 2021年3月31日, 二〇二一年三月三十一日) or None."""
    simplified = to_simplified(text)
    arabic = _ARABIC_DATE.search(simplified)
    try:
        if arabic:
            return date(int(arabic.group(1)), int(arabic.group(2)), int(arabic.group(3)))
        chinese = _CHINESE_DATE.search(simplified)
        if chinese:
            year = int("".join(str(_DIGITS[ch]) for ch in chinese.group(1)))
            return date(year, _chinese_number(chinese.group(2)), _chinese_number(chinese.group(3)))
    except ValueError:
        return None
    return None


# --- title -------------------------------------------------------------------------------


def _header_fields(lines: list[TextLine]) -> dict[str, tuple[str, Provenance]]:
    """``标题: …`` style lines at the top of crawler page dumps."""
    fields: dict[str, tuple[str, Provenance]] = {}
    for line in _nonblank(lines)[:_HEAD_LINES]:
        match = _HEADER.match(line.text)
        if match and match.group(2).strip():
            fields.setdefault(match.group(1), (match.group(2).strip(), line.prov))
    return fields


def _without_site_name(title: str) -> str:
    """A page <title> without the site's name around it ("…年度报告_某某市人民政府")."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    named = [p for p in parts if _TITLE_PHRASE.search(to_simplified(p))]
    return named[0] if named else title.strip()


def _title_line(text: str) -> re.Match[str] | None:
    """The title in ``text``, matched in simplified form (a traditional title ends in 報告);
    its offsets are the printed text's."""
    simple = to_simplified(text)
    return _TITLE_LINE.match(simple if len(simple) == len(text) else text)


def _is_title(text: str) -> bool:
    match = _title_line(text)
    return bool(match and _TITLE_PHRASE.search(to_simplified(match.group(1))))


def _whole_title(text: str) -> bool:
    """A title naming its agency on one line: a short line above it (a breadcrumb, 网页正文)
    is not its first half, as the agency line above ``2023年…报告`` is."""
    return _is_title(text) and re.match(rf"[\s#*]*{_NAME}", to_simplified(text)) is not None


def find_title(doc: Document) -> Found | None:
    hint = _without_site_name(doc.meta.get("title") or "")
    if hint and _TITLE_PHRASE.search(to_simplified(hint)):
        return Found(hint, Provenance(), "来源文件的标题字段")
    header = _header_fields(doc.lines).get("标题")
    if header:
        return Found(header[0], header[1], "页面标题")
    head = _nonblank(doc.lines)[:_HEAD_LINES]
    for index, line in enumerate(head):
        texts = [line.text]
        following = head[index + 1].text if index + 1 < len(head) else ""
        if following and len(line.text.strip()) <= _SHORT_LINE and not _whole_title(following):
            texts.append(line.text.rstrip() + following.strip())  # wrapped title
        for text in texts:
            match = _title_line(text)
            if not match or not _is_title(text):
                continue
            printed = text[match.start(1) : match.end(1)]
            title = re.sub(r"[\s\u3000]+", " ", printed).strip()
            above = head[index - 1].text if index else ""
            if above and _SIGNATURE.match(to_simplified(above)) and not re.match(_NAME, title):
                # a centred agency line above the title line (PDF title pages)
                return Found(f"{above.strip()} {title}", head[index - 1].prov, "标题")
            return Found(title, line.prov, "标题")
    return None


# --- agency ------------------------------------------------------------------------------


def _agency_candidates(doc: Document, title: Found | None, flow: _Flow) -> Iterator[Found]:
    hint = doc.meta.get("agency")
    if hint and _agency_ok(to_simplified(hint)):
        yield Found(hint, Provenance(), "来源文件的发布机构字段")
    header = _header_fields(doc.lines).get("发布机构")
    if header and _agency_ok(to_simplified(header[0])):
        yield Found(header[0], header[1], "页面发布机构")
    if title:
        simple = to_simplified(title.value)
        for pattern in (
            rf"^[\s#]*({_NAME})\s*\d{{4}}\s*年",
            rf"\d{{4}}\s*年度?\s*({_NAME})\s*政府信息公开",
        ):
            match = re.search(pattern, simple)
            if match:
                yield Found(title.value[match.start(1) : match.end(1)], title.prov, "标题")
    for line in _nonblank(doc.lines)[:_HEAD_LINES]:
        match = _SIGNATURE.match(to_simplified(line.text))
        if match and not _HEADER.match(line.text):
            yield Found(line.text.strip(), line.prov, "标题下方的机关名称")
    for sentence, how in _AGENCY_SENTENCES:
        for match in sentence.finditer(flow.text):
            name = _clean_name(match.group(1))
            if _agency_ok(name):
                yield flow.found(match, 1, how, name)
    tail = _nonblank(doc.lines)[-_TAIL_LINES:]
    for index, line in enumerate(tail[:-1]):
        match = _SIGNATURE.match(to_simplified(line.text))
        if match and parse_date(tail[index + 1].text):
            yield Found(line.text.strip(), line.prov, "文末落款")


_AGENCY_SENTENCES = (
    (re.compile(rf"本报告由({_NAME})(?:根据|依据|按照|编制)"), "报告说明（本报告由…）"),
    (re.compile(rf"({_NAME})" + _REPORT), "正文中的报告名称"),
    (re.compile(rf"\d{{4}}年(?:以来|度)?[,，]?({_NAME})(?:坚持|深入|认真|全面|紧紧|始终|持续|以|在)"),
     "总体情况首句"),
    (re.compile(rf"汇总({_NAME})(?:各有关单位|本机关|各单位)?政府信息公开"), "报告说明（汇总…）"),
)  # fmt: skip


def _government_of_office(name: str) -> str:
    """淮安市人民政府办公室 compiles the report of 淮安市人民政府."""
    return re.sub(r"(人民政府)(?:办公室|办公厅)$", r"\1", name)


def _completes(prefix: str, name: str) -> bool:
    """Whether ``prefix + name`` is a fuller form of ``name``: a place before it
    (淮安市 + 洪泽区人民政府), or the place an abbreviated 省…/市… name leaves out."""
    return bool(_PLACE.fullmatch(prefix)) or (name[0] in "省市县区" and len(prefix) <= 6)


def find_agency(doc: Document, title: Found | None, flow: _Flow | None = None) -> Found | None:
    candidates = list(_agency_candidates(doc, title, flow or _Flow(doc.lines)))
    if not candidates:
        return None
    best = candidates[0]
    best_name = to_simplified(best.value)
    # A fuller form of the same name elsewhere wins (洪泽区人民政府 → 淮安市洪泽区人民政府).
    for candidate in candidates[1:]:
        name = to_simplified(candidate.value)
        for form in (name, _government_of_office(name)):
            prefix = form[: len(form) - len(best_name)]
            if prefix and form.endswith(best_name) and _completes(prefix, best_name):
                best, best_name = Found(form, candidate.prov, candidate.how), form
    return best


# --- year and date -----------------------------------------------------------------------


def find_year(doc: Document, title: Found | None, flow: _Flow | None = None) -> Found | None:
    if title:
        match = re.search(r"(\d{4})\s*年", to_simplified(title.value))
        if match:
            return Found(match.group(1), title.prov, "标题")
    flow = flow or _Flow(doc.lines)
    for pattern, how in ((_PERIOD, "统计期限"), (re.compile(_REPORT), "正文中的报告名称")):
        match = pattern.search(flow.text)
        if match:
            return flow.found(match, 1, how)
    years = Counter(re.findall(r"(20[1-3]\d)年", flow.text))
    if years:
        year, _ = years.most_common(1)[0]
        return Found(year, Provenance(), "正文中最常出现的年份")
    return None


def find_published(doc: Document, year: int | None) -> tuple[date, Found] | None:
    hint = doc.meta.get("published")
    if hint and parse_date(hint):
        day = parse_date(hint)
        assert day is not None
        return day, Found(hint, Provenance(), "来源文件的发布日期字段")
    fields = _header_fields(doc.lines)
    for label in ("发布时间", "发布日期", "公开日期", "发文日期", "成文日期"):
        if label in fields and parse_date(fields[label][0]):
            day = parse_date(fields[label][0])
            assert day is not None
            return day, Found(fields[label][0], fields[label][1], f"页面{label}")
    lines = _nonblank(doc.lines)
    for line in [*lines[-_TAIL_LINES:][::-1], *lines[:4]]:
        match = _DATE_LINE.match(line.text)
        day = parse_date(match.group(1)) if match else None
        if day and (year is None or day.year > year):
            return day, Found(line.text.strip(), line.prov, "落款日期")
    return None


def read_metadata(doc: Document) -> Metadata:
    meta = Metadata()
    meta.title = find_title(doc)
    flow = _Flow(doc.lines)
    meta.agency = find_agency(doc, meta.title, flow)
    meta.year_found = find_year(doc, meta.title, flow)
    meta.year = int(meta.year_found.value) if meta.year_found else None
    published = find_published(doc, meta.year)
    if published:
        meta.published, meta.published_found = published
        if meta.published_found.how == "落款日期":
            meta.warnings.append(
                f"未注明发布日期，按文末落款日期 {meta.published.isoformat()} 计（实际发布可能更晚）"
            )
    if meta.agency is None:
        meta.warnings.append("未能识别发布机关名称")
    if meta.year is None:
        meta.warnings.append("未能识别报告年度")
    elif meta.year_found and meta.year_found.how == "正文中最常出现的年份":
        meta.warnings.append(f"标题和统计期限中没有年度，按正文中最常出现的年份 {meta.year} 计")
    return meta
