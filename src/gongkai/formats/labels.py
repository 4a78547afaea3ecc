"""Match printed labels (any script, punctuation or numbering) to canonical keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from gongkai.formats.national import FORMAT_2019, FORMAT_2021
from gongkai.formats.spec import Format, Row
from gongkai.text import label_key

TableName = Literal["table2", "table3"]

# Leading enumeration (一、 （三） 1. …) after punctuation has been stripped by label_key.
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]{1,2}|\d{1,2})(?=\D)")


@dataclass(frozen=True)
class LabelMatch:
    key: str
    official: bool  # False: an accepted alias or the other format's label (rule E2 reports it)
    label: str  # the official label of the matched row in the report's format, else the other's


def strip_numbering(key: str) -> str:
    return _NUMBERING.sub("", key, count=1)


def _rows(fmt: Format, table: TableName) -> tuple[Row, ...]:
    return fmt.table2.rows if table == "table2" else fmt.table3.rows


@cache
def _index(format_id: str, table: TableName) -> dict[str, LabelMatch]:
    """Normalised label → match; the report's own format wins over the other format."""
    own = FORMAT_2021 if format_id == "2021" else FORMAT_2019
    other = FORMAT_2019 if own is FORMAT_2021 else FORMAT_2021
    index: dict[str, LabelMatch] = {}
    # Later entries must not displace earlier ones: own official, own alias, other format.
    for fmt, official in ((own, True), (other, False)):
        for row in _rows(fmt, table):
            candidates = [(row.label, official)] + [(alias, False) for alias in row.aliases]
            for text, is_official in candidates:
                full = label_key(text)
                for form in (full, strip_numbering(full)):
                    if form and form not in index:
                        index[form] = LabelMatch(row.key, is_official, row.label)
    return index


def match_row_label(label: str, table: TableName, format_id: str = "2021") -> LabelMatch | None:
    """The row a printed label names, or None when it is not a row of either format."""
    key = label_key(label)
    if not key:
        return None
    index = _index(format_id, table)
    return index.get(key) or index.get(strip_numbering(key))


@cache
def _section_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for section in FORMAT_2021.sections:
        for text in (section.heading, *section.aliases):
            full = label_key(text)
            index[full] = section.number
            index[strip_numbering(full)] = section.number
    return index


def match_section_heading(line: str) -> str | None:
    """The section number ("1"…"6") a heading line names, else None."""
    return _section_index().get(label_key(line))
