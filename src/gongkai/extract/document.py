"""What loaders hand to table recognition: text lines and cell grids, each with provenance.

Loaders (one per file type) turn bytes into a ``Document``; layouts turn a Document into
``RowReading``s; assembly turns readings into an ``AnnualReport``. Provenance always points
to the original text (before traditional → simplified normalisation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from gongkai.report.cells import Cell

TableName = Literal["table2", "table3", "table4"]


class UnreadableError(Exception):
    """The file cannot be read as a document; the message says why (shown to the user)."""


@dataclass(frozen=True)
class Provenance:
    """Where a piece of text was read. Only the fields that apply are set."""

    line: int | None = None  # 1-based line in the decoded text
    offset: int | None = None  # 0-based character offset in the decoded text
    length: int | None = None
    page: int | None = None  # 1-based PDF page
    box: tuple[float, float, float, float] | None = None  # PDF x0, top, x1, bottom (points)
    table: int | None = None  # 0-based index of the table (grid) in the document
    row: int | None = None  # 0-based row within that table
    column: int | None = None  # 0-based column within that table
    original: str | None = None  # the text as printed, when the loader repaired code points

    def to_dict(self) -> dict[str, Any]:
        return {
            name: (list(value) if isinstance(value, tuple) else value)
            for name, value in self.__dict__.items()
            if value is not None
        }


@dataclass(frozen=True)
class TextLine:
    text: str
    prov: Provenance


@dataclass(frozen=True)
class GridCell:
    text: str
    prov: Provenance
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    """A table as the source laid it out; merged cells are repeated in every slot they cover."""

    rows: list[list[GridCell]]
    prov: Provenance


@dataclass
class Document:
    source: str  # the file name as given by the user
    kind: str  # txt, md, csv, json, html, pdf, docx
    lines: list[TextLine]  # the whole text in reading order (tables included for text files)
    grids: list[Grid] = field(default_factory=list)  # real tables (HTML, DOCX, ruled PDF)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    # What the container says about the report (crawler dump fields, HTML <title>):
    # "title", "published", "agency"; hints for metadata, never table data.
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass
class RowReading:
    """One table row as read from a document."""

    table: TableName
    key: str  # canonical row key; "table4" for the single table-4 row
    label: str  # as printed
    values: list[Cell]
    provenance: list[Provenance | None]  # one per value
    official: bool = True  # False: the label is an alias or the other format's (rule E2)
    alternatives: list[list[Cell]] = field(default_factory=list)  # other readings that fit


@dataclass
class AmbiguousCell:
    """A row whose printed characters split into cells in more than one way that fits."""

    table: TableName
    row: str
    printed: str
    chosen: list[Cell]
    alternatives: list[list[Cell]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "row": self.row,
            "printed": self.printed,
            "chosen": self.chosen,
            "alternatives": self.alternatives,
        }


@dataclass
class TablesReading:
    """What table recognition found in a Document (``gongkai.extract.tables.read_tables``).

    Tables keep the canonical shapes of ``AnnualReport``; a table not found is None (rule E6).
    ``provenance`` mirrors the tables: table → row key → one Provenance (or None) per cell;
    table 4 uses the row key "table4".
    """

    format: str | None  # "2019" | "2021" as the printed rows show, None when no table was read
    table2: dict[str, list[Cell]] | None = None
    table3: dict[str, list[Cell]] | None = None
    table4: list[Cell] | None = None
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # non-official labels (E2)
    provenance: dict[str, dict[str, list[Provenance | None]]] = field(default_factory=dict)
    ambiguous: list[AmbiguousCell] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Chinese, one line each
