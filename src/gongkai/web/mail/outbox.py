"""Reading back the mails the file backend kept (newest first)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from gongkai.web.mail.backends import FileBackend


@dataclass(frozen=True)
class SentMail:
    name: str  # the file name, which sorts by time
    subject: str
    to: str
    sent_at: dt.datetime | None
    body: str


def folder() -> Path | None:
    """The outbox folder, or None when mail is not kept in files (SMTP, console …)."""
    backend = getattr(settings, "EMAIL_BACKEND", "")
    if backend != f"{FileBackend.__module__}.{FileBackend.__qualname__}":
        return None
    path = getattr(settings, "EMAIL_FILE_PATH", None)
    return Path(path) if path else None


def read(path: Path) -> SentMail:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    when = message.get("Date")
    body_part = message.get_body(preferencelist=("plain",))
    body = body_part.get_content() if body_part is not None else ""
    return SentMail(
        name=path.name,
        subject=str(message.get("Subject", "")).strip(),
        to=str(message.get("To", "")),
        sent_at=email.utils.parsedate_to_datetime(when) if when else None,
        body=str(body).strip(),
    )


def sent_mails(limit: int = 200) -> list[SentMail]:
    where = folder()
    if where is None or not where.is_dir():
        return []
    paths = sorted(where.glob("*.eml"), reverse=True)[:limit]
    return [read(path) for path in paths]
