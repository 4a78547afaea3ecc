"""The annual report as printed: tables, sections, metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gongkai.formats import (
    FORMATS,
    CellKind,
    Format,
    UnknownFormatError,
    format_for_year,
    table2_row,
)
from gongkai.report.cells import Cell

Table = dict[str, list[Cell]]


@dataclass
class AnnualReport:
    """One agency's report for one year, exactly as printed.

    ``None`` for a table means it was not printed at all (rule E6); ``sections`` is None when
    the section texts are unknown (e.g. a bare data file), which is different from empty.
    """

    agency: str | None = None
    year: int | None = None
    format: str | None = None
    published: date | None = None
    agency_kind: str | None = None
    title: str | None = None
    table2: Table | None = None
    table3: Table | None = None
    table4: list[Cell] | None = None
    sections: dict[str, str] | None = None
    # Printed labels that are not the format's official label: table → row key → label.
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    # Everything else of the JSON object (provenance, warnings, notes, sources …), kept as is.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def fmt(self) -> Format | None:
        """The format the tables are in: as declared, else the one for the year."""
        if self.format in FORMATS:
            return FORMATS[self.format]
        if self.year is not None:
            try:
                return format_for_year(self.year)
            except UnknownFormatError:
                return None
        return None

    def table2_kind(self, row: str, index: int) -> CellKind:
        spec = table2_row(row, self.fmt)
        if spec is None or index >= len(spec.columns):
            return CellKind.COUNT
        return spec.columns[index].kind
