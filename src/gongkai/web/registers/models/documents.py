"""The register of 规章 and 行政规范性文件: issued, amended, repealed or expired."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from gongkai.statistics import DocumentRecord
from gongkai.web.core.models import RegisterEntry

# The table-2 row keys are the kinds (spec §2), so records feed the statistics unchanged.
DOCUMENT_KIND_CHOICES = [("regulations", "规章"), ("normative_documents", "行政规范性文件")]
END_REASON_CHOICES = [("repealed", "废止"), ("expired", "失效")]


class RegulatoryDocumentQuerySet(models.QuerySet["RegulatoryDocument"]):
    def in_force_on(self, day: dt.date) -> RegulatoryDocumentQuerySet:
        """Issued by ``day`` and not yet repealed or expired on it (``DocumentRecord.in_force``)."""
        return self.filter(issued__lte=day).filter(Q(ended__isnull=True) | Q(ended__gt=day))


class RegulatoryDocument(RegisterEntry):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="制定机关", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=24, choices=DOCUMENT_KIND_CHOICES)
    title = models.CharField("名称", max_length=300)
    document_number = models.CharField("文号", max_length=80, blank=True)
    issued = models.DateField("印发日期")
    published = models.DateField("公开日期", null=True, blank=True)
    effective = models.DateField("施行日期", null=True, blank=True)
    last_amended = models.DateField("最近修订日期", null=True, blank=True)
    amendment_note = models.CharField("修订说明", max_length=300, blank=True)
    ended = models.DateField("废止或失效日期", null=True, blank=True)
    end_reason = models.CharField(
        "废止或失效", max_length=12, choices=END_REASON_CHOICES, blank=True
    )
    end_basis = models.CharField("废止或失效依据", max_length=300, blank=True)

    objects = RegulatoryDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "规章和规范性文件"
        verbose_name_plural = "规章和规范性文件"
        ordering = ("-issued", "-pk")
        indexes = (
            models.Index(fields=["agency", "kind", "issued"], name="regdoc_agency_kind_idx"),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(ended__isnull=True, end_reason="")
                | (Q(ended__isnull=False) & ~Q(end_reason="")),
                name="regdoc_end_date_and_reason_together",
                violation_error_message="废止或失效日期与原因必须同时填写。",
            ),
            models.CheckConstraint(
                condition=Q(ended__isnull=True) | Q(ended__gte=models.F("issued")),
                name="regdoc_end_not_before_issue",
                violation_error_message="废止或失效日期不能早于印发日期。",
            ),
        )

    def __str__(self) -> str:
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"{self.title}{number}"

    @property
    def status_label(self) -> str:
        if self.ended is None:
            return "现行有效"
        return self.get_end_reason_display()

    def in_force(self, day: dt.date) -> bool:
        return self.record().in_force(day)

    def record(self) -> DocumentRecord:
        """The record the annual-report statistics count (table 2)."""
        return DocumentRecord(
            id=str(self.pk),
            kind=self.kind,
            issued=self.issued,
            published=self.published,
            repealed=self.ended,
        )
