"""The only code that writes content reviews: run, decide on a finding, override the gate.

A run is kept per content: reviewing unchanged content returns the last run, changed content
gets a new run, which inherits the decisions taken on the same wording at the same place.
Personal data is stored masked. Publishing is refused while an error-level finding is not
found "not a problem", unless the 负责人 overrides with a reason. Every step is an event of
the audit trail.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.review.personal_data import mask
from gongkai.web.contentreview.models import ContentFinding, ReviewEvent, ReviewRun
from gongkai.web.contentreview.subjects import SUBJECTS

_FIELD_LIMITS = {"matched": 200, "suggestion": 200, "message": 300, "basis": 400}


def _user(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def latest_run(subject: str, object_id: int) -> ReviewRun | None:
    return ReviewRun.objects.filter(subject=subject, object_id=object_id).order_by("-pk").first()


def content_hash(subject: str, obj: Any) -> str:
    """What a run is of: the digest of the object's reviewed content."""
    return hashlib.sha256(SUBJECTS[subject].content(obj).encode("utf-8")).hexdigest()


def current_run(subject: str, obj: Any) -> ReviewRun | None:
    """The last run if it reviewed the content as it is now; after an edit or a correction
    the old run (its findings, decisions and override) no longer says anything."""
    run = latest_run(subject, obj.pk)
    return run if run is not None and run.content_hash == content_hash(subject, obj) else None


@transaction.atomic
def review(subject: str, obj: Any, *, by: Any) -> ReviewRun:
    """The review of ``obj``'s current content (a new run only when the content changed)."""
    kind = SUBJECTS[subject]
    digest = content_hash(subject, obj)
    last = latest_run(subject, obj.pk)
    if last is not None and last.content_hash == digest:
        return last
    run = ReviewRun.objects.create(
        subject=subject,
        object_id=obj.pk,
        agency=obj.agency,
        content_hash=digest,
        reviewed_by=_user(by),
    )
    decided = {f.same_place: f for f in last.findings.exclude(disposition="open")} if last else {}
    for found in kind.findings(obj):
        values = {k: str(getattr(found, k))[:n] for k, n in _FIELD_LIMITS.items()}
        if found.rule == "R2":  # the run outlives the fix: it keeps no personal data
            values["matched"] = mask(found.kind, found.matched)
        finding = ContentFinding(
            run=run,
            rule=found.rule,
            kind=found.kind,
            severity=str(found.severity),
            section=found.section or "",
            line=found.line,
            start=found.start,
            **values,
        )
        earlier = decided.get(finding.same_place)
        if earlier is not None:  # the same wording at the same place: the decision stands
            finding.disposition, finding.comment = earlier.disposition, earlier.comment
            finding.decided_by, finding.decided_at = earlier.decided_by, earlier.decided_at
        finding.save()
    ReviewEvent.objects.create(run=run, action="run", by=_user(by))
    return run


@transaction.atomic
def decide(finding: ContentFinding, *, decision: str, comment: str, by: Any) -> ContentFinding:
    """A reviewer confirms a finding (it must be fixed) or finds it is not a problem."""
    run = finding.run
    target = SUBJECTS[run.subject].model._default_manager.get(pk=run.object_id)
    if not SUBJECTS[run.subject].may_decide(by, target):
        raise PermissionDenied("您无权处理该内容审查结果。")
    if decision not in ("confirmed", "dismissed"):
        raise ValidationError("未知的处理结果。")
    comment = comment.strip()
    if decision == "dismissed" and not comment:
        raise ValidationError("认定“不是问题”须说明理由。")
    finding.disposition, finding.comment = decision, comment
    finding.decided_by, finding.decided_at = by, timezone.now()
    finding.save(update_fields=["disposition", "comment", "decided_by", "decided_at"])
    ReviewEvent.objects.create(run=run, finding=finding, action=decision, by=by, comment=comment)
    return finding


@transaction.atomic
def override(run: ReviewRun, *, reason: str, by: Any) -> ReviewRun:
    """The 负责人 allows publishing despite open errors, with a reason (this content only)."""
    target = SUBJECTS[run.subject].model._default_manager.get(pk=run.object_id)
    if not SUBJECTS[run.subject].may_override(by, target):
        raise PermissionDenied("只有本机关负责人可以同意发布。")
    reason = reason.strip()
    if not reason:
        raise ValidationError("同意发布须说明理由。")
    run.override_by, run.override_at, run.override_reason = by, timezone.now(), reason
    run.save(update_fields=["override_by", "override_at", "override_reason"])
    ReviewEvent.objects.create(run=run, action="override", by=by, comment=reason)
    return run


def blocking(run: ReviewRun) -> list[ContentFinding]:
    """The findings that stop publication now (none once the 负责人 has overridden)."""
    if run.override_at is not None:
        return []
    return [f for f in run.findings.all() if f.blocks]


def require_clear(subject: str, obj: Any, *, by: Any) -> ReviewRun:
    """Review ``obj`` and refuse (ValidationError) while errors block its publication.

    Call it outside the publishing transaction: the run and the refusal stay recorded.
    """
    run = review(subject, obj, by=by)
    errors = blocking(run)
    if errors:
        ReviewEvent.objects.create(run=run, action="blocked", by=_user(by))
        first = errors[0]
        raise ValidationError(
            f"内容审查发现 {len(errors)} 个错误级问题（{first.rule} {first.kind}：{first.matched}），"
            "请修改，或认定不是问题，或由本机关负责人说明理由后同意发布。"
        )
    return run
