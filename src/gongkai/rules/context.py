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
    known: Number = 0  # the sum of the readable terms
    # Every unreadable term is a blank count: the true sum can only be ``known`` or more.
    at_least_known: bool = False


def total(terms: Iterable[Term]) -> Total:
    running: Number = 0
    unreadable: list[str] = []
    only_blanks = True
    for term in terms:
        number = numeric(term.value, term.kind)
        if number is None:
            text = "空白" if term.value is None else f"“{shown(term.value)}”"
            unreadable.append(f"{term.name}（{text}）")
            only_blanks &= term.value is None and term.kind is CellKind.COUNT
        else:
            running += number
    return Total(
        None if unreadable else running,
        tuple(unreadable),
        running,
        bool(unreadable) and only_blanks,
    )


_SHOWN_CHARS = 40


def shown(value: object) -> str:
    """A value for a message: a cell of thousands of characters is cut, with its length."""
    text = value if isinstance(value, str) else fmt_number(value)
    if len(text) <= _SHOWN_CHARS:
        return text
    return f"{text[:_SHOWN_CHARS]}…（共{len(text)}字）"


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
    finding when the two sums differ. Messages read ``where：…``.

    Blank counts only add: when the readable terms of one side already exceed the other,
    fully readable side, no value of the blanks can make them equal — a finding, not
    cannot-assess."""
    unreadable = expected.unreadable + actual.unreadable
    for side, other in ((expected, actual), (actual, expected)):
        if side.at_least_known and other.value is not None and side.known > other.value:
            message = (
                f"{where}：{'、'.join(side.unreadable)}，但其余各项已合计{fmt_number(side.known)}，"
                f"大于{fmt_number(other.value)}（空白不会是负数），两者不可能相等"
            )
            return Finding(
                rule, severity, message, at.table, at.row, at.column,
                expected=expected.known, actual=actual.known,
            )  # fmt: skip
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
