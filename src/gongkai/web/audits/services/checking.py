"""Check a project's reports (pairing consecutive years as the CLI audit does) and keep its
findings by fingerprint: found again → current, not found → resolved, new → added."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.extract.audit import AuditEntry, pair_and_check
from gongkai.report import AnnualReport
from gongkai.report.canonical import loads
from gongkai.rules import DEFAULT_SETTINGS, Finding
from gongkai.rules.fingerprint import fingerprint
from gongkai.rules.location import describe
from gongkai.rules.pointer import is_extraction_doubt, locate
from gongkai.web.audits.models import AuditFinding, AuditProject, AuditReport

_FIELDS = ("report", "agency_name", "year", "rule", "severity", "finding_class", "location",
           "message", "expected", "actual", "pointer")  # fmt: skip
# the same as stored columns (``report_id``): comparing them loads no related row
_COLUMNS = tuple("report_id" if name == "report" else name for name in _FIELDS)


@dataclass(frozen=True)
class CheckRun:
    reports: int
    current: int
    new: int
    resolved: int


def _json_safe(pointer: dict[str, Any] | None) -> dict[str, Any] | None:
    """Stored reports read back with Decimal numbers (boxes); JSON columns want floats."""
    return None if pointer is None else json.loads(json.dumps(pointer, default=float))


def _text(value: Any) -> str:
    return "" if value is None else str(value)[:200]


def _row(
    project: AuditProject, stored: AuditReport, report: AnnualReport, f: Finding
) -> AuditFinding:
    return AuditFinding(
        project=project, fingerprint=fingerprint(f, report.agency, report.year), report=stored,
        agency_name=(report.agency or "")[:200], year=report.year, rule=f.rule,
        severity=str(f.severity),
        finding_class="extraction" if is_extraction_doubt(f, report) else "report",
        location=describe(f, report.fmt)[:300], message=f.message, expected=_text(f.expected),
        actual=_text(f.actual), pointer=_json_safe(locate(f, report)),
    )  # fmt: skip


def pending(project: AuditProject) -> bool:
    return project.documents.filter(state="queued").exists()


@transaction.atomic
def check_project(project: AuditProject) -> CheckRun:
    stored = {str(r.pk): r for r in AuditReport.objects.filter(document__project=project)}
    entries = [AuditEntry(pk, "ok", None, loads(r.report_json), r.kind) for pk, r in stored.items()]
    pair_and_check(entries, DEFAULT_SETTINGS)  # the CLI audit's pairing, duplicates and guards
    found: dict[str, AuditFinding] = {}
    moved: list[AuditReport] = []
    for entry in entries:
        if entry.report is None:
            continue  # a rule failed on this report: the audit records it as internal
        report_row = stored[entry.source]
        previous = stored[entry.previous] if entry.previous else None
        if report_row.previous_id != (previous.pk if previous else None):
            report_row.previous = previous
            moved.append(report_row)
        for f in entry.findings:
            row = _row(project, report_row, entry.report, f)
            found.setdefault(row.fingerprint, row)
    AuditReport.objects.bulk_update(moved, ["previous"])
    now = timezone.now()
    existing = {f.fingerprint: f for f in project.findings.all()}
    resolved = 0
    changed: list[AuditFinding] = []
    for print_, old in existing.items():
        new = found.get(print_)
        if new is None:
            if old.resolved_at is None:
                old.resolved_at, resolved = now, resolved + 1
                changed.append(old)
            continue
        if old.resolved_at is None and all(
            getattr(old, name) == getattr(new, name) for name in _COLUMNS
        ):
            continue  # found again unchanged: no write (most findings of a re-run)
        for name in _COLUMNS:
            setattr(old, name, getattr(new, name))
        old.resolved_at = None
        changed.append(old)
    AuditFinding.objects.bulk_update(changed, [*_FIELDS, "resolved_at"], batch_size=500)
    fresh = [row for print_, row in found.items() if print_ not in existing]
    AuditFinding.objects.bulk_create(fresh)
    return CheckRun(len(stored), len(found), len(fresh), resolved)
