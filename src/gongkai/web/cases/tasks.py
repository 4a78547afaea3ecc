"""Queue jobs of the cases app."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.web.cases import services


@db_periodic_task(crontab(minute="30", hour="7"))
def daily_reminders() -> str:
    """Every morning: mark due-soon, overdue and deemed-withdrawn cases and tell the handlers."""
    run = services.send_reminders()
    return f"refreshed={run.refreshed} notified={run.notified} emailed={run.emailed}"
