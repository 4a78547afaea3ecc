"""A correction (补正) the applicant sent on the portal, kept until staff confirm it.

Like the online application itself, a correction sent on the internet is received on the day
the agency confirms it (Art. 31(三)); only then is it recorded in the case file through
``cases.services.receive_correction`` and the reply clock restarts from that day (Art. 30).
Until then it is a pending record the applicant can see as 补正材料已提交（待机关确认）.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class OnlineCorrection(models.Model):
    application = models.ForeignKey(
        "portal.OnlineApplication",
        verbose_name="网上申请",
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    # sha256 of the one-time form token: the same form sent twice is stored once
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    submitted_on = models.DateField("提交日期")
    text = models.TextField("补正内容")
    file_name = models.CharField("附件名称", max_length=200, blank=True)
    file_content = models.BinaryField("附件内容", blank=True, default=b"")
    file_type = models.CharField("附件类型", max_length=100, blank=True)
    file_size = models.PositiveIntegerField("附件大小", default=0)
    # set once, by services.confirm_correction (received_on is the date of receipt)
    received_on = models.DateField("收到补正日期", null=True, blank=True)
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # set once, by services.decline_correction (the reason is shown to the applicant)
    declined_at = models.DateTimeField("不予接收时间", null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decline_reason = models.TextField("不予接收理由", blank=True)

    class Meta:
        verbose_name = "网上补正"
        verbose_name_plural = "网上补正"
        ordering = ("-submitted_at", "-id")
        constraints = (
            # one correction at a time waits for staff, whatever races the browser makes
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(confirmed_at__isnull=True, declined_at__isnull=True),
                name="portal_one_pending_correction",
            ),
        )

    def __str__(self) -> str:
        return f"{self.application_id} {self.submitted_at:%Y-%m-%d %H:%M}"

    @property
    def pending(self) -> bool:
        return self.confirmed_at is None and self.declined_at is None

    @property
    def has_file(self) -> bool:
        return bool(self.file_name)
