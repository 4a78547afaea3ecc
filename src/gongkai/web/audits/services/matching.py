"""Which agency of the tree a report belongs to: its printed name within the project's tree."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from gongkai.text import label_key
from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import AuditProject, AuditReport
from gongkai.web.audits.permissions import can_work_on


def candidates(project: AuditProject) -> list[Agency]:
    """The agencies a report of the project may belong to: the project's agency's subtree."""
    return list(Agency.objects.subtree(project.agency))


def match_agency(
    project: AuditProject,
    name: str | None,
    year: int | None,
    agencies: list[Agency] | None = None,
) -> Agency | None:
    """The agency under the project's agency whose (short) name is the report's, when the
    report is of one of the project's years; None when there is no single such agency."""
    if not name or (project.years and year not in project.years):
        return None
    key = label_key(name)
    found = [
        agency
        for agency in (candidates(project) if agencies is None else agencies)
        if key in (label_key(agency.name), label_key(agency.short_name or agency.name))
    ]
    return found[0] if len(found) == 1 else None


def set_match(report: AuditReport, agency: Agency | None, *, by: Any) -> None:
    """A reviewer's override (None: back to automatic matching)."""
    project = report.document.project
    if not can_work_on(by, project):
        raise PermissionDenied("您无权修改该项目。")
    if agency is not None and not agency.is_in_subtree_of(project.agency):
        raise PermissionDenied("只能指定本项目所属机关及其下级机关。")
    if agency is None:
        report.matched_agency = match_agency(project, report.agency_name, report.year)
    else:
        report.matched_agency = agency
    report.match_manual = agency is not None
    report.save(update_fields=["matched_agency", "match_manual"])
