"""Two rebuilds of one year never run at once: the second sees the lock and steps aside
(its task is tried again later). Row locks need PostgreSQL; SQLite serialises writers."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from gongkai.web.opendata import services
from gongkai.web.opendata.models import BulkYear

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_a_rebuild_steps_aside_while_another_holds_the_year() -> None:
    BulkYear.objects.create(year=2024)
    locked, release = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with transaction.atomic():
                BulkYear.objects.select_for_update().get(year=2024)
                locked.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(timeout=30)
        with pytest.raises(services.Busy):
            services.rebuild_year(2024)
    finally:
        release.set()
        holder.join()
    assert services.rebuild_year(2024) is None  # free again; no published report: no files
    assert not BulkYear.objects.filter(year=2024).exists()
