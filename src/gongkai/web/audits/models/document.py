"""Documents of a project (the uploaded or fetched bytes) and the reports read from them.

The bytes are files under the data folder named by their SHA-256 (``services.files``
writes them), so the database holds no document content and the same bytes are one file.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from gongkai.web.audits.models.project import AuditProject

STATE_CHOICES = [
    ("queued", "排队中"),  # until a worker has extracted and stored it (one transaction)
    ("done", "已提取"),
    ("failed", "失败"),
]
ERROR_KIND_LABELS = {
    "unreadable": "无法读取",
    "not_report": "不是年度报告",
    "internal": "内部错误",
    "fetch": "下载失败",
}


def document_storage() -> FileSystemStorage:
    """Where documents' bytes live: ``audit-documents`` in the data folder."""
    return FileSystemStorage(location=Path(settings.DATA_DIR) / "audit-documents")


class AuditDocument(models.Model):
    project = models.ForeignKey(
        AuditProject, verbose_name="项目", on_delete=models.CASCADE, related_name="documents"
    )
    name = models.CharField("文件名", max_length=255)
    file = models.FileField("文件", storage=document_storage, max_length=100, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    size = models.PositiveIntegerField("大小（字节）", default=0)
    url = models.URLField("来源网址", max_length=1000, blank=True)
    content_type = models.CharField("内容类型", max_length=120, blank=True)
    state = models.CharField("状态", max_length=12, choices=STATE_CHOICES, default="queued")
    error_kind = models.CharField("错误类型", max_length=12, blank=True)
    error_message = models.TextField("错误说明", blank=True)
    added_at = models.DateTimeField("加入时间", auto_now_add=True)

    class Meta:
        verbose_name = "审核文档"
        verbose_name_plural = "审核文档"
        ordering = ("name", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=["project", "sha256"],
                condition=~models.Q(sha256=""),
                name="auditdoc_project_sha256_unique",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def read_bytes(self) -> bytes:
        """The stored bytes (empty while a URL has not been fetched)."""
        if not self.file:
            return b""
        with self.file.open("rb") as stream:
            content: bytes = stream.read()
        return content

    @property
    def error_kind_label(self) -> str:
        return ERROR_KIND_LABELS.get(self.error_kind, self.error_kind)


class AuditReport(models.Model):
    """One annual report read from a document (a crawler dump can hold several)."""

    document = models.ForeignKey(
        AuditDocument, verbose_name="文档", on_delete=models.CASCADE, related_name="reports"
    )
    source = models.CharField("来源", max_length=300)
    position = models.PositiveSmallIntegerField("文档内序号", default=0)
    kind = models.CharField("格式", max_length=20)
    agency_name = models.CharField("报告所载机关", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    report_json = models.TextField("提取结果（JSON）")
    matched_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="对应机关",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    match_manual = models.BooleanField("人工指定", default=False)
    previous = models.ForeignKey(
        "self",
        verbose_name="上年报告",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "提取的年度报告"
        verbose_name_plural = "提取的年度报告"
        ordering = ("agency_name", "year", "pk")

    def __str__(self) -> str:
        return f"{self.agency_name or self.source} {self.year or ''}".strip()
