"""Findings: what a rule says about one place of a report."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from gongkai.report.cells import MAX_WHOLE_DIGITS

_TOO_LARGE = 10**MAX_WHOLE_DIGITS


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    CANNOT_ASSESS = "cannot-assess"


SEVERITY_LABELS = {
    Severity.ERROR: "错误",
    Severity.WARNING: "警告",
    Severity.INFO: "提示",
    Severity.CANNOT_ASSESS: "无法判断",
}


def _plain(value: Any) -> Any:
    """JSON-ready value: Decimals become ints or floats, lists recurse."""
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value) >= _TOO_LARGE:
            return str(value)  # no JSON number holds it exactly; int(1E+5000) is 5001 digits
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str  # one line, Chinese
    table: str | None = None  # "table2" | "table3" | "table4" | "sections" | None
    row: str | None = None  # row key (table 4: block key; sections: section number)
    column: str | None = None  # column key
    expected: Any = None
    actual: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "message": self.message,
        }
