"""The outbox page: the mails the platform sent, as kept by the file backend (the demo)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.web.mail import outbox
from gongkai.web.mail.permissions import can_read_outbox

SHOWN = 200


@require_GET
def outbox_page(request: HttpRequest) -> HttpResponse:
    if not can_read_outbox(request.user):
        raise PermissionDenied("只有系统管理员可以查看已发送的邮件。")
    context = {
        "mails": outbox.sent_mails(SHOWN),
        "folder": outbox.folder(),
        "shown": SHOWN,
        "backend": settings.EMAIL_BACKEND,
    }
    return render(request, "mail/outbox.html", context)
