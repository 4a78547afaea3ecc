"""The search index: one row per published object, holding only what the public may see."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

# Where an entry comes from (one published object each) …
SOURCE_CHOICES = [
    ("catalogue", "主动公开目录"),
    ("register", "规章和规范性文件登记"),
    ("annual", "年度报告"),
]
# … and what it is, as the public filters it.
KIND_CHOICES = [
    ("catalogue", "主动公开信息"),
    ("regulations", "规章"),
    ("normative_documents", "行政规范性文件"),
    ("annual", "政府信息公开工作年度报告"),
]


class SearchEntry(models.Model):
    source = models.CharField("来源", max_length=12, choices=SOURCE_CHOICES)
    object_id = models.PositiveBigIntegerField("对象编号")
    kind = models.CharField("类别", max_length=24, choices=KIND_CHOICES)
    category = models.CharField("第二十条事项", max_length=2, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("标题", max_length=300)
    number = models.CharField("文号", max_length=80, blank=True)
    excerpt = models.TextField("正文摘录", blank=True)
    status = models.CharField("效力状态", max_length=40, blank=True)
    year = models.PositiveSmallIntegerField("年度")
    date = models.DateField("公开日期")
    url = models.CharField("公开网址", max_length=500, blank=True)
    # gongkai.text.search: " t1 t2 … " (every token of title and text), and the title's own.
    tokens = models.TextField("检索词")
    title_tokens = models.TextField("标题检索词")
    indexed_at = models.DateTimeField("索引时间", auto_now=True)

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"
        ordering = ("-date", "-pk")
        constraints = (
            models.UniqueConstraint(fields=["source", "object_id"], name="search_source_unique"),
        )
        # Newest first, also within a filter: the database walks these until a page is full.
        indexes = (
            models.Index(fields=["date", "id"], name="search_date_idx"),
            models.Index(fields=["year", "date", "id"], name="search_year_date_idx"),
            models.Index(fields=["category", "date", "id"], name="search_category_date_idx"),
            models.Index(fields=["agency", "date", "id"], name="search_agency_date_idx"),
        )

    def __str__(self) -> str:
        return self.title

    @property
    def link(self) -> str:
        """Where the public reads it: the publishing page, else the entry's own page."""
        return self.url or reverse("search:entry", args=[self.pk])
