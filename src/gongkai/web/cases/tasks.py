"""Queue jobs of the cases app.

The reminder job runs every ``GONGKAI_REMINDER_MINUTES`` (default 5) and once as soon as a
consumer starts, so a fresh ``make run`` shows its reminders within a minute. Each notice is
given once a day, so frequent runs only tell what is new (a new overdue case, a new
extension request); a lock keeps two runs (two consumers, or a run outlasting the interval)
from mailing the same notice twice.
"""

from __future__ import annotations

import threading

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task
from huey.exceptions import TaskLockedException

from gongkai.web.cases import services

# Made here, at import, so that a consumer started with --flush-locks clears it when a
# killed run left it behind (``gongkai web serve`` does).
REMINDER_LOCK = HUEY.lock_task("case-reminders")


# The day the open cases' as-of-today cache was last refreshed, kept in the queue's own
# storage so that every consumer sees it: the refresh of all open cases runs once a day.
REFRESHED_ON = "case-reminders.refreshed-on"


@db_periodic_task(crontab(minute=f"*/{settings.GONGKAI_REMINDER_MINUTES}"))
def reminders() -> str:
    """Mark due-soon, overdue and deemed-withdrawn cases; tell handlers and heads."""
    day = services.today().isoformat()
    try:
        with REMINDER_LOCK:
            stale = HUEY.get(REFRESHED_ON, peek=True) != day
            run = services.send_reminders(refresh=stale)
            if stale:
                HUEY.put(REFRESHED_ON, day)
    except TaskLockedException:
        return "skipped: another run is under way"
    return f"refreshed={run.refreshed} notified={run.notified} emailed={run.emailed}"


_started = threading.Lock()
_enqueued: list[bool] = []


@HUEY.on_startup()
def remind_at_start() -> None:
    """Each worker of a consumer calls this as it starts: enqueue one run per process."""
    with _started:
        if not _enqueued:
            _enqueued.append(True)
            reminders()
