"""Reminders: the job that notifies handlers and heads, and marking notifications read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from gongkai.clock import Status
from gongkai.web.accounts.roles import ROLES, Scope
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


# Roles told about a case nobody handles, and roles that decide extensions (Art. 33 ¶2).
_FALLBACK_ROLES = ("handler", "head")
_APPROVING_ROLES = tuple(
    key for key, role in ROLES.items() if role.needs_agency and role.approve is not Scope.NONE
)


def send_reminders(
    on: dt.date | None = None, *, due_soon_workdays: int = 3, refresh: bool = True
) -> ReminderRun:
    """The reminder job: refresh the as-of-today cache, then tell each handler (in the
    platform and by e-mail) about cases due soon, overdue, or waiting for a withdrawal
    confirmation, and the heads about extension requests waiting for their approval.
    Cases without a handler go to the agency's handlers and heads. Each notice is given
    once a day, so the job may run often: a later run only tells what is new, and may skip
    the refresh (``refresh=False``) once it was done that day, since every change made
    through the services refreshes its own case.

    The number of queries does not grow with the number of cases: the cache is refreshed
    in batches, the notices of the day already given are read once, the staff of the
    agencies concerned are read once, and the new notices are created in bulk.
    """
    from django.urls import reverse

    from gongkai.web.accounts.models import User
    from gongkai.web.cases import queries
    from gongkai.web.cases.models import ExtensionRequest, Notification
    from gongkai.web.mail import services as mail

    on = on or today()
    refreshed = refresh_open_cases() if refresh else 0
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
    pending = ExtensionRequest.objects.filter(
        approved__isnull=True, case__replied_on__isnull=True
    ).select_related("case")
    for request in pending.only("workdays", "case__id", "case__number", "case__agency"):
        message = f"{request.case.number}：延期答复申请待审批（延长 {request.workdays} 个工作日）"
        wanted.append(("extension", request.case, message[:300]))
    unassigned = {
        c.agency_id
        for kind, c, _ in wanted
        if kind != "extension" and (c.handler is None or not c.handler.is_active)
    }
    approving = {c.agency_id for kind, c, _ in wanted if kind == "extension"}
    fallback: dict[int, list[Any]] = {a: [] for a in unassigned}
    approvers: dict[int, list[Any]] = {a: [] for a in approving}
    for user in User.objects.filter(
        agency_id__in=unassigned | approving,
        is_active=True,
        role__in=_FALLBACK_ROLES + _APPROVING_ROLES,
    ).order_by("pk"):
        if user.agency_id in unassigned and user.role in _FALLBACK_ROLES:
            fallback[user.agency_id].append(user)
        if user.agency_id in approving and user.role in _APPROVING_ROLES:
            approvers[user.agency_id].append(user)
    given = set(Notification.objects.filter(day=on).values_list("user_id", "case_id", "kind"))
    new: list[Any] = []
    mails: dict[int, tuple[Any, list[str]]] = {}
    for kind, case, message in wanted:
        if kind == "extension":
            recipients = approvers[case.agency_id]
        elif case.handler is not None and case.handler.is_active:
            recipients = [case.handler]
        else:
            recipients = fallback[case.agency_id]
        for user in recipients:
            key = (user.pk, case.pk, kind)
            if key in given:
                continue
            given.add(key)
            new.append(Notification(user=user, case=case, kind=kind, day=on, message=message))
            if user.email:
                mails.setdefault(user.pk, (user, []))[1].append(message)
    # A second run of the same day at the same moment loses the race quietly.
    Notification.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    url = mail.absolute(reverse("cases:notifications"))
    emailed = 0
    for user, lines in mails.values():
        context = {"name": user.full_name or user.username, "day": on, "lines": lines, "url": url}
        emailed += mail.send("staff_reminders", context, [user.email])
    Notification.objects.filter(day=on, user__email__gt="", emailed=False).update(emailed=True)
    return ReminderRun(refreshed, len(new), emailed)
