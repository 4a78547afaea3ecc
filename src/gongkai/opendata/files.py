"""A year's bulk files: JSON Lines, CSV and XLSX of every published report, each with its
SHA-256, and the data dictionary as CSV. Bytes only; where they are kept is the caller's."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from openpyxl import Workbook

from gongkai.opendata import dictionary
from gongkai.opendata.columns import HEADERS, report_rows
from gongkai.opendata.dataset import META_KEY, PublishedReport
from gongkai.report import dumps
from gongkai.safecells import csv_row, xlsx_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    extension: str
    content_type: str


KINDS: dict[str, FileKind] = {
    kind.key: kind
    for kind in (
        FileKind("jsonl", "JSON Lines（每行一份规范 JSON 报告）", "jsonl", "application/jsonl; charset=utf-8"),
        FileKind("csv", "CSV（每个单元格一行）", "csv", "text/csv; charset=utf-8"),
        FileKind("xlsx", "XLSX（每个单元格一行）", "xlsx", XLSX_TYPE),
    )
}  # fmt: skip
DICTIONARY_NAME = "gongkai-opendata-dictionary.csv"
DICTIONARY_TYPE = "text/csv; charset=utf-8"
SUMS_NAME = "SHA256SUMS"


@dataclass(frozen=True)
class BulkFile:
    name: str
    kind: str
    content: bytes
    reports: int

    @cached_property  # a year's CSV is tens of MB: hashed once
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return len(self.content)


def file_name(year: int, kind: str) -> str:
    return f"gongkai-annual-reports-{year}.{KINDS[kind].extension}"


def ordered(reports: Iterable[PublishedReport]) -> list[PublishedReport]:
    """A stable order (region, agency, scope), so that the same reports give the same bytes."""
    return sorted(reports, key=PublishedReport.sort_key)


def jsonl(reports: Sequence[PublishedReport]) -> bytes:
    """One canonical report per line, its platform details under the ``opendata`` key."""
    out = io.StringIO()
    for published in reports:
        data = json.loads(dumps(published.report, indent=None))  # the canonical encoding
        data["published"] = published.published.isoformat()
        data[META_KEY] = published.meta()
        out.write(json.dumps(data, ensure_ascii=False))
        out.write("\n")
    return out.getvalue().encode("utf-8")


def _table(reports: Sequence[PublishedReport]) -> Iterable[list[Any]]:
    for published in reports:
        yield from report_rows(published)


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.BytesIO()
    # Encoded as written: a year's CSV is tens of MB, held once. Excel reads UTF-8 only with
    # the BOM; pandas skips it.
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(csv_row(headers))
    for row in rows:
        writer.writerow(csv_row(row))
    text.flush()
    return buffer.getvalue()


def _sheet(
    book: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    sheet = book.create_sheet(title)
    sheet.append(xlsx_row(sheet, headers))
    for row in rows:
        sheet.append(xlsx_row(sheet, row))


def xlsx_bytes(reports: Sequence[PublishedReport]) -> bytes:
    """The cells on the first sheet (the CSV's columns), the data dictionary on the second."""
    book = Workbook(write_only=True)
    _sheet(book, "数据", HEADERS, _table(reports))
    _sheet(
        book, "数据字典", dictionary.HEADER_LABELS, map(dictionary.entry_row, dictionary.entries())
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WRITERS: dict[str, Callable[[Sequence[PublishedReport]], bytes]] = {
    "jsonl": jsonl,
    "csv": lambda reports: csv_bytes(HEADERS, _table(reports)),
    "xlsx": xlsx_bytes,
}


def year_files(year: int, reports: Iterable[PublishedReport]) -> Iterator[BulkFile]:
    """The three files of one year (only that year's reports), made one at a time so that
    a caller storing each before the next holds one file's bytes, not three."""
    chosen = ordered(r for r in reports if r.year == year)
    for kind in KINDS:
        yield BulkFile(file_name(year, kind), kind, WRITERS[kind](chosen), len(chosen))


@cache  # made from the format tables, which do not change while the process runs
def dictionary_file() -> BulkFile:
    rows = map(dictionary.entry_row, dictionary.entries())
    return BulkFile(DICTIONARY_NAME, "dictionary", csv_bytes(dictionary.HEADER_LABELS, rows), 0)


def sha256sums(files: Iterable[tuple[str, str]]) -> str:
    """``sha256sum -c`` input: (name, hex digest) pairs, sorted by name."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(files))
