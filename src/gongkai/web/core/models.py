"""What every register entry records about itself: who entered it and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RegisterEntry(models.Model):
    # SET_NULL: an entry outlives the account of whoever typed it in
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True
