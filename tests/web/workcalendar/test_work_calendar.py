"""The platform's one working-day calendar: core tables plus the notices admins loaded."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.web.cases import clockbridge
from gongkai.web.catalogue import services as catalogue
from gongkai.web.workcalendar import services
from gongkai.web.workcalendar.models import CalendarOverride

# 2027-03-08 is a Monday beyond the package's tables (an ordinary working day even
# provisionally: no holiday of the 办法 near it); 2027-03-13 a Saturday.
MONDAY = dt.date(2027, 3, 8)
SATURDAY = dt.date(2027, 3, 13)


def _load(*days: services.DayOverride) -> None:
    services.load_notice(
        document_number="国办发明电〔2026〕9号",
        title="关于2027年部分节假日安排的通知",
        year=2027,
        days=days,
    )


def test_cases_and_catalogue_use_the_same_calendar() -> None:
    assert clockbridge.work_calendar is services.work_calendar
    assert catalogue.work_calendar is services.work_calendar


def test_loaded_notice_changes_working_days_and_makes_the_year_final(db: None) -> None:
    assert services.work_calendar().is_workday(MONDAY)
    assert not services.work_calendar().is_final(2027)
    _load(
        services.DayOverride(MONDAY, False, "春节"),
        services.DayOverride(SATURDAY, True, "春节"),
    )
    calendar = services.work_calendar()
    assert not calendar.is_workday(MONDAY) and calendar.is_workday(SATURDAY)
    assert calendar.is_final(2027)
    assert catalogue.publication_due(dt.date(2027, 2, 5))[1] is False


def test_calendar_is_reused_until_the_rows_change(db: None) -> None:
    _load(services.DayOverride(MONDAY, False, "春节"))
    first = services.work_calendar()
    assert services.work_calendar() is first
    with CaptureQueriesContext(connection) as queries:
        services.work_calendar()
    assert len(queries) <= 2  # the change stamp only, no rebuild
    # An admin edit of one row (same count, same ids) is still seen.
    row = CalendarOverride.objects.get(date=MONDAY)
    row.is_workday = True
    row.save()
    assert services.work_calendar() is not first
    assert services.work_calendar().is_workday(MONDAY)


def test_deleting_the_notice_falls_back_to_the_package_tables(db: None) -> None:
    _load(services.DayOverride(MONDAY, False, "春节"))
    assert not services.work_calendar().is_workday(MONDAY)
    CalendarOverride.objects.all().delete()
    assert services.work_calendar().is_workday(MONDAY)
