"""What an applicant sends on the portal waits for staff before it counts as received.

For the internet channel a document is received on the day the agency confirms it
(Art. 31(三)), so an online application and an online correction are both kept exactly as
sent until a member of staff confirms them or declines them with a reason the applicant can
read. Each decision is set once, by the portal services.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


def _staff_member(label: str) -> models.ForeignKey[Any, Any]:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


class AwaitingStaff(models.Model):
    # sha256 of the one-time form token: a form sent twice is recognised, never stored twice
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    submitted_on = models.DateField("提交日期")
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    confirmed_by = _staff_member("确认人")
    declined_at = models.DateTimeField("不予接收时间", null=True, blank=True)
    declined_by = _staff_member("处理人")
    decline_reason = models.TextField("不予接收理由", blank=True)

    class Meta:
        abstract = True
        ordering = ("-submitted_at", "-id")

    @property
    def pending(self) -> bool:
        return self.confirmed_at is None and self.declined_at is None

    @property
    def declined(self) -> bool:
        return self.declined_at is not None
