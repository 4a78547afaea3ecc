"""The embedded default: the web server and the task worker write to one SQLite file.

A transaction that reads and then writes must wait for another writer, not fail with
"database is locked" (it did: the demo's open-data and mail tasks failed at start-up).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections, transaction

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking only"),
]


def _in_thread(work: Callable[[], None], errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        except BaseException as exc:  # reported to the test, not lost in the thread
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_two_read_then_write_transactions_both_commit() -> None:
    errors: list[BaseException] = []

    def slow_writer() -> None:
        with transaction.atomic():
            Group.objects.count()  # reads first, as get_or_create does
            time.sleep(0.3)  # the other transaction reads and writes meanwhile
            Group.objects.create(name="慢")

    def quick_writer() -> None:
        time.sleep(0.1)
        with transaction.atomic():
            Group.objects.count()
            Group.objects.create(name="快")

    threads = [_in_thread(slow_writer, errors), _in_thread(quick_writer, errors)]
    for thread in threads:
        thread.join()
    assert errors == []
    assert set(Group.objects.values_list("name", flat=True)) == {"慢", "快"}
