"""The four roles as a data table: what each may do, and over which agencies.

A scope says which agencies an action reaches, relative to the user's own agency:
``none`` · ``own`` (the agency itself) · ``subtree`` (the agency and everything below it)
· ``all`` (every agency on the platform).

- view     list and read records of the agency (cases, registers, reports)
- edit     create and change records of the agency (handle cases)
- approve  approve extensions and publication (Art. 33: the disclosure office's head)
- manage   change the agency's own details (disclosure office contacts)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    NONE = "none"
    OWN = "own"
    SUBTREE = "subtree"
    ALL = "all"


ACTIONS = ("view", "edit", "approve", "manage")


@dataclass(frozen=True)
class Role:
    key: str
    label: str
    description: str
    view: Scope
    edit: Scope
    approve: Scope
    manage: Scope
    needs_agency: bool = True

    def scope(self, action: str) -> Scope:
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r} (known: {', '.join(ACTIONS)})")
        scope: Scope = getattr(self, action)
        return scope


ROLES: dict[str, Role] = {
    role.key: role
    for role in (
        Role(
            "handler",
            "经办人",
            "办理本机关的政府信息公开案件",
            view=Scope.OWN,
            edit=Scope.OWN,
            approve=Scope.NONE,
            manage=Scope.NONE,
        ),
        Role(
            "head",
            "负责人",
            "审批本机关的延期答复和公开发布，维护本机关信息",
            view=Scope.OWN,
            edit=Scope.OWN,
            approve=Scope.OWN,
            manage=Scope.OWN,
        ),
        Role(
            "supervisor",
            "主管",
            "查看本机关及全部下级机关，不能修改其他机关的案件",
            view=Scope.SUBTREE,
            edit=Scope.OWN,
            approve=Scope.NONE,
            manage=Scope.NONE,
        ),
        Role(
            "admin",
            "系统管理员",
            "维护机关、用户和工作日历",
            view=Scope.ALL,
            edit=Scope.ALL,
            approve=Scope.NONE,  # approval is a legal act of the agency's head, not of IT staff
            manage=Scope.ALL,
            needs_agency=False,
        ),
    )
}
ROLE_CHOICES = [(role.key, role.label) for role in ROLES.values()]
