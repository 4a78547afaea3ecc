"""Who may read the outbox: mails carry applicants' tracking numbers and case numbers of
every agency, so only the system administrator."""

from __future__ import annotations

from typing import Any


def can_read_outbox(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_platform_admin)
