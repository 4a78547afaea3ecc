"""Reviewers' decisions on findings, kept by fingerprint so they survive re-runs; a new
decision is added to the history and becomes the current one."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.web.audits.models import VERDICT_CHOICES, AuditFinding, Disposition
from gongkai.web.audits.permissions import can_work_on

VERDICTS = dict(VERDICT_CHOICES)


def dispose(finding: AuditFinding, *, verdict: str, comment: str, by: Any) -> Disposition:
    if not can_work_on(by, finding.project):
        raise PermissionDenied("您无权审核该项目的发现。")
    if verdict not in VERDICTS:
        raise ValidationError("请选择审核结论。")
    if not comment.strip():
        raise ValidationError("请填写说明。")
    with transaction.atomic():
        # the finding's row serialises reviewers deciding at once: one current decision
        AuditFinding.objects.select_for_update().filter(pk=finding.pk).first()
        Disposition.objects.filter(
            project=finding.project, fingerprint=finding.fingerprint, current=True
        ).update(current=False)
        return Disposition.objects.create(
            project=finding.project, fingerprint=finding.fingerprint, verdict=verdict,
            comment=comment.strip(), decided_by=by, current=True,
        )  # fmt: skip


def history(finding: AuditFinding) -> list[Disposition]:
    """Every decision on the finding's fingerprint, the latest first."""
    return list(
        Disposition.objects.filter(project=finding.project, fingerprint=finding.fingerprint)
        .select_related("decided_by")
        .order_by("-decided_at", "-pk")
    )
