"""The daily reminder job works in batches: its queries do not grow with the open cases."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.web.accounts.models import User
from gongkai.web.cases import services
from gongkai.web.cases.models import Case, Notification
from tests.web.conftest import make_user

from .conftest import D, register, serve

pytestmark = pytest.mark.django_db


def _open_cases(tree: Any, handler: Any, count: int) -> list[Case]:
    made = []
    for n in range(count):
        case = register(tree.city, handler, applicant_name=f"申请人{n}", id_number=f"ID{n:06d}")
        if n % 2:  # half assigned, half for the agency's staff
            services.assign(case, handler, handler, version=case.version)
        made.append(case)
    return made


def _run(today: Any) -> tuple[int, services.ReminderRun]:
    with CaptureQueriesContext(connection) as queries:
        run = services.send_reminders()
    return len(queries), run


def test_query_count_does_not_grow_with_the_cases(
    tree: Any, handler: Any, today: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "REFRESH_CHUNK", 4)
    make_user("head2", "head", tree.city)
    staff = User.objects.filter(agency=tree.city, is_active=True, role__in=("handler", "head"))
    _open_cases(tree, handler, 3)
    today.day = D(2025, 4, 2)  # every case overdue
    few, run = _run(today)
    assert run.notified == 1 + 2 * staff.count()  # assigned: the handler; else all staff
    Notification.objects.all().delete()
    _open_cases(tree, handler, 3)  # 6 cases now: a second refresh batch
    many, run = _run(today)
    assert run.notified == 2 + 4 * staff.count()
    assert many <= few + 2  # one more batch of the refresh (cases + events), nothing per case


def test_batched_refresh_writes_the_cache_from_the_log(
    tree: Any, handler: Any, today: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "REFRESH_CHUNK", 2)
    cases = _open_cases(tree, handler, 3)
    services.request_correction(
        cases[0], handler, version=cases[0].version, date=D(2025, 3, 5), items=["请写明名称"]
    )
    serve(cases[0], handler, "correction_requested", D(2025, 3, 5))
    Case.objects.filter(pk=cases[1].pk).update(reply_due=D(2030, 1, 1))  # a stale cache
    today.day = D(2025, 6, 2)  # the correction limit has passed
    assert services.refresh_open_cases() == 2
    first, second, third = (Case.objects.get(pk=c.pk) for c in cases)
    assert first.state == "deemed_withdrawn" and first.withdrawal_outcome == "other_1"
    assert second.reply_due == D(2025, 3, 31) and third.reply_due == D(2025, 3, 31)
    assert services.refresh_open_cases() == 0
    run = services.send_reminders()
    kinds = set(Notification.objects.values_list("case_id", "kind"))
    assert (cases[0].pk, "withdrawal") in kinds and (cases[1].pk, "overdue") in kinds
    assert run.notified == len(Notification.objects.all())
    assert services.send_reminders().notified == 0  # once a day
