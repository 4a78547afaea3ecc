"""When an agency's report for a year is due (Art. 49; rule E1), per agency kind.

The statutory defaults come from :mod:`gongkai.agency_kinds` through the rule settings;
``GONGKAI_REPORT_DEADLINES`` in the Django settings (kind → (month, day)) sets local rules.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from gongkai.rules import DEFAULT_SETTINGS, RuleSettings


def rule_settings() -> RuleSettings:
    local: dict[str, tuple[int, int]] = getattr(settings, "GONGKAI_REPORT_DEADLINES", {})
    if not local:
        return DEFAULT_SETTINGS
    return RuleSettings(deadlines={**DEFAULT_SETTINGS.deadlines, **local})


def report_deadline(kind: str, year: int) -> dt.date:
    deadlines = rule_settings().deadlines
    month, day = deadlines.get(kind, deadlines["other"])
    return dt.date(year + 1, month, day)
