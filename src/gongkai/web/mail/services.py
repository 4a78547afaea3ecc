"""The one way to send a mail: render its text, then deliver it on the task queue once the
current transaction has committed (a rolled-back change sends nothing)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction

from gongkai.web.mail import compose, tasks


def absolute(path: str) -> str:
    """A link for a mail, which has no request to take the host from (GONGKAI_SITE_URL)."""
    return str(getattr(settings, "GONGKAI_SITE_URL", "")).rstrip("/") + path


def send(name: str, context: Mapping[str, Any], to: Iterable[str]) -> int:
    """Queue the mail ``name`` to each address given (blank ones skipped); how many queued."""
    addresses = list(dict.fromkeys(a.strip() for a in to if a and a.strip()))
    if not addresses:
        return 0
    mail = compose.render(name, context)
    for address in addresses:
        transaction.on_commit(partial(tasks.deliver, mail.subject, mail.body, address))
    return len(addresses)
