"""Report deadlines per agency kind: the statutory dates, and local rules from the settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.web.annual.deadlines import report_deadline


def test_statutory_deadlines() -> None:
    assert report_deadline("department", 2024) == dt.date(2025, 1, 31)
    assert report_deadline("government", 2024) == dt.date(2025, 3, 31)
    assert report_deadline("township", 2024) == dt.date(2025, 1, 31)


def test_local_rule(settings: Any) -> None:
    settings.GONGKAI_REPORT_DEADLINES = {"township": (2, 15)}
    assert report_deadline("township", 2024) == dt.date(2025, 2, 15)
    assert report_deadline("department", 2024) == dt.date(2025, 1, 31)
