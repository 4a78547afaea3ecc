"""Queue jobs of the accounts app."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.web.accounts import throttling


@db_periodic_task(crontab(minute="17", hour="3"))
def purge_login_failures() -> int:
    """Nightly: drop failed-login records that no longer count toward a lock."""
    return throttling.purge_expired()
