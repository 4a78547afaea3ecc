"""An audit project: a corpus of published annual reports kept by an agency for its auditors."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditProject(models.Model):
    name = models.CharField("项目名称", max_length=120)
    years = models.JSONField("审核年度", default=list, help_text="报告所属年度，如 [2022, 2023]")
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="所属机关", on_delete=models.PROTECT, related_name="+"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="成员", blank=True, related_name="audit_projects"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "审核项目"
        verbose_name_plural = "审核项目"
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.name

    @property
    def years_label(self) -> str:
        return "、".join(str(year) for year in self.years)
