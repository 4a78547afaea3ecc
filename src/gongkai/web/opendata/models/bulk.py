"""A year's generated bulk files. The bytes are kept in the database, which every web and
task process shares (as documents and attachments are); they are rebuilt, never edited."""

from __future__ import annotations

from django.db import models

from gongkai.opendata import KINDS

KIND_CHOICES = [(kind.key, kind.label) for kind in KINDS.values()]


class BulkYear(models.Model):
    """One report year's set of files; its row is locked while the set is rebuilt, so a
    rebuild reads every version committed before it took the lock."""

    year = models.PositiveSmallIntegerField("报告年度", unique=True)
    report_count = models.PositiveIntegerField("报告数", default=0)
    generated_at = models.DateTimeField("生成时间", null=True, blank=True)
    # The versions in the files: a rebuild that would include the same ones is skipped.
    version_ids = models.JSONField("收入的版本", default=list)

    class Meta:
        verbose_name = "开放数据年度"
        verbose_name_plural = "开放数据年度"
        ordering = ("-year",)

    def __str__(self) -> str:
        return f"{self.year} 年度开放数据"


class BulkFile(models.Model):
    bulk_year = models.ForeignKey(
        BulkYear, verbose_name="年度", on_delete=models.CASCADE, related_name="files"
    )
    kind = models.CharField("格式", max_length=8, choices=KIND_CHOICES)
    name = models.CharField("文件名", max_length=80, unique=True)
    content = models.BinaryField("文件内容")
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    report_count = models.PositiveIntegerField("报告数")
    generated_at = models.DateTimeField("生成时间")

    class Meta:
        verbose_name = "开放数据文件"
        verbose_name_plural = "开放数据文件"
        ordering = ("-bulk_year__year", "kind")
        constraints = (
            models.UniqueConstraint(fields=["bulk_year", "kind"], name="bulkfile_year_kind_unique"),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def content_type(self) -> str:
        return KINDS[self.kind].content_type

    @property
    def label(self) -> str:
        return KINDS[self.kind].label
