"""Yearly figures of table 2 that live in other systems: decisions and fee income."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class YearFigure(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    licensing = models.PositiveIntegerField("行政许可决定数", null=True, blank=True)
    penalty = models.PositiveIntegerField("行政处罚决定数", null=True, blank=True)
    coercion = models.PositiveIntegerField("行政强制决定数", null=True, blank=True)
    fees_10k_yuan = models.DecimalField(
        "行政事业性收费金额（万元）", max_digits=14, decimal_places=4, null=True, blank=True
    )
    source = models.CharField(
        "数据来源", max_length=300, help_text="例如：手工录入；导入：2024年数据.xlsx 第 3 行"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "年度统计数据"
        verbose_name_plural = "年度统计数据"
        ordering = ("-year", "agency__path")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year"], name="yearfigure_agency_year_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} · {self.year} 年"
