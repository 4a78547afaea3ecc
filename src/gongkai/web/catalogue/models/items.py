"""Catalogue items (主动公开) and the agency's own columns (栏目)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.web.catalogue.categories import ART20_BY_KEY, CATEGORY_CHOICES
from gongkai.web.core.models import RegisterEntry

VALIDITY_CHOICES = [("valid", "有效"), ("expired", "失效"), ("repealed", "废止")]


class CatalogueColumn(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("栏目名称", max_length=80)
    category = models.CharField("所属第二十条事项", max_length=2, choices=CATEGORY_CHOICES)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "公开栏目"
        verbose_name_plural = "公开栏目"
        ordering = ("agency", "order", "pk")
        constraints = (
            models.UniqueConstraint(fields=["agency", "name"], name="catcolumn_agency_name_unique"),
        )

    def __str__(self) -> str:
        return self.name


class DisclosureItem(RegisterEntry):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="发布机关", on_delete=models.PROTECT, related_name="+"
    )
    index_number = models.CharField("索引号", max_length=80)
    title = models.CharField("标题", max_length=300)
    category = models.CharField("公开类别", max_length=2, choices=CATEGORY_CHOICES)
    column = models.ForeignKey(
        CatalogueColumn,
        verbose_name="栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    issuing_body = models.CharField("发文机关", max_length=200)
    document_number = models.CharField("文号", max_length=80, blank=True)
    formed = models.DateField("形成或变更日期", help_text="第二十六条：自该日起20个工作日内公开")
    due = models.DateField("公开期限", editable=False)
    due_provisional = models.BooleanField(
        "期限为暂定（当年节假日通知未载入）", default=False, editable=False
    )
    published = models.DateField("公开日期", null=True, blank=True)
    validity = models.CharField(
        "效力状态", max_length=12, choices=VALIDITY_CHOICES, default="valid"
    )
    summary = models.TextField("内容概述", blank=True)
    url = models.URLField("公开网址", blank=True)
    secrecy_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="保密审查人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    secrecy_reviewed_at = models.DateTimeField("保密审查时间", null=True, blank=True)
    secrecy_note = models.CharField("保密审查意见", max_length=300, blank=True)

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ("-formed", "-pk")
        indexes = (
            models.Index(fields=["agency", "published"], name="catitem_agency_published_idx"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "index_number"], name="catitem_index_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(published__isnull=True) | Q(secrecy_reviewed_at__isnull=False),
                name="catitem_published_after_secrecy_review",
                violation_error_message="公开前须经保密审查。",
            ),
        )

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"

    @property
    def category_label(self) -> str:
        item = ART20_BY_KEY[self.category]
        return f"第二十条第{item.number}项"

    @property
    def category_text(self) -> str:
        return ART20_BY_KEY[self.category].label

    @property
    def status_label(self) -> str:
        if self.published is not None:
            return "已公开"
        return "待公开" if self.secrecy_reviewed_at else "待保密审查"

    def overdue_on(self, today: dt.date) -> bool:
        """Art. 26: published after the limit, or still unpublished past it."""
        if self.published is not None:
            return self.published > self.due
        return today > self.due

    @property
    def published_late(self) -> bool:
        return self.published is not None and self.published > self.due
