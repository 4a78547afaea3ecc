"""R1 错敏词: the maintained table of wrong or outdated wordings (``data/wordings.toml``)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from gongkai.review.findings import ReviewFinding, Severity, line_of

_NEAR = 30  # characters either side searched for an exempt_near wording


@dataclass(frozen=True)
class Wording:
    wrong: str
    right: str
    kind: str  # 错别字 | 过时名称 | 不规范表述
    severity: Severity
    source: str  # the citation, resolved from the [sources] table
    exempt_before: tuple[str, ...] = ()
    exempt_after: tuple[str, ...] = ()
    exempt_near: tuple[str, ...] = ()
    after: re.Pattern[str] | None = None  # what must follow for the wording to be wrong

    def applies(self, text: str, start: int, end: int) -> bool:
        if any(text.endswith(w, 0, start) for w in self.exempt_before):
            return False
        if any(text.startswith(w, end) for w in self.exempt_after):
            return False
        window = text[max(0, start - _NEAR) : end + _NEAR]
        if any(w in window for w in self.exempt_near):
            return False
        return self.after is None or self.after.match(text, end) is not None


@lru_cache(maxsize=1)
def wordings() -> tuple[Wording, ...]:
    """The table, longest wrong wording first (a longer match wins over its parts)."""
    raw = tomllib.loads(
        resources.files("gongkai.review").joinpath("data/wordings.toml").read_text("utf-8")
    )
    sources: dict[str, str] = raw["sources"]
    table = [
        Wording(
            wrong=entry["wrong"],
            right=entry["right"],
            kind=entry["kind"],
            severity=Severity(entry["severity"]),
            source=sources[entry["source"]],
            exempt_before=tuple(entry.get("exempt_before", ())),
            exempt_after=tuple(entry.get("exempt_after", ())),
            exempt_near=tuple(entry.get("exempt_near", ())),
            after=re.compile(entry["after"]) if "after" in entry else None,
        )
        for entry in raw["wording"]
    ]
    return tuple(sorted(table, key=lambda w: -len(w.wrong)))


@lru_cache(maxsize=1)
def _starts() -> re.Pattern[str]:
    """Every position where some wording starts (a lookahead: matches may overlap)."""
    return re.compile("(?=" + "|".join(re.escape(w.wrong) for w in wordings()) + ")")


def check_wordings(text: str) -> Iterator[ReviewFinding]:
    taken_until = 0
    for candidate in _starts().finditer(text):
        start = candidate.start()
        if start < taken_until:
            continue  # inside a wording already reported
        for wording in (w for w in wordings() if text.startswith(w.wrong, start)):
            end = start + len(wording.wrong)
            if not wording.applies(text, start, end):
                continue
            taken_until = end
            yield ReviewFinding(
                "R1",
                wording.kind,
                wording.severity,
                start,
                end,
                line_of(text, start),
                wording.wrong,
                wording.right,
                f"{wording.kind}：“{wording.wrong}”应为“{wording.right}”",
                basis=wording.source,
            )
            break
