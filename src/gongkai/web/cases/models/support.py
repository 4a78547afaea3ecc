"""Audit trail, notifications, double-submit tokens and per-agency letter settings."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """Every change made through the services: who, when, what (field values before/after)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField("操作", max_length=40)
    changes = models.JSONField("变更", default=dict, blank=True)

    class Meta:
        verbose_name = "操作记录"
        verbose_name_plural = "操作记录"
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class Notification(models.Model):
    KIND_CHOICES = (
        ("due_soon", "即将到期"),
        ("overdue", "已超期"),
        ("withdrawal", "视为放弃申请待确认"),
        ("extension", "延期待审批"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_notifications"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)
    day = models.DateField()  # one notice per user, case, kind and day
    message = models.CharField(max_length=300)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        verbose_name = "提醒"
        verbose_name_plural = "提醒"
        ordering = ("-day", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=["user", "case", "kind", "day"], name="case_notification_once_a_day"
            ),
        )

    def __str__(self) -> str:
        return self.message


class FormSubmission(models.Model):
    """One row per submitted form token: a second submit of the same form is refused."""

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    case = models.ForeignKey("cases.Case", null=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "表单提交"
        verbose_name_plural = "表单提交"


class LetterTemplate(models.Model):
    """An agency's edited letter template (none: the package default is used)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    letter_type = models.CharField("文书类型", max_length=32)
    text = models.TextField("模板")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        constraints = (
            models.UniqueConstraint(
                fields=["agency", "letter_type"], name="letter_template_once_per_agency"
            ),
        )

    def __str__(self) -> str:
        return self.letter_type


class CaseSettings(models.Model):
    """What reply letters need beyond the agency's contact details (remedies, payment)."""

    agency = models.OneToOneField(
        "agencies.Agency", on_delete=models.CASCADE, related_name="case_settings"
    )
    review_body = models.CharField("行政复议机关", max_length=120, blank=True)
    court = models.CharField("人民法院", max_length=120, blank=True)
    payment_method = models.CharField("缴费方式", max_length=300, blank=True)
    number_prefix = models.CharField("编号前缀", max_length=20, blank=True)

    class Meta:
        verbose_name = "案件设置"
        verbose_name_plural = "案件设置"

    def __str__(self) -> str:
        return str(self.agency_id)
