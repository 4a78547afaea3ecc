"""What a year-over-year comparison says: sections, table cells, cross-year findings."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from gongkai.report import Cell
from gongkai.report.cells import Number
from gongkai.rules.findings import Finding, _plain

_RATE_DIGITS = 4


@dataclass(frozen=True)
class SectionComparison:
    number: str  # "1" … "6"
    heading: str
    repeated: float | None  # 重复率 (0…1): share of this year's text found in last year's
    passages: tuple[tuple[int, int], ...]  # repeated [start, end) ranges of ``text``
    text: str  # this year's section text
    last_chars: int  # length of last year's section text (0: not printed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "heading": self.heading,
            "repeated": self.repeated,
            "passages": [list(p) for p in self.passages],
            "chars": len(self.text),
            "last_chars": self.last_chars,
        }


@dataclass(frozen=True)
class CellDelta:
    """One cell in both years. ``change`` (增减值) and ``rate`` (增减率) are None when either
    value is blank or text — a blank is not 0 — and ``rate`` also when last year's is 0."""

    table: str  # "table2" | "table3" | "table4"
    row: str
    column: str
    row_label: str
    column_label: str
    last: Cell
    this: Cell
    change: Number | None
    rate: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "row_label": self.row_label,
            "column_label": self.column_label,
            "last": _plain(self.last),
            "this": _plain(self.this),
            "change": _plain(self.change),
            "rate": None if self.rate is None else round(float(self.rate), _RATE_DIGITS),
        }


@dataclass(frozen=True)
class ReportSummary:
    agency: str | None
    year: int | None
    format: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency, "year": self.year, "format": self.format}


@dataclass(frozen=True)
class Comparison:
    last: ReportSummary
    this: ReportSummary
    sections: tuple[SectionComparison, ...]
    cells: tuple[CellDelta, ...]
    findings: tuple[Finding, ...]  # C1–C3 of this year against last year

    @property
    def repeated(self) -> float | None:
        """重复率 of the whole text: sections weighted by their length."""
        weighted = [(s.repeated, len(s.text)) for s in self.sections if s.repeated is not None]
        chars = sum(n for _, n in weighted)
        return sum(r * n for r, n in weighted) / chars if chars else None

    def cell(self, table: str, row: str, column: str) -> CellDelta | None:
        return next(
            (c for c in self.cells if (c.table, c.row, c.column) == (table, row, column)), None
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "gongkai.comparison/1",
            "last": self.last.to_dict(),
            "this": self.this.to_dict(),
            "repeated": self.repeated,
            "sections": [s.to_dict() for s in self.sections],
            "cells": [c.to_dict() for c in self.cells],
            "findings": [f.to_dict() for f in self.findings],
        }
