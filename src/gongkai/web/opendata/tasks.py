"""Queue jobs of the open-data app: rebuild a year's files after a publication, and a
nightly pass that rebuilds any year whose files do not hold its latest published versions."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from gongkai.web.opendata import services

RETRY_SECONDS = 60


@db_task()
def rebuild_year_files(year: int) -> int:
    """The number of reports in the year's files (0: the year has none any more). While
    another rebuild of the year runs, this one waits its turn on the queue: publications in
    a burst share the next rebuild, and the rest find nothing new and return at once."""
    try:
        built = services.rebuild_year(year)
    except services.Busy:
        rebuild_year_files.schedule((year,), delay=RETRY_SECONDS)
        return -1
    return built.report_count if built else 0


@db_periodic_task(crontab(minute="41", hour="3"))
def rebuild_stale_years() -> list[int]:
    """A task lost from the queue (a worker restart) leaves no year out of date for long."""
    return services.rebuild_stale()
