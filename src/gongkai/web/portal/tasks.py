"""Queue jobs of the portal."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.web.portal import mailing, throttling


@db_periodic_task(crontab(minute="23", hour="3"))
def purge_lookup_failures() -> int:
    """Nightly: drop failed tracking look-ups that no longer count toward a lock."""
    return throttling.purge_expired()


@db_periodic_task(crontab())  # every minute: a single query when there is nothing new
def mail_replies() -> int:
    """Tell applicants that their reply was issued and how to download it."""
    return mailing.mail_replies()
