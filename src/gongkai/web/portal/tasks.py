"""Queue jobs of the portal."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.web.portal import throttling


@db_periodic_task(crontab(minute="23", hour="3"))
def purge_lookup_failures() -> int:
    """Nightly: drop failed tracking look-ups that no longer count toward a lock."""
    return throttling.purge_expired()
