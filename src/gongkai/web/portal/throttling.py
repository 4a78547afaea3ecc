"""Throttling of the tracking page: the access code cannot be guessed.

Caps on failed look-ups within ``GONGKAI_PORTAL_LOCK_MINUTES`` (15), each locking until the
oldest failure it counts leaves the window (``accounts.throttling.lock_of``):

- one tracking number from one address, ``GONGKAI_PORTAL_MAX_FAILURES`` (5) — nobody can
  lock an applicant out from elsewhere with these;
- one address across numbers, ``GONGKAI_PORTAL_MAX_FAILURES_PER_IP`` (20) — no walking
  through tracking numbers;
- one tracking number from any address, ``GONGKAI_PORTAL_MAX_FAILURES_PER_NUMBER`` (20) —
  guessing one applicant's code spread over many machines. Higher, because it locks the
  applicant out too, and the message says why.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from gongkai.web.accounts.throttling import Cap, Lock, client_ip, lock_of
from gongkai.web.portal.models import LookupFailure

__all__ = [
    "clear_failures",
    "client_ip",
    "lock",
    "locked_until",
    "purge_expired",
    "record_failure",
]


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def max_failures() -> int:
    return _setting("GONGKAI_PORTAL_MAX_FAILURES", 5)


def max_failures_per_ip() -> int:
    return _setting("GONGKAI_PORTAL_MAX_FAILURES_PER_IP", 20)


def max_failures_per_number() -> int:
    return _setting("GONGKAI_PORTAL_MAX_FAILURES_PER_NUMBER", 20)


def lock_minutes() -> int:
    return _setting("GONGKAI_PORTAL_LOCK_MINUTES", 15)


def _window() -> timedelta:
    return timedelta(minutes=lock_minutes())


def _caps(tracking_number: str, ip: str | None) -> list[Cap]:
    minutes = lock_minutes()
    number = LookupFailure.objects.filter(tracking_number=tracking_number)
    return [
        Cap(
            number.filter(ip_address=ip),
            max_failures(),
            f"查询失败次数过多（本机 {minutes} 分钟内查询该查询号失败 {max_failures()} 次）",
        ),
        Cap(
            LookupFailure.objects.filter(ip_address=ip),
            max_failures_per_ip(),
            f"查询失败次数过多（本机 {minutes} 分钟内查询失败 {max_failures_per_ip()} 次）",
        ),
        Cap(
            number,
            max_failures_per_number(),
            f"查询失败次数过多（该查询号 {minutes} 分钟内从多处查询失败 "
            f"{max_failures_per_number()} 次，为保护申请人的信息，各处的查询都已暂停）",
        ),
    ]


def lock(tracking_number: str, ip: str | None, now: datetime | None = None) -> Lock | None:
    """The lock on looking up ``tracking_number`` from ``ip``, or None if allowed now."""
    return lock_of(_caps(tracking_number, ip), _window(), now or timezone.now())


def locked_until(
    tracking_number: str, ip: str | None, now: datetime | None = None
) -> datetime | None:
    """When the lock on this look-up ends, or None if looking up is allowed now."""
    found = lock(tracking_number, ip, now)
    return found.until if found else None


def record_failure(tracking_number: str, ip: str | None) -> None:
    LookupFailure.objects.create(tracking_number=tracking_number[:40], ip_address=ip)


def clear_failures(tracking_number: str, ip: str | None) -> None:
    LookupFailure.objects.filter(tracking_number=tracking_number, ip_address=ip).delete()


def purge_expired(now: datetime | None = None) -> int:
    now = now or timezone.now()
    deleted, _ = LookupFailure.objects.filter(at__lte=now - _window()).delete()
    return deleted
