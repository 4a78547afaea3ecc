"""The only code that writes calendar overrides, and the read side handed to the core.

:func:`work_calendar` is the platform's one working-day calendar: the core
``gongkai.calendar`` with the notices administrators loaded. Every app that counts working
days (cases, catalogue, …) takes it from here.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.db.models.signals import post_delete, post_save

from gongkai.calendar import HolidayNotice as CoreNotice
from gongkai.calendar import NoticeDay, Overrides, WorkCalendar, default_calendar
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


# -- the calendar handed to the core -------------------------------------------------------

_lock = threading.Lock()
_cached: tuple[Hashable, WorkCalendar] | None = None
# Bumped by this process's own saves and deletes, so an edit that leaves the aggregate stamp
# unchanged (e.g. an override's name corrected in the admin) is still seen at once here.
_generation = 0


def work_calendar() -> WorkCalendar:
    """The core calendar plus the notices administrators loaded.

    Built once and reused until the rows change: one small aggregate query per call tells
    (loading a notice again replaces its rows, so ids move; an edited flag or date moves the
    counts or bounds; saves in this process bump a generation counter). Batch jobs take it
    once and pass it on rather than calling this per case.
    """
    global _cached
    key = _stamp()
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        calendar = WorkCalendar(_core_overrides()) if key[1] else default_calendar()
        _cached = (key, calendar)
    return calendar


def _stamp() -> tuple[Any, ...]:
    # One query. A notice is only part of the calendar through its days, so the day rows
    # alone say when to rebuild (edits of a notice's own fields in this process are seen
    # through the generation counter).
    days = CalendarOverride.objects.aggregate(
        n=Count("id"),
        last=Max("id"),
        workdays=Count("id", filter=Q(is_workday=True)),
        first_day=Min("date"),
        last_day=Max("date"),
    )
    return (
        _generation,
        days["n"],
        days["last"],
        days["workdays"],
        days["first_day"],
        days["last_day"],
    )


def _core_overrides() -> Overrides:
    days: dict[int, list[NoticeDay]] = {}
    for row in CalendarOverride.objects.order_by("date"):
        days.setdefault(row.notice_id, []).append(NoticeDay(row.date, row.is_workday, row.name))
    notices = [
        CoreNotice(
            year=n.year,
            document_number=n.document_number,
            loaded_at=n.loaded_at,
            days=tuple(days.get(n.pk, ())),
        )
        for n in HolidayNotice.objects.filter(pk__in=days)
    ]
    return Overrides(tuple(notices))


def _rows_changed(**_: Any) -> None:
    global _generation
    _generation += 1


for _model in (CalendarOverride, HolidayNotice):
    post_save.connect(_rows_changed, sender=_model, dispatch_uid=f"workcalendar-{_model.__name__}")
    post_delete.connect(
        _rows_changed, sender=_model, dispatch_uid=f"workcalendar-del-{_model.__name__}"
    )
