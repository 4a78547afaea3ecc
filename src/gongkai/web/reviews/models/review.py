"""One reconsideration or lawsuit about a disclosure decision (a table-4 record)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from gongkai.web.core.models import RegisterEntry

# Keys are those of gongkai.statistics (table-4 blocks and results), labels as in the format.
KIND_CHOICES = [
    ("review", "行政复议"),
    ("direct_suit", "行政诉讼（未经复议直接起诉）"),
    ("suit_after_review", "行政诉讼（复议后起诉）"),
]
RESULT_CHOICES = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果")]


class DisclosureReview(RegisterEntry):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="被申请/被告机关",
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The original application, when it is on the platform (a review may predate it).
    case = models.ForeignKey(
        "cases.Case",
        verbose_name="原申请",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviews",
    )
    case_reference = models.CharField(
        "原申请编号", max_length=80, blank=True, help_text="平台外或导入前的申请，填写其编号"
    )
    kind = models.CharField("类型", max_length=24, choices=KIND_CHOICES)
    reference = models.CharField("案号", max_length=120, blank=True)
    body = models.CharField("复议机关或法院", max_length=200, blank=True)
    applicant = models.CharField("申请人或原告", max_length=120, blank=True)
    filed = models.DateField("立案或收到日期")
    concluded = models.DateField("审结日期", null=True, blank=True)
    result = models.CharField("结果", max_length=12, choices=RESULT_CHOICES, blank=True)
    decision_note = models.TextField("决定或判决要点", blank=True)
    reopened_case = models.BooleanField("已重新办理原申请", default=False)

    class Meta:
        verbose_name = "行政复议和行政诉讼"
        verbose_name_plural = "行政复议和行政诉讼"
        ordering = ("-filed", "-pk")
        indexes = (models.Index(fields=["agency", "filed"], name="review_agency_filed_idx"),)
        constraints = (
            models.CheckConstraint(
                condition=Q(concluded__isnull=True, result="")
                | (Q(concluded__isnull=False) & ~Q(result="")),
                name="review_concluded_and_result_together",
                violation_error_message="审结日期与结果必须同时填写。",
            ),
            models.CheckConstraint(
                condition=Q(concluded__isnull=True) | Q(concluded__gte=models.F("filed")),
                name="review_concluded_not_before_filed",
                violation_error_message="审结日期不能早于立案日期。",
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference or f'#{self.pk}'}"

    @property
    def result_label(self) -> str:
        return self.get_result_display() if self.result else "尚未审结"
