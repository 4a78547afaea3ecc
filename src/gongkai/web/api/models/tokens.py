"""API tokens of staff integrations, and their audit trail (created, used, revoked).

Only a hash of the secret is stored: the secret is shown once, when the token is created.
The secrets are long random strings, so one SHA-256 is enough (no password stretching).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

TOKEN_SCOPE_CHOICES = [("own", "本机关"), ("subtree", "本机关及全部下级机关")]
TOKEN_EVENT_CHOICES = [("created", "创建"), ("used", "使用"), ("revoked", "吊销")]


class ApiToken(models.Model):
    name = models.CharField("用途说明", max_length=80)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="所属机关", on_delete=models.PROTECT, related_name="+"
    )
    scope = models.CharField("数据范围", max_length=8, choices=TOKEN_SCOPE_CHOICES)
    # the first characters of the secret, so staff can tell their tokens apart
    prefix = models.CharField("令牌前缀", max_length=12)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用时间", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="吊销人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.name}（{self.prefix}…）"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class ApiTokenEvent(models.Model):
    """Append-only: who created or revoked a token, and every request made with it."""

    token = models.ForeignKey(
        ApiToken, verbose_name="令牌", on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField("事件", max_length=8, choices=TOKEN_EVENT_CHOICES)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    path = models.CharField("请求地址", max_length=300, blank=True)
    ip_address = models.GenericIPAddressField("来源地址", null=True, blank=True)
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "接口令牌记录"
        verbose_name_plural = "接口令牌记录"
        ordering = ("-at", "-pk")

    def __str__(self) -> str:
        return f"{self.token} {self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("接口令牌记录只能追加，不能修改")
        super().save(*args, **kwargs)
