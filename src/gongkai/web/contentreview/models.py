"""A review run of one object's content, its findings with the reviewer's decision on each,
the 负责人's override of the publishing gate, and the audit trail of all of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.review import RULES

SUBJECT_CHOICES = [("catalogue", "主动公开信息"), ("annual", "年度报告")]
SEVERITY_CHOICES = [("error", "错误"), ("warning", "警告"), ("info", "提示")]
DISPOSITION_CHOICES = [
    ("open", "待确认"),
    ("confirmed", "确认有误，须修改"),
    ("dismissed", "不是问题"),
]
EVENT_CHOICES = [
    ("run", "运行内容审查"),
    ("confirmed", "确认有误"),
    ("dismissed", "认定不是问题"),
    ("override", "负责人同意发布"),
    ("blocked", "发布被拒绝"),
]


class ReviewRun(models.Model):
    subject = models.CharField("审查对象", max_length=12, choices=SUBJECT_CHOICES)
    object_id = models.PositiveIntegerField("对象编号")
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    content_hash = models.CharField("内容摘要", max_length=64)
    reviewed_at = models.DateTimeField("审查时间", auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审查发起人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="同意发布的负责人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    override_at = models.DateTimeField("同意发布时间", null=True, blank=True)
    override_reason = models.CharField("同意发布的理由", max_length=300, blank=True)

    class Meta:
        verbose_name = "内容审查"
        verbose_name_plural = "内容审查"
        ordering = ("-pk",)
        indexes = (models.Index(fields=["subject", "object_id"], name="reviewrun_subject_idx"),)

    def __str__(self) -> str:
        return f"{self.get_subject_display()} {self.object_id} 内容审查 {self.reviewed_at:%Y-%m-%d %H:%M}"


class ContentFinding(models.Model):
    run = models.ForeignKey(
        ReviewRun, verbose_name="审查", on_delete=models.CASCADE, related_name="findings"
    )
    rule = models.CharField("规则", max_length=4)
    kind = models.CharField("类型", max_length=20)
    severity = models.CharField("级别", max_length=8, choices=SEVERITY_CHOICES)
    section = models.CharField("位置（部分或字段）", max_length=20, blank=True)
    line = models.PositiveIntegerField("行")
    start = models.PositiveIntegerField("起始位置")
    matched = models.CharField("原文", max_length=200)
    suggestion = models.CharField("建议", max_length=200, blank=True)
    message = models.CharField("说明", max_length=300)
    basis = models.CharField("依据", max_length=400, blank=True)
    disposition = models.CharField(
        "处理", max_length=10, choices=DISPOSITION_CHOICES, default="open"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    comment = models.CharField("处理意见", max_length=300, blank=True)

    class Meta:
        verbose_name = "内容审查发现"
        verbose_name_plural = "内容审查发现"
        ordering = ("run", "section", "start", "pk")

    def __str__(self) -> str:
        return f"{self.rule} {self.kind} {self.matched}"

    @property
    def rule_title(self) -> str:
        return RULES[self.rule].title if self.rule in RULES else ""

    @property
    def place(self) -> str:
        """Where the finding is: a report's part (第3部分), its title or preamble, a field."""
        names = {"title": "标题", "preamble": "前言", "": "正文"}
        part = (
            f"第{self.section}部分"
            if self.section.isdigit()
            else names.get(self.section, self.section)
        )
        return f"{part}第 {self.line} 行"

    @property
    def blocks(self) -> bool:
        """An error stands in the way of publishing until it is found not to be one."""
        return self.severity == "error" and self.disposition != "dismissed"

    @property
    def same_place(self) -> tuple[str, str, str, str]:
        """What identifies the finding across runs of changed content (offsets move)."""
        return (self.rule, self.kind, self.section, self.matched)


class ReviewEvent(models.Model):
    """The audit trail: every run, decision, override and refused publication."""

    run = models.ForeignKey(
        ReviewRun, verbose_name="审查", on_delete=models.CASCADE, related_name="events"
    )
    finding = models.ForeignKey(
        ContentFinding,
        verbose_name="发现",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField("操作", max_length=10, choices=EVENT_CHOICES)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)
    comment = models.CharField("意见", max_length=300, blank=True)

    class Meta:
        verbose_name = "内容审查记录"
        verbose_name_plural = "内容审查记录"
        ordering = ("at", "pk")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"
