"""Findings of a project, one per fingerprint, and the reviewers' decisions on them.

A finding row lives as long as the project: a re-run updates it while its fingerprint is
found again and marks it resolved when it is not. Decisions are keyed by fingerprint too,
so they hold whatever happens to the documents; every decision is kept (the history), the
latest one is marked current.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.audits.models.document import AuditReport
from gongkai.web.audits.models.project import AuditProject

CLASS_CHOICES = [("report", "报告问题"), ("extraction", "提取存疑")]
VERDICT_CHOICES = [
    ("report_error", "确认：报告错误"),
    ("extraction_problem", "确认：提取问题"),
    ("justified", "排除：有合理解释"),
]


class AuditFinding(models.Model):
    project = models.ForeignKey(
        AuditProject, verbose_name="项目", on_delete=models.CASCADE, related_name="findings"
    )
    fingerprint = models.CharField("指纹", max_length=64)
    report = models.ForeignKey(
        AuditReport,
        verbose_name="报告",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
    )
    agency_name = models.CharField("机关", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    rule = models.CharField("规则", max_length=20)
    severity = models.CharField("级别", max_length=20)
    finding_class = models.CharField("类别", max_length=12, choices=CLASS_CHOICES)
    location = models.CharField("位置", max_length=300)
    message = models.TextField("说明")
    expected = models.CharField("应为", max_length=200, blank=True)
    actual = models.CharField("实为", max_length=200, blank=True)
    pointer = models.JSONField("原文位置", null=True, blank=True)
    first_seen = models.DateTimeField("首次发现", auto_now_add=True)
    resolved_at = models.DateTimeField("已消失于", null=True, blank=True)

    class Meta:
        verbose_name = "审核发现"
        verbose_name_plural = "审核发现"
        ordering = ("agency_name", "year", "rule", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=["project", "fingerprint"], name="auditfinding_project_print_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.rule} {self.location}"


class Disposition(models.Model):
    """One reviewer's decision on a fingerprint; earlier decisions stay, ``current`` is the
    latest (at most one per fingerprint, kept so by ``services.review``)."""

    project = models.ForeignKey(
        AuditProject, verbose_name="项目", on_delete=models.CASCADE, related_name="dispositions"
    )
    fingerprint = models.CharField("指纹", max_length=64)
    verdict = models.CharField("结论", max_length=20, choices=VERDICT_CHOICES)
    comment = models.TextField("说明")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField("审核时间", auto_now_add=True)
    current = models.BooleanField("当前结论", default=True)

    class Meta:
        verbose_name = "审核结论"
        verbose_name_plural = "审核结论"
        ordering = ("-decided_at", "-pk")
        indexes = (
            models.Index(fields=["project", "fingerprint"], name="disposition_project_print"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["project", "fingerprint"],
                condition=models.Q(current=True),
                name="disposition_one_current",
            ),
        )

    def __str__(self) -> str:
        return self.get_verdict_display()
