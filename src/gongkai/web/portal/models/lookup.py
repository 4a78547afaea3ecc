"""Failed look-ups on the tracking page, for throttling (see ``portal.throttling``)."""

from __future__ import annotations

from django.db import models


class LookupFailure(models.Model):
    # normalised as typed: unknown numbers count too, so failures reveal nothing
    tracking_number = models.CharField(max_length=40)
    ip_address = models.GenericIPAddressField(null=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "查询失败记录"
        verbose_name_plural = "查询失败记录"
        indexes = (
            models.Index(fields=["tracking_number", "ip_address", "at"], name="portal_lookup_pair"),
            models.Index(fields=["ip_address", "at"], name="portal_lookup_ip"),
        )

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.ip_address} {self.at:%Y-%m-%d %H:%M}"
