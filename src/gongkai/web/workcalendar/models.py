"""State Council holiday notices loaded by administrators, and the day overrides they set.

The ``chinesecalendar`` tables end with the newest announced year; for later years an
administrator enters the notice (e.g. 国办发明电〔2025〕x号) with its holidays and 调休
working days. These rows are handed to the core ``gongkai.calendar`` as overrides.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class HolidayNotice(models.Model):
    document_number = models.CharField(
        "文号", max_length=60, unique=True, help_text="例如：国办发明电〔2025〕7号"
    )
    title = models.CharField("标题", max_length=200)
    year = models.PositiveSmallIntegerField("适用年度")
    published_on = models.DateField("发布日期", null=True, blank=True)
    loaded_at = models.DateTimeField("录入时间", auto_now_add=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "节假日安排通知"
        verbose_name_plural = "节假日安排通知"
        ordering = ("-year", "document_number")

    def __str__(self) -> str:
        return f"{self.year} 年 · {self.document_number}"


class CalendarOverride(models.Model):
    notice = models.ForeignKey(
        HolidayNotice, verbose_name="依据通知", on_delete=models.CASCADE, related_name="overrides"
    )
    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField(
        "是否工作日", help_text="勾选：调休上班的周末；不勾选：放假的工作日"
    )
    name = models.CharField("节日名称", max_length=40, help_text="例如：春节、国庆节")

    class Meta:
        verbose_name = "日历调整"
        verbose_name_plural = "日历调整"
        ordering = ("date",)

    def __str__(self) -> str:
        kind = "上班" if self.is_workday else "放假"
        return f"{self.date:%Y-%m-%d} {self.name}（{kind}）"
