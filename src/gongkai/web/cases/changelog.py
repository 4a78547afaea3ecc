"""The registration's change log as staff read it: Chinese labels, old → new, masked.

The values come from the audit trail (``AuditEntry`` of ``edit_details`` and
``correct_details``); applicants' personal data is shown in full only to users who see it
on the case page (``queries.can_see_personal``), masked or withheld for the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist

from gongkai.web.cases.models import AuditEntry, Case, mask_id, mask_name
from gongkai.web.cases.services import AUDIT_ACTIONS

ACTION_LABELS = {"edit_details": "修改登记信息", "correct_details": "更正登记信息"}
WITHHELD = "（仅受理机关工作人员可见）"

# field → how its value is shown to users who may not see personal data
_MASKED: dict[str, Callable[[str, Case], str]] = {
    "applicant_name": lambda value, case: mask_name(value, case.applicant_type),
    "id_number": lambda value, case: mask_id(value),
    "applicant_organisation": lambda value, case: WITHHELD,
    "legal_representative": lambda value, case: WITHHELD,
    "phone": lambda value, case: WITHHELD,
    "email": lambda value, case: WITHHELD,
    "address": lambda value, case: WITHHELD,
    "postcode": lambda value, case: WITHHELD,
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    at: dt.datetime
    actor: Any
    action: str
    reason: str
    fields: tuple[FieldChange, ...]


def field_label(name: str) -> str:
    """A case field's Chinese name (its verbose name), never the identifier."""
    try:
        found = Case._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(found, "verbose_name", name))


def _shown(case: Case, name: str, value: Any, personal: bool) -> str:
    text = "" if value is None else str(value)
    if not personal and name in _MASKED:
        return _MASKED[name](text, case) if text else ""
    try:
        choices = dict(Case._meta.get_field(name).flatchoices)  # type: ignore[union-attr]
    except FieldDoesNotExist:
        choices = {}
    return str(choices.get(text, text)) if text else "（空）"


def change_log(case: Case, personal: bool) -> list[Change]:
    entries = AuditEntry.objects.filter(case=case, action__in=AUDIT_ACTIONS.values())
    changes = []
    for entry in entries.select_related("actor").order_by("at", "id"):
        data: dict[str, Any] = entry.changes
        fields = tuple(
            FieldChange(
                field_label(name),
                _shown(case, name, value.get("from"), personal) or "（空）",
                _shown(case, name, value.get("to"), personal) or "（空）",
            )
            for name, value in data.items()
            if isinstance(value, dict)
        )
        changes.append(
            Change(
                entry.at,
                entry.actor,
                ACTION_LABELS.get(entry.action, entry.action),
                str(data.get("reason", "")),
                fields,
            )
        )
    return changes


def masked_changes(entry: AuditEntry) -> str:
    """An audit entry's changes for readers who may not see personal data (IT support in
    the admin): registration fields by their Chinese names, personal values masked."""
    case = entry.case
    lines = []
    for name, value in (entry.changes or {}).items():
        if isinstance(value, dict) and case is not None:
            old = _shown(case, name, value.get("from"), personal=False) or "（空）"
            new = _shown(case, name, value.get("to"), personal=False) or "（空）"
            lines.append(f"{field_label(name)}：{old} → {new}")
        elif name == "fields" and isinstance(value, list):
            lines.append("修改项：" + "、".join(field_label(str(v)) for v in value))
        elif name in _MASKED or name == "description":
            lines.append(f"{field_label(name)}：{WITHHELD}")
        else:
            lines.append(f"{name}：{value}")
    return "；".join(lines)
