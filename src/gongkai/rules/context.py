"""What every rule receives, and the arithmetic they share (blank is never 0)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from gongkai.formats import CellKind
from gongkai.report import AnnualReport, Cell, numeric
from gongkai.report.cells import Number
from gongkai.rules.findings import Finding, Severity
from gongkai.rules.settings import RuleSettings


@dataclass(frozen=True)
class Context:
    report: AnnualReport
    previous: AnnualReport | None
    settings: RuleSettings


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Term:
    """One cell taking part in a sum, with the Chinese name used in messages."""

    name: str
    value: Cell
    kind: CellKind = CellKind.COUNT


@dataclass(frozen=True)
class Total:
    value: Number | None  # None when some term is blank, text or missing
    unreadable: tuple[str, ...]  # names of the terms that stopped the sum


def total(terms: Iterable[Term]) -> Total:
    running: Number = 0
    unreadable: list[str] = []
    for term in terms:
        number = numeric(term.value, term.kind)
        if number is None:
            shown = "空白" if term.value is None else f"“{term.value}”"
            unreadable.append(f"{term.name}（{shown}）")
        else:
            running += number
    return Total(None if unreadable else running, tuple(unreadable))


def fmt_number(value: object) -> str:
    return "—" if value is None else str(value)


@dataclass(frozen=True)
class At:
    """Where a finding points: table, row key, column key."""

    table: str
    row: str | None = None
    column: str | None = None


def compare(
    rule: str,
    at: At,
    where: str,
    expected: Total,
    actual: Total,
    *,
    cannot: str,
    differs: str,
    severity: Severity = Severity.ERROR,
) -> Finding | None:
    """The one shape of an equality rule: cannot-assess when a term is unreadable, else a
    finding when the two sums differ. Messages read ``where：…``."""
    unreadable = expected.unreadable + actual.unreadable
    if unreadable:
        message = f"{where}：{'、'.join(unreadable)}，{cannot}"
        return Finding(rule, Severity.CANNOT_ASSESS, message, at.table, at.row, at.column)
    if expected.value == actual.value:
        return None
    return Finding(
        rule,
        severity,
        f"{where}：{differs}",
        at.table,
        at.row,
        at.column,
        expected=expected.value,
        actual=actual.value,
    )
