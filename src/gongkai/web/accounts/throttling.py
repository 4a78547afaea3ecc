"""Login throttling: caps on recent failures, each locking until its oldest counted failure
leaves the window (GONGKAI_LOGIN_LOCK_MINUTES).

- one user name from one address (GONGKAI_LOGIN_MAX_FAILURES, 5): guessing one account's
  password from one machine is stopped, and nobody elsewhere is locked out by it;
- one user name from any address (GONGKAI_LOGIN_MAX_FAILURES_PER_USER, 20): guessing spread
  over many machines is stopped too. The cap is higher, because reaching it locks the
  account's owner out as well — the message says so and why.

The caps (:class:`Cap`, :func:`lock_of`) are shared with the portal's tracking page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from gongkai.web.accounts.models import LoginFailure


def client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or None


@dataclass(frozen=True)
class Cap:
    """At most ``limit`` of ``failures`` (a queryset with an ``at`` time) in the window."""

    failures: QuerySet[Any]
    limit: int
    reason: str  # why the lock, for the person locked out


@dataclass(frozen=True)
class Lock:
    until: datetime
    reason: str

    def message(self, now: datetime | None = None) -> str:
        now = now or timezone.now()
        minutes = max(1, -(-int((self.until - now).total_seconds()) // 60))  # rounded up
        return (
            f"{self.reason}，已暂时锁定。请约 {minutes} 分钟后"
            f"（{timezone.localtime(self.until):%H:%M} 以后）再试。"
        )


def lock_of(caps: Iterable[Cap], window: timedelta, now: datetime) -> Lock | None:
    """The longest lock among the caps that are reached, or None."""
    locks = []
    for cap in caps:
        recent = list(
            cap.failures.filter(at__gt=now - window)
            .order_by("-at")
            .values_list("at", flat=True)[: cap.limit]
        )
        if len(recent) >= cap.limit and recent[-1] + window > now:
            locks.append(Lock(recent[-1] + window, cap.reason))
    return max(locks, key=lambda lock: lock.until, default=None)


def _window() -> timedelta:
    return timedelta(minutes=settings.GONGKAI_LOGIN_LOCK_MINUTES)


def _normalise(username: str) -> str:
    return username.strip().casefold()


def _caps(username: str, ip: str | None) -> list[Cap]:
    per_pair = settings.GONGKAI_LOGIN_MAX_FAILURES
    per_user = settings.GONGKAI_LOGIN_MAX_FAILURES_PER_USER
    minutes = settings.GONGKAI_LOGIN_LOCK_MINUTES
    mine = LoginFailure.objects.filter(username=_normalise(username))
    return [
        Cap(
            mine.filter(ip_address=ip),
            per_pair,
            f"登录失败次数过多（该账号在本机 {minutes} 分钟内输错密码 {per_pair} 次）",
        ),
        Cap(
            mine,
            per_user,
            f"登录失败次数过多（该账号 {minutes} 分钟内从多处输错密码 {per_user} 次，"
            "为防止密码被猜中，各处的登录都已暂停；如非本人所为，请告知系统管理员）",
        ),
    ]


def lock(username: str, ip: str | None, now: datetime | None = None) -> Lock | None:
    """The lock on logging in as ``username`` from ``ip``, or None if allowed now."""
    return lock_of(_caps(username, ip), _window(), now or timezone.now())


def locked_until(username: str, ip: str | None, now: datetime | None = None) -> datetime | None:
    """When the lock on (username, ip) ends, or None if logging in is allowed now."""
    found = lock(username, ip, now)
    return found.until if found else None


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=_normalise(username), ip_address=ip)


def clear_failures(username: str, ip: str | None) -> None:
    # Only this address's: a success here does not wipe out guesses made elsewhere.
    LoginFailure.objects.filter(username=_normalise(username), ip_address=ip).delete()


def purge_expired(now: datetime | None = None) -> int:
    """Delete failures too old to count; returns how many were removed."""
    now = now or timezone.now()
    deleted, _ = LoginFailure.objects.filter(at__lte=now - _window()).delete()
    return deleted
