"""What content review knows about each kind of publishable object (data, not branches):
its model, its reviewed content, who may decide on findings and who may override the gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Model
from django.urls import reverse

from gongkai.review import ReviewFinding, review_report, review_text
from gongkai.web.accounts import permissions
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.annual.workflow import ACTORS
from gongkai.web.catalogue.models import DisclosureItem

# Catalogue fields reviewed, with the label a finding's location shows.
CATALOGUE_FIELDS = (
    ("title", "标题"),
    ("issuing_body", "发文机关"),
    ("document_number", "文号"),
    ("summary", "内容概述"),
)


def _catalogue_findings(item: Any) -> list[ReviewFinding]:
    return [
        replace(f, section=label)
        for field, label in CATALOGUE_FIELDS
        for f in review_text(getattr(item, field) or "")
    ]


def _catalogue_content(item: Any) -> str:
    return "\n".join(getattr(item, field) or "" for field, _ in CATALOGUE_FIELDS)


# Publication metadata the annual services write on publishing, not reviewed content: a
# report just published is the content its review saw.
_ANNUAL_NOT_CONTENT = ("published", "correction")


def _annual_content(draft: Any) -> str:
    """The whole report: texts and tables (R4 compares them)."""
    data = {k: v for k, v in draft.data.items() if k not in _ANNUAL_NOT_CONTENT}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


@dataclass(frozen=True)
class Subject:
    key: str
    model: type[Model]
    findings: Callable[[Any], list[ReviewFinding]]
    content: Callable[[Any], str]  # what the hash covers: a new run when it changes
    may_decide: Callable[[Any, Any], bool]
    may_override: Callable[[Any, Any], bool]
    url_name: str

    def url(self, object_id: int) -> str:
        return reverse(self.url_name, args=[object_id])


SUBJECTS: dict[str, Subject] = {
    s.key: s
    for s in (
        Subject(
            "catalogue",
            DisclosureItem,
            _catalogue_findings,
            _catalogue_content,
            lambda user, item: permissions.can_edit(user, item.agency),
            lambda user, item: permissions.can_approve(user, item.agency),
            "catalogue:detail",
        ),
        Subject(
            "annual",
            AnnualReportDraft,
            lambda draft: review_report(draft.report()),
            _annual_content,
            ACTORS["staff"][1],
            ACTORS["head"][1],
            "annual:detail",
        ),
    )
}
