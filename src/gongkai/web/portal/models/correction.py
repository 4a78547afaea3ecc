"""A correction (补正) the applicant sent on the portal, kept until staff confirm it.

Like the online application itself, a correction sent on the internet is received on the day
the agency confirms it (Art. 31(三)); only then is it recorded in the case file through
``cases.services.receive_correction`` and the reply clock restarts from that day (Art. 30).
Until then it is a pending record the applicant can see as 补正材料已提交（待机关确认）.
"""

from __future__ import annotations

from django.db import models

from gongkai.web.portal.models.pending import AwaitingStaff


class OnlineCorrection(AwaitingStaff):
    application = models.ForeignKey(
        "portal.OnlineApplication",
        verbose_name="网上申请",
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    text = models.TextField("补正内容")
    file_name = models.CharField("附件名称", max_length=200, blank=True)
    file_content = models.BinaryField("附件内容", blank=True, default=b"")
    file_type = models.CharField("附件类型", max_length=100, blank=True)
    file_size = models.PositiveIntegerField("附件大小", default=0)
    # set once, by services.confirm_correction with confirmed_at: the date of receipt
    received_on = models.DateField("收到补正日期", null=True, blank=True)

    class Meta(AwaitingStaff.Meta):
        verbose_name = "网上补正"
        verbose_name_plural = "网上补正"
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
    def has_file(self) -> bool:
        return bool(self.file_name)
