"""Throttling of the tracking page: the access code cannot be guessed.

After ``GONGKAI_PORTAL_MAX_FAILURES`` (5) failed look-ups of one tracking number from one
address within ``GONGKAI_PORTAL_LOCK_MINUTES`` (15), that pair is locked until the oldest of
them leaves the window; one address failing ``GONGKAI_PORTAL_MAX_FAILURES_PER_IP`` (20) times
across numbers is locked too (no walking through tracking numbers). As for logins
(``accounts.throttling``), counting per number *and* address means nobody can lock an
applicant out from elsewhere.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from gongkai.web.accounts.throttling import client_ip
from gongkai.web.portal.models import LookupFailure

__all__ = ["clear_failures", "client_ip", "locked_until", "purge_expired", "record_failure"]


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def max_failures() -> int:
    return _setting("GONGKAI_PORTAL_MAX_FAILURES", 5)


def max_failures_per_ip() -> int:
    return _setting("GONGKAI_PORTAL_MAX_FAILURES_PER_IP", 20)


def lock_minutes() -> int:
    return _setting("GONGKAI_PORTAL_LOCK_MINUTES", 15)


def _window() -> timedelta:
    return timedelta(minutes=lock_minutes())


def _lock_end(times: list[datetime], limit: int) -> datetime | None:
    return times[limit - 1] + _window() if len(times) >= limit else None


def locked_until(
    tracking_number: str, ip: str | None, now: datetime | None = None
) -> datetime | None:
    """When the lock on this look-up ends, or None if looking up is allowed now."""
    now = now or timezone.now()
    recent = LookupFailure.objects.filter(ip_address=ip, at__gt=now - _window()).order_by("-at")
    pair = list(
        recent.filter(tracking_number=tracking_number).values_list("at", flat=True)[
            : max_failures()
        ]
    )
    by_ip = list(recent.values_list("at", flat=True)[: max_failures_per_ip()])
    ends = [
        end
        for end in (_lock_end(pair, max_failures()), _lock_end(by_ip, max_failures_per_ip()))
        if end is not None and end > now
    ]
    return max(ends) if ends else None


def record_failure(tracking_number: str, ip: str | None) -> None:
    LookupFailure.objects.create(tracking_number=tracking_number[:40], ip_address=ip)


def clear_failures(tracking_number: str, ip: str | None) -> None:
    LookupFailure.objects.filter(tracking_number=tracking_number, ip_address=ip).delete()


def purge_expired(now: datetime | None = None) -> int:
    now = now or timezone.now()
    deleted, _ = LookupFailure.objects.filter(at__lte=now - _window()).delete()
    return deleted
