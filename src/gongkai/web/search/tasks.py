"""Queue jobs of the search index."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.web.search import services


@db_periodic_task(crontab(minute="41", hour="2"))
def rebuild_index() -> dict[str, int]:
    """Nightly: rebuild from what is published, catching changes made outside the services
    (the admin site, imports)."""
    return services.rebuild()
