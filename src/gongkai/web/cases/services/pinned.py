"""What tests pin on the package, read in one place: the day and the refresh batch size.

Tests pin them on the package itself (``monkeypatch.setattr(services, "today", ...)``,
``monkeypatch.setattr(services, "REFRESH_CHUNK", ...)``). Every service module reads them
through :func:`today` and :func:`refresh_chunk` here, which look the package attribute up at
call time, so that one patch on the package reaches every module.
"""

from __future__ import annotations

import datetime as dt
import sys

from django.utils import timezone

REFRESH_CHUNK = 500  # open cases recomputed per batch (one query for all their events)

_PACKAGE = __name__.rpartition(".")[0]  # gongkai.web.cases.services


def local_today() -> dt.date:
    return timezone.localdate()


def today() -> dt.date:
    """The package's ``today``: :func:`local_today` unless a test pinned another day."""
    day: dt.date = sys.modules[_PACKAGE].today()
    return day


def refresh_chunk() -> int:
    """The package's ``REFRESH_CHUNK`` (a test may pin a smaller batch)."""
    size: int = sys.modules[_PACKAGE].REFRESH_CHUNK
    return size
