"""The reminder job tells the heads (who alone approve, Art. 33 ¶2) about extension requests
waiting for them, once a day, and mails them the list."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.web.cases import services
from gongkai.web.cases.models import Case, Notification
from tests.web.conftest import make_user

from .conftest import D

pytestmark = pytest.mark.django_db


def test_a_pending_extension_is_the_heads_reminder(
    tree: Any,
    handler: Any,
    head: Any,
    case: Case,
    today: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    head.email = "head@lc.example.gov.cn"
    head.save()
    make_user("head-elsewhere", "head", tree.other_city)
    services.assign(case, handler, handler, version=case.version)
    case.refresh_from_db()
    services.request_extension(case, handler, version=case.version, workdays=10, reason="调档")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_reminders()
    extension = Notification.objects.filter(kind="extension")
    assert [n.user for n in extension] == [head]  # not the handler, not another agency's head
    assert "延期答复申请待审批（延长 10 个工作日）" in extension[0].message
    (mail,) = [m for m in mailoutbox if m.to == [head.email]]
    assert case.number in mail.body and "/cases/notifications/" in mail.body
    assert services.send_reminders().notified == 0  # once a day


def test_a_decided_extension_is_not_reminded(
    handler: Any, head: Any, case: Case, today: Any
) -> None:
    services.assign(case, handler, handler, version=case.version)
    case.refresh_from_db()
    request = services.request_extension(
        case, handler, version=case.version, workdays=5, reason="调档"
    )
    case.refresh_from_db()
    services.decide_extension(
        request, head, version=case.version, approve=True, date=D(2025, 3, 14)
    )
    services.send_reminders()
    assert not Notification.objects.filter(kind="extension").exists()
