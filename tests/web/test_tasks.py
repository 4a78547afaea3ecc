"""The task queue is wired (huey via djhuey) and runs at once in tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from huey.contrib.djhuey import HUEY

from gongkai.web.accounts.models import LoginFailure
from gongkai.web.accounts.tasks import purge_login_failures


def test_tests_run_tasks_immediately() -> None:
    assert HUEY.immediate


def test_purge_task_runs_and_is_scheduled_nightly(db: None) -> None:
    stale = LoginFailure.objects.create(username="x", ip_address="10.0.0.1")
    LoginFailure.objects.filter(pk=stale.pk).update(at=timezone.now() - timedelta(days=2))
    LoginFailure.objects.create(username="y", ip_address="10.0.0.1")
    purge_login_failures()  # enqueued, and run at once in tests (periodic results are not kept)
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["y"]
    assert purge_login_failures.call_local() == 0
    periodic = {task.name for task in HUEY._registry.periodic_tasks}
    assert any(name.endswith("purge_login_failures") for name in periodic)
