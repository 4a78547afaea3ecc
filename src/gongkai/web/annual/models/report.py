"""An agency's report for a year (the working draft), its workflow log and its published
versions (immutable), plus reports of earlier years imported from published documents."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.conf import settings
from django.db import models

from gongkai.report import AnnualReport
from gongkai.web.annual.workflow import STATES

SCOPE_CHOICES = [("agency", "本机关"), ("region", "本地区汇总")]
STATE_CHOICES = list(STATES.items())


def severity_counts(findings: list[dict[str, Any]]) -> Counter[str]:
    """How many findings of each severity (stored findings are plain dicts)."""
    return Counter(f["severity"] for f in findings)


class AnnualReportDraft(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    scope = models.CharField("范围", max_length=8, choices=SCOPE_CHOICES, default="agency")
    state = models.CharField("状态", max_length=12, choices=STATE_CHOICES, default="draft")
    # The canonical report (gongkai.annual-report/1) with the current section texts.
    data = models.JSONField("报告数据", default=dict)
    # table → row → column → record ids behind each cell (see builder.build_tables).
    sources = models.JSONField("单元格来源", default=dict)
    edited_sections = models.JSONField("已人工修改的部分", default=list)
    findings = models.JSONField("审核结果", default=list)
    build_warnings = models.JSONField("生成提示", default=list)
    statistics_basis = models.JSONField("统计口径", default=list)  # as built (builder.Built)
    previous_basis = models.CharField("跨年度比对依据", max_length=200, blank=True)
    built_at = models.DateTimeField("生成时间", null=True, blank=True)
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    published_version = models.PositiveIntegerField("已公开版本", default=0)
    correction_note = models.CharField("更正说明", max_length=300, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ("-year", "agency__path")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year", "scope"], name="annualdraft_agency_year_scope_unique"
            ),
        )

    def __str__(self) -> str:
        return str(self.data.get("title") or f"{self.agency} {self.year} 年度报告")

    def report(self) -> AnnualReport:
        from gongkai.web.annual.builder import from_json

        return from_json(self.data)

    @property
    def agency_ids(self) -> list[int]:
        from gongkai.web.agencies.models import Agency

        if self.scope == "region":
            return list(Agency.objects.subtree(self.agency).values_list("pk", flat=True))
        return [self.agency_id]

    def counts(self) -> Counter[str]:
        return severity_counts(self.findings)

    @property
    def error_count(self) -> int:
        return self.counts().get("error", 0)

    @property
    def warning_count(self) -> int:
        return self.counts().get("warning", 0)


class ReportEvent(models.Model):
    """One step of the workflow (who, when, from → to, comment); append-only."""

    draft = models.ForeignKey(
        AnnualReportDraft, verbose_name="年度报告", on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField("操作", max_length=16)
    from_state = models.CharField("原状态", max_length=12, choices=STATE_CHOICES)
    to_state = models.CharField("新状态", max_length=12, choices=STATE_CHOICES)
    comment = models.TextField("意见", blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "年报流转记录"
        verbose_name_plural = "年报流转记录"
        ordering = ("at", "pk")

    def __str__(self) -> str:
        return f"{self.draft} · {self.action_label}"

    @property
    def action_label(self) -> str:
        from gongkai.web.annual.workflow import TRANSITIONS

        transition = TRANSITIONS.get(self.action)
        return transition.label if transition else self.action


class ReportVersionQuerySet(models.QuerySet["ReportVersion"]):
    def current(self) -> ReportVersionQuerySet:
        """Each report's latest published version: what the report now says (a version and
        its report's ``published_version`` are written in one transaction)."""
        return self.filter(number=models.F("draft__published_version"))


class ReportVersion(models.Model):
    """A published report, fixed: it is never changed, a correction is the next version."""

    objects = ReportVersionQuerySet.as_manager()

    draft = models.ForeignKey(
        AnnualReportDraft,
        verbose_name="年度报告",
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField("版本")
    data = models.JSONField("报告数据")
    sources = models.JSONField("单元格来源", default=dict)
    findings = models.JSONField("审核结果", default=list)
    note = models.CharField("更正说明", max_length=300, blank=True)
    published_on = models.DateField("公开日期")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("发布时间", auto_now_add=True)

    class Meta:
        verbose_name = "已公开年报版本"
        verbose_name_plural = "已公开年报版本"
        ordering = ("draft", "-number")
        constraints = (
            models.UniqueConstraint(fields=["draft", "number"], name="reportversion_number_unique"),
        )

    def __str__(self) -> str:
        return f"{self.draft} 第 {self.number} 版"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("已公开的年报版本不能修改；更正请发布新版本。")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("已公开的年报版本不能删除。")

    def report(self) -> AnnualReport:
        from gongkai.web.annual.builder import from_json

        return from_json(self.data)


class ImportedReport(models.Model):
    """Last year's report read from its published document (gongkai extract), for the
    cross-year rules when it was not produced on the platform."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    data = models.JSONField("报告数据")
    filename = models.CharField("来源文件", max_length=260)
    warnings = models.JSONField("提取提示", default=list)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="导入人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = "导入的往年年报"
        verbose_name_plural = "导入的往年年报"
        ordering = ("-year", "agency__path")
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "year"], name="importedreport_agency_year_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 年（导入自 {self.filename}）"

    def report(self) -> AnnualReport:
        from gongkai.web.annual.builder import from_json

        return from_json(self.data)
