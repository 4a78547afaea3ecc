"""The task queue is wired (huey via djhuey) and runs at once in tests."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from gongkai.web.accounts.models import LoginFailure
from gongkai.web.accounts.tasks import purge_login_failures
from gongkai.web.cases.services import ReminderRun

_RUN = ReminderRun(refreshed=0, notified=2, emailed=1)


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


def _periodic(name: str) -> Any:
    import gongkai.web.cases.tasks  # noqa: F401 - registers the periodic tasks

    (task,) = [t for t in HUEY._registry.periodic_tasks if t.name == name]
    return task


def test_reminders_run_every_few_minutes(settings: Any) -> None:
    every = settings.GONGKAI_REMINDER_MINUTES
    task = _periodic("reminders")
    runs = [m for m in range(60) if task.validate_datetime(datetime(2025, 3, 3, 9, m))]
    assert runs == list(range(0, 60, every)) and len(runs) >= 12  # at most every 5 minutes


def test_a_starting_consumer_runs_the_reminders_once(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.web.cases import services, tasks

    calls: list[int] = []
    monkeypatch.setattr(services, "send_reminders", lambda refresh: calls.append(1) or _RUN)
    monkeypatch.setattr(tasks, "_enqueued", [])
    startup = HUEY._startup  # what each worker of a consumer calls as it starts
    for _ in range(2):  # two worker threads of one consumer
        for hook in startup.values():
            hook()
    assert calls == [1]


def test_a_second_run_while_one_is_under_way_is_skipped(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.web.cases import services, tasks

    monkeypatch.setattr(services, "send_reminders", lambda refresh: _RUN)
    with tasks.REMINDER_LOCK:
        assert tasks.reminders.call_local().startswith("skipped")
    assert tasks.reminders.call_local() == "refreshed=0 notified=2 emailed=1"


def test_make_run_serves_the_queue_on_the_port_given() -> None:
    root = Path(__file__).resolve().parents[2]
    plan = subprocess.run(
        ["make", "-n", "run", "PORT=8080"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert "gongkai web serve 127.0.0.1:8080" in plan and "runserver" not in plan
    default = subprocess.run(
        ["make", "-n", "run"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert "gongkai web serve 127.0.0.1:8000" in default


def test_serve_links_mail_to_the_address_it_listens_on() -> None:
    from gongkai.web.core.management.commands.serve import site_url

    assert site_url("8080") == "http://127.0.0.1:8080"
    assert site_url("0.0.0.0:80") == "http://127.0.0.1:80"
    assert site_url("192.168.1.5:8000") == "http://192.168.1.5:8000"


def test_serve_names_a_bad_address() -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="地址 'localhost' 无效"):
        call_command("serve", "localhost")


def test_the_open_cases_are_refreshed_once_a_day(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.web.cases import services, tasks

    refreshes: list[bool] = []
    monkeypatch.setattr(
        services, "send_reminders", lambda refresh: refreshes.append(refresh) or _RUN
    )
    day = [datetime(2025, 3, 3).date()]
    monkeypatch.setattr(services, "today", lambda: day[0])
    HUEY.get(tasks.REFRESHED_ON)  # forget an earlier test's day
    for _ in range(3):
        tasks.reminders.call_local()
    day[0] = datetime(2025, 3, 4).date()
    tasks.reminders.call_local()
    assert refreshes == [True, False, False, True]
