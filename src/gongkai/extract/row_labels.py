"""Which table row a printed label names, and where labels sit inside run-together text.

Matching itself is ``gongkai.formats.match_row_label`` (normalised labels of both formats);
this module adds what printed tables need around it: a label may carry a caption in front
("（四）无法提供   1.本机关不掌握相关政府信息"), and a bare short word ("其他", "总计") is a
column header, not a row, unless it carries the row's own numbering ("3.其他").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from gongkai.formats import FORMAT_2019, FORMAT_2021, LabelMatch, match_row_label
from gongkai.formats.labels import TableName, strip_numbering
from gongkai.text import label_key, to_simplified

_ROW_TABLES: tuple[TableName, ...] = ("table2", "table3")
_MIN_BARE_KEY = 3  # shorter labels must be printed exactly as the format has them
MAX_LABEL_CHARS = 90  # longer text is prose: the longest label has 38 characters
_PARTS = re.compile(r"\s+")
_OPENING = "（(〔【"
_CLOSING = "）)〕】”’」』"

# Words that only table 4's header prints: seeing one means table 4 follows.
_TABLE4_HEADER_CHARS = 400  # the header of a flattened table 4 is about 120 characters
TABLE4_HEADER_WORDS = ("行政复议", "结果维持", "尚未审结", "复议后起诉", "未经复议直接起诉")


@dataclass(frozen=True)
class RowLabel:
    table: TableName
    match: LabelMatch
    printed: str  # the part of the text that is the label


@cache
def _official_keys() -> frozenset[str]:
    keys: set[str] = set()
    for fmt in (FORMAT_2019, FORMAT_2021):
        for row in (*fmt.table2.rows, *fmt.table3.rows):
            keys.update(label_key(text) for text in (row.label, *row.aliases))
    return frozenset(keys)


def _match_whole(text: str, format_id: str) -> RowLabel | None:
    key = label_key(text)
    if not key:
        return None
    if key not in _official_keys() and len(strip_numbering(key)) < _MIN_BARE_KEY:
        return None
    for table in _ROW_TABLES:
        found = match_row_label(text, table, format_id)
        if found is not None:
            return RowLabel(table, found, text.strip())
    return None


@lru_cache(maxsize=8192)  # bounded: a batch audit sees millions of distinct text pieces
def match_label(text: str, format_id: str) -> RowLabel | None:
    """The row ``text`` names; also tries the text without leading whitespace-separated parts."""
    if len(text) <= MAX_LABEL_CHARS:
        found = _match_whole(text, format_id)
        if found is not None:
            return found
    parts = _PARTS.split(text.strip())
    for first in range(1, len(parts)):
        tail = " ".join(parts[first:])
        if len(tail) > MAX_LABEL_CHARS:
            continue
        found = _match_whole(tail, format_id)
        if found is not None:
            return found
    return None


@cache
def _structure_keys() -> tuple[str, ...]:
    """Captions, headers and headings that frame the tables (both formats)."""
    texts: set[str] = {"信息内容"}
    for fmt in (FORMAT_2019, FORMAT_2021):
        texts.update(group.caption for group in fmt.table2.groups)
        texts.update(fmt.table3.captions)
        texts.update(section.heading for section in fmt.sections)
        texts.update(fmt.table_titles.values())
    keys = {label_key(text) for text in texts}
    keys |= {strip_numbering(key) for key in keys}
    return tuple(sorted(k for k in keys if len(k) >= _MIN_BARE_KEY))


def starts_structure(text: str) -> bool:
    """Whether ``text`` begins with a table caption, header or section heading."""
    return label_key(text).startswith(_structure_keys())


def names_table4(text: str) -> bool:
    key = label_key(text[:_TABLE4_HEADER_CHARS])
    return any(word in key for word in TABLE4_HEADER_WORDS)


@cache
def _search_pattern() -> re.Pattern[str]:
    """All row labels of both formats as normalised keys, longest first."""
    keys: set[str] = set()
    for fmt in (FORMAT_2019, FORMAT_2021):
        for row in (*fmt.table2.rows, *fmt.table3.rows):
            for text in (row.label, *row.aliases):
                key = label_key(text)
                keys.add(key)
                bare = strip_numbering(key)
                if len(bare) > _MIN_BARE_KEY:
                    keys.add(bare)
    ordered = sorted(keys, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in ordered))


@dataclass(frozen=True)
class Skeleton:
    """A line reduced to label characters, with each kept character's original index."""

    text: str
    index: list[int]


def skeleton(line: str) -> Skeleton:
    simplified = to_simplified(line)
    if len(simplified) != len(line):  # NFKC changed the length: compare char by char
        simplified = "".join(to_simplified(ch)[:1] or ch for ch in line)
    chars: list[str] = []
    index: list[int] = []
    for position, ch in enumerate(simplified):
        if label_key(ch):
            chars.append(ch)
            index.append(position)
    return Skeleton("".join(chars), index)


@lru_cache(maxsize=1024)
def find_labels(line: str) -> tuple[tuple[int, int], ...]:
    """Spans (start, end) in ``line`` of every row label printed in it, in order."""
    skel = skeleton(line)
    spans: list[tuple[int, int]] = []
    for found in _search_pattern().finditer(skel.text):
        start = skel.index[found.start()]
        end = skel.index[found.end() - 1] + 1
        while start > 0 and line[start - 1] in _OPENING:
            start -= 1  # keep the opening bracket of "（一）" with its label
        while end < len(line) and line[end] in _CLOSING:
            end += 1  # and the closing bracket or quote that ends it
        spans.append((start, end))
    return tuple(spans)
