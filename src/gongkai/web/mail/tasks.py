"""Queue jobs of the mail app: delivery, retried when the mail server is unreachable."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from huey.contrib.djhuey import task


@task(retries=3, retry_delay=300)
def deliver(subject: str, body: str, to: str) -> int:
    """One message to one address (staff never see each other's addresses)."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
