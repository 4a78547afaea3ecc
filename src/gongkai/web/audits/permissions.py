"""Who sees and works on an audit project.

A project is visible to its agency's staff (and, through the role table, supervisors of
an ancestor agency and admins) and to its members; it is changed by those who may edit
the agency's records and by members. Out of view is 404, as everywhere on the platform.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from gongkai.web.accounts import permissions
from gongkai.web.accounts.permissions import OutOfScope
from gongkai.web.audits.models import AuditProject


def visible_projects(user: Any) -> QuerySet[AuditProject]:
    if permissions.role_of(user) is None:
        return AuditProject.objects.none()
    return AuditProject.objects.filter(
        permissions.agency_q(user, "view", "agency__") | Q(members=user)
    ).distinct()


def can_work_on(user: Any, project: AuditProject) -> bool:
    return permissions.can_edit(user, project.agency) or project.members.filter(pk=user.pk).exists()


def project_for(user: Any, pk: int, *, work: bool = False) -> AuditProject:
    """The project if ``user`` may see it (else 404) and, with ``work``, change it (else 403)."""
    project = visible_projects(user).select_related("agency").filter(pk=pk).first()
    if project is None:
        raise OutOfScope("未找到该项目，或您无权访问。")
    if work and not can_work_on(user, project):
        raise PermissionDenied("您无权修改该项目。")
    return project
