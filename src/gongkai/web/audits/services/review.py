"""Reviewers' decisions on findings, kept by fingerprint so they survive re-runs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

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
    disposition, _ = Disposition.objects.update_or_create(
        project=finding.project,
        fingerprint=finding.fingerprint,
        defaults={"verdict": verdict, "comment": comment.strip(), "decided_by": by},
    )
    return disposition
