"""The report workflow as data: states, transitions, and who may perform each.

draft → (负责人 approves) → approved → (submitted to the supervising agency) → submitted
→ accepted | returned (with comments) … accepted → published (a fixed, numbered version);
a correction of a published report starts a new draft whose publication is the next version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gongkai.web.accounts import permissions

STATES: dict[str, str] = {
    "draft": "起草中",
    "approved": "负责人已审批",
    "submitted": "已报送上级",
    "returned": "已退回修改",
    "accepted": "上级已审核通过",
    "published": "已公开",
}
EDITABLE_STATES = frozenset({"draft", "returned"})


def _is_head(user: Any, draft: Any) -> bool:
    """The head of the report's agency; a region report is the supervising office's own."""
    if permissions.can_approve(user, draft.agency):
        return True
    role = permissions.role_of(user)
    return bool(
        draft.scope == "region"
        and role is not None
        and role.key == "supervisor"
        and user.agency_id == draft.agency_id
    )


def _is_staff(user: Any, draft: Any) -> bool:
    return permissions.can_edit(user, draft.agency) or _is_head(user, draft)


def _is_supervisor_above(user: Any, draft: Any) -> bool:
    """A supervisor of an agency above the report's agency (the root: of the agency itself)."""
    role = permissions.role_of(user)
    if role is None or role.key != "supervisor" or user.agency is None:
        return False
    agency = draft.agency
    if agency.parent_id is None:
        return bool(user.agency_id == agency.pk and draft.scope != "region")
    return bool(agency.pk != user.agency_id and agency.is_in_subtree_of(user.agency))


ACTORS: dict[str, tuple[str, Callable[[Any, Any], bool]]] = {
    "head": ("本机关负责人", _is_head),
    "staff": ("本机关工作人员", _is_staff),
    "supervisor": ("上级主管部门", _is_supervisor_above),
}


@dataclass(frozen=True)
class Transition:
    key: str
    label: str
    sources: frozenset[str]
    target: str
    actor: str  # key of ACTORS
    needs_comment: bool = False
    style: str = ""  # button style in the page


TRANSITIONS: dict[str, Transition] = {
    t.key: t
    for t in (
        Transition("approve", "负责人审批", frozenset({"draft", "returned"}), "approved", "head"),
        Transition(
            "withdraw", "撤回修改", frozenset({"approved"}), "draft", "head", style="secondary"
        ),
        Transition("submit", "报送上级", frozenset({"approved"}), "submitted", "staff"),
        Transition("accept", "审核通过", frozenset({"submitted"}), "accepted", "supervisor"),
        Transition(
            "return",
            "退回修改",
            frozenset({"submitted"}),
            "returned",
            "supervisor",
            True,
            "secondary",
        ),
        Transition("publish", "公开发布", frozenset({"accepted"}), "published", "head"),
        Transition(
            "correct",
            "更正（形成新版本）",
            frozenset({"published"}),
            "draft",
            "head",
            True,
            "secondary",
        ),
    )
}


def may(user: Any, transition: Transition, draft: Any) -> bool:
    return draft.state in transition.sources and ACTORS[transition.actor][1](user, draft)


def available(user: Any, draft: Any) -> list[Transition]:
    """The transitions ``user`` may perform on ``draft`` now, in table order."""
    return [t for t in TRANSITIONS.values() if may(user, t, draft)]
