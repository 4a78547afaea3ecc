"""Login throttling: after N failed logins for one user name from one address, that pair is
locked for M minutes (settings GONGKAI_LOGIN_MAX_FAILURES / GONGKAI_LOGIN_LOCK_MINUTES).

Counting per user name *and* address means an attacker cannot lock a colleague out from
elsewhere, while guessing one account's password from one machine is stopped.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from gongkai.web.accounts.models import LoginFailure


def client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or None


def _window() -> timedelta:
    return timedelta(minutes=settings.GONGKAI_LOGIN_LOCK_MINUTES)


def _normalise(username: str) -> str:
    return username.strip().casefold()


def locked_until(username: str, ip: str | None, now: datetime | None = None) -> datetime | None:
    """When the lock on (username, ip) ends, or None if logging in is allowed now."""
    now = now or timezone.now()
    limit = settings.GONGKAI_LOGIN_MAX_FAILURES
    recent = list(
        LoginFailure.objects.filter(
            username=_normalise(username), ip_address=ip, at__gt=now - _window()
        )
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    # Locked until the oldest of the last N failures leaves the window.
    return recent[-1] + _window()


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=_normalise(username), ip_address=ip)


def clear_failures(username: str, ip: str | None) -> None:
    LoginFailure.objects.filter(username=_normalise(username), ip_address=ip).delete()


def purge_expired(now: datetime | None = None) -> int:
    """Delete failures too old to count; returns how many were removed."""
    now = now or timezone.now()
    deleted, _ = LoginFailure.objects.filter(at__lte=now - _window()).delete()
    return deleted
