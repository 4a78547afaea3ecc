"""Configurable points of the rules (deadlines per agency kind, text thresholds)."""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.agency_kinds import AGENCY_KINDS


def _default_deadlines() -> dict[str, tuple[int, int]]:
    return {key: kind.deadline for key, kind in AGENCY_KINDS.items()}


@dataclass(frozen=True)
class RuleSettings:
    # Publication deadline (month, day of the following year) per agency kind (rule E1).
    deadlines: dict[str, tuple[int, int]] = field(default_factory=_default_deadlines)
    # E3: minimum share of section 一's characters in sentences about disclosure work.
    topical_min_share: float = 0.35
    # E3 is only judged on a section long enough to be generalised.
    topical_min_chars: int = 200
    # E4: text similarity (0…1) against last year's report above which it is reported.
    duplicate_threshold: float = 0.8
    # E5: fewer meaningful characters than this counts as empty.
    empty_section_chars: int = 10
    # Rule ids a project switched off (reviewers push back on checks they find noisy).
    disabled: frozenset[str] = frozenset()


DEFAULT_SETTINGS = RuleSettings()
