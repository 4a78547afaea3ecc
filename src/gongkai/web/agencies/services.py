"""The only code that writes agencies: creation, contact updates, moves in the tree."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.models.agency import MAX_DEPTH, path_segment

CONTACT_FIELDS = (
    "office_name",
    "office_address",
    "office_postcode",
    "office_phone",
    "office_email",
    "office_hours",
    "website",
)


def create_agency(*, name: str, kind: str, parent: Agency | None = None, **fields: Any) -> Agency:
    return add_agency(Agency(name=name, kind=kind, parent=parent, **fields))


@transaction.atomic
def add_agency(agency: Agency) -> Agency:
    """Insert a new (unsaved) agency under its parent, setting its level and tree path."""
    if agency.kind not in AGENCY_KINDS:
        raise ValidationError({"kind": f"未知的机关类型：{agency.kind}"})
    parent = agency.parent
    agency.level = parent.level + 1 if parent else 0
    if agency.level >= MAX_DEPTH:
        raise ValidationError(f"机关层级不能超过 {MAX_DEPTH} 层")
    agency.path = f"pending-{uuid.uuid4().hex}"
    agency.full_clean(exclude=["path"])
    agency.save()
    # The path needs the new primary key, so it is written right after the insert.
    agency.path = (parent.path if parent else "") + path_segment(agency.pk)
    Agency.objects.filter(pk=agency.pk).update(path=agency.path)
    return agency


@transaction.atomic
def update_contact(agency: Agency, *, by: Any, **changes: str) -> Agency:
    """Change the disclosure office's contact details (heads of the agency, administrators)."""
    if not permissions.can_manage(by, agency):
        raise PermissionDenied("无权修改该机关的信息")
    unknown = set(changes) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"not contact fields: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(agency, field, value)
    agency.full_clean()
    agency.save(update_fields=[*changes, "updated_at"])
    return agency


@transaction.atomic
def move_agency(agency: Agency, new_parent: Agency | None) -> Agency:
    """Re-attach an agency (with its whole subtree) under another parent: one UPDATE."""
    if new_parent is not None and new_parent.is_in_subtree_of(agency):
        raise ValidationError("不能把机关移到它自己的下级机关之下")
    old_path, old_level = agency.path, agency.level
    new_path = (new_parent.path if new_parent else "") + path_segment(agency.pk)
    delta = (new_parent.level + 1 if new_parent else 0) - old_level
    deepest = Agency.objects.subtree(agency).order_by("-level").values_list("level", flat=True)
    if deepest and deepest[0] + delta >= MAX_DEPTH:
        raise ValidationError(f"机关层级不能超过 {MAX_DEPTH} 层")
    Agency.objects.subtree(agency).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        level=F("level") + delta,
    )
    Agency.objects.filter(pk=agency.pk).update(parent=new_parent)
    agency.refresh_from_db()
    return agency
