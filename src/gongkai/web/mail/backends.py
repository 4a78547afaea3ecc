"""A file backend that keeps one ``.eml`` file per message, so the outbox page can list them.

Django's own file backend appends every message of a connection to one log file; one file
per message is simpler to read back and never half-written (written aside, then renamed).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage
from django.utils import timezone


class FileBackend(BaseEmailBackend):
    def __init__(self, file_path: str | None = None, fail_silently: bool = False, **kwargs: Any):
        super().__init__(fail_silently=fail_silently, **kwargs)
        folder = file_path or getattr(settings, "EMAIL_FILE_PATH", None)
        if not folder:
            raise ImproperlyConfigured("文件邮件后端需要 EMAIL_FILE_PATH（保存邮件的文件夹）")
        self.folder = Path(folder)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            name = f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            aside = self.folder / f".{name}.tmp"
            aside.write_bytes(message.message().as_bytes())
            os.replace(aside, self.folder / name)
            sent += 1
        return sent
