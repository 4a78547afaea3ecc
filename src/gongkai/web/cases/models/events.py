"""The append-only case file: events, the documents attached to them, consultations."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.web.cases.choices import EVENT_KIND_CHOICES, EVENT_KIND_LABELS


class AppendOnlyError(RuntimeError):
    pass


class AppendOnly(models.Model):
    """Rows are written once: no update, no delete (the case file is a legal record)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.pop("_allow_update", False):
            raise AppendOnlyError(f"{self._meta.verbose_name}只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError(f"{self._meta.verbose_name}只能追加，不能删除")


class CaseDocument(AppendOnly):
    """A file in the case: an attachment uploaded by staff or a letter the platform made."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="documents")
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    letter_type = models.CharField("文书类型", max_length=32, blank=True)
    # the issued letter this file is a format of (None: an attachment, or a letter file
    # made before letters were issued once)
    issued = models.ForeignKey(
        "cases.IssuedLetter",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="files",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # None only for an issued letter's file made for the applicant's download on the portal
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "案件文件"
        verbose_name_plural = "案件文件"
        ordering = ("id",)
        constraints = (
            models.UniqueConstraint(
                fields=["issued", "content_type"],
                condition=models.Q(issued__isnull=False),
                name="issued_letter_file_once_per_format",
            ),
        )

    def __str__(self) -> str:
        return self.name


class CaseEvent(AppendOnly):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField("序号")
    kind = models.CharField("事件", max_length=32, choices=EVENT_KIND_CHOICES)
    date = models.DateField("日期")  # the legal date of the event (may precede its entry)
    data = models.JSONField("内容", default=dict, blank=True)
    document = models.ForeignKey(
        CaseDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = "案件事件"
        verbose_name_plural = "案件事件"
        ordering = ("case", "seq")
        constraints = (
            models.UniqueConstraint(fields=["case", "seq"], name="case_event_seq_unique"),
        )

    def __str__(self) -> str:
        return f"#{self.seq} {self.label} {self.date}"

    @property
    def label(self) -> str:
        return EVENT_KIND_LABELS.get(self.kind, self.kind)


class Consultation(models.Model):
    """A request for an opinion (Arts. 32, 34): third party or another agency.

    The sending and the answer are events in the log; this row is the working record with
    the limit computed by the clock (a cache, rewritten by ``services.refresh``).
    """

    KIND_CHOICES = (("third_party", "第三方"), ("agency", "其他机关"))
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="consultations")
    kind = models.CharField("对象类型", max_length=16, choices=KIND_CHOICES)
    party = models.CharField("征求意见对象", max_length=120)
    address = models.CharField("联系地址", max_length=200, blank=True)
    sent_on = models.DateField("发出日期")
    limit = models.DateField("意见期限", null=True, blank=True)
    answered_on = models.DateField("收到意见日期", null=True, blank=True)
    opinion = models.TextField("意见", blank=True)
    agrees = models.BooleanField("同意公开", null=True)

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        ordering = ("case", "sent_on", "id")

    def __str__(self) -> str:
        return f"{self.party}（{self.sent_on}）"


class ExtensionRequest(models.Model):
    """A handler asks to extend; only the head of the disclosure office decides (Art. 33)."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="extensions")
    workdays = models.PositiveSmallIntegerField("延长工作日")
    reason = models.TextField("延期理由")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True)
    approved = models.BooleanField(null=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        verbose_name = "延期申请"
        verbose_name_plural = "延期申请"
        ordering = ("-requested_at",)

    def __str__(self) -> str:
        return f"{self.case_id} +{self.workdays}"

    @property
    def pending(self) -> bool:
        return self.approved is None
