"""The audit trail of accounts: password changes and administrators' resets."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

ACCOUNT_EVENT_CHOICES = [
    ("password_changed", "本人修改密码"),
    ("password_reset", "管理员重置密码"),
]


class AccountEvent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="账号",
        on_delete=models.PROTECT,
        related_name="account_events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("事件", max_length=32, choices=ACCOUNT_EVENT_CHOICES)
    ip_address = models.GenericIPAddressField("来源地址", null=True, blank=True)
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "账号审计记录"
        verbose_name_plural = "账号审计记录"
        ordering = ("-at", "-pk")

    def __str__(self) -> str:
        return f"{self.user} {self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("账号审计记录只能追加，不能修改")
        super().save(*args, **kwargs)
