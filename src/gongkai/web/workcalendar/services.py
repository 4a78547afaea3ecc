"""The only code that writes calendar overrides, and the read side handed to the core."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.web.workcalendar.models import CalendarOverride, HolidayNotice


@dataclass(frozen=True)
class DayOverride:
    date: dt.date
    is_workday: bool
    name: str


@transaction.atomic
def load_notice(
    *,
    document_number: str,
    title: str,
    year: int,
    days: Iterable[DayOverride],
    published_on: dt.date | None = None,
    by: Any = None,
) -> HolidayNotice:
    """Record a notice and its day list; loading the same notice again replaces its days."""
    days = list(days)
    wrong_year = [d.date for d in days if d.date.year not in (year - 1, year, year + 1)]
    if wrong_year:
        raise ValidationError(f"日期 {wrong_year[0]} 与通知适用年度 {year} 不符")
    notice, _ = HolidayNotice.objects.update_or_create(
        document_number=document_number,
        defaults={"title": title, "year": year, "published_on": published_on, "loaded_by": by},
    )
    notice.overrides.all().delete()
    clashes = CalendarOverride.objects.filter(date__in=[d.date for d in days])
    if clashes.exists():
        first = clashes.select_related("notice").first()
        assert first is not None
        raise ValidationError(f"{first.date} 已由 {first.notice.document_number} 规定")
    CalendarOverride.objects.bulk_create(
        CalendarOverride(notice=notice, date=d.date, is_workday=d.is_workday, name=d.name)
        for d in days
    )
    return notice


def overrides() -> dict[dt.date, DayOverride]:
    """All loaded overrides by date, in the shape the core calendar takes."""
    return {
        row.date: DayOverride(row.date, row.is_workday, row.name)
        for row in CalendarOverride.objects.all()
    }
