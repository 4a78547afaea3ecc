"""Failed logins, kept in the database so throttling holds across server processes."""

from __future__ import annotations

from django.db import models


class LoginFailure(models.Model):
    username = models.CharField("用户名", max_length=150)
    ip_address = models.GenericIPAddressField("来源地址", null=True, blank=True)
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "登录失败记录"
        verbose_name_plural = "登录失败记录"
        ordering = ("-at",)
        indexes = (models.Index(fields=["username", "ip_address", "at"], name="login_failure_idx"),)

    def __str__(self) -> str:
        return f"{self.username} @ {self.ip_address} {self.at:%Y-%m-%d %H:%M}"
