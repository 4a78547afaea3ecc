"""Reminders: the daily job that notifies handlers, and marking notifications read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from gongkai.clock import Status
from gongkai.web.cases.models import Case
from gongkai.web.cases.services.bulk import refresh_open_cases
from gongkai.web.cases.services.pinned import refresh_chunk, today


def mark_notifications_read(user: Any) -> int:
    from gongkai.web.cases.models import Notification

    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@dataclass(frozen=True)
class ReminderRun:
    refreshed: int
    notified: int
    emailed: int


def send_reminders(on: dt.date | None = None, *, due_soon_workdays: int = 3) -> ReminderRun:
    """The daily job: refresh the as-of-today cache, then tell each handler (in the platform
    and by e-mail) about cases due soon, overdue, or waiting for a withdrawal confirmation.
    Cases without a handler go to the agency's handlers and heads.

    The number of queries does not grow with the number of cases: the cache is refreshed
    in batches, the notices of the day already given are read once, the staff of the
    agencies concerned are read once, and the new notices are created in bulk.
    """
    from django.conf import settings as django_settings
    from django.core.mail import send_mail

    from gongkai.web.accounts.models import User
    from gongkai.web.cases import queries
    from gongkai.web.cases.models import Notification

    on = on or today()
    refreshed = refresh_open_cases()
    wanted: list[tuple[str, Case, str]] = []
    for kind, condition, text in (
        ("overdue", queries.overdue_q(on), "已超过答复期限 {due}"),
        ("due_soon", queries.due_within_q(on, due_soon_workdays), "答复期限 {due} 即将届满"),
        (
            "withdrawal",
            Q(state=Status.DEEMED_WITHDRAWN.value),
            "补正或缴费期限已届满，请确认是否视为放弃申请",
        ),
    ):
        cases = Case.objects.filter(condition).select_related("handler")
        cases = cases.only("pk", "number", "agency_id", "reply_due", "handler")
        for case in cases.iterator(chunk_size=refresh_chunk()):
            message = f"{case.number}：" + text.format(due=case.reply_due)
            wanted.append((kind, case, message[:300]))
    unassigned = {c.agency_id for _, c, _ in wanted if c.handler is None or not c.handler.is_active}
    staff: dict[int, list[Any]] = {a: [] for a in unassigned}
    for user in User.objects.filter(
        agency_id__in=unassigned, is_active=True, role__in=("handler", "head")
    ).order_by("pk"):
        staff[user.agency_id].append(user)  # type: ignore[index]
    given = set(Notification.objects.filter(day=on).values_list("user_id", "case_id", "kind"))
    new: list[Any] = []
    mails: dict[int, list[str]] = {}
    for kind, case, message in wanted:
        handler = case.handler
        recipients = (
            [handler] if handler is not None and handler.is_active else staff[case.agency_id]
        )
        for user in recipients:
            key = (user.pk, case.pk, kind)
            if key in given:
                continue
            given.add(key)
            new.append(Notification(user=user, case=case, kind=kind, day=on, message=message))
            if user.email:
                mails.setdefault(user.pk, [user.email]).append(message)
    # A second run of the same day at the same moment loses the race quietly.
    Notification.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    emailed = 0
    for lines in mails.values():
        address, *body = lines
        send_mail(
            subject=f"政府信息公开案件提醒（{on.isoformat()}，{len(body)} 件）",
            message="\n".join(body) + "\n\n请登录平台查看。",
            from_email=getattr(django_settings, "DEFAULT_FROM_EMAIL", None),
            recipient_list=[address],
            fail_silently=True,
        )
        emailed += 1
    Notification.objects.filter(day=on, user__email__gt="", emailed=False).update(emailed=True)
    return ReminderRun(refreshed, len(new), emailed)
