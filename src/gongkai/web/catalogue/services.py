"""The only code that writes the catalogue: register, secrecy review, publish, validity.

Art. 26: an item is published within 20 working days of being formed or changed; the due
date comes from the official working-day calendar (``gongkai.calendar``), never re-counted
here. Publishing requires the secrecy review (保密审查) sign-off of the agency's head and
a content review (内容审查) without open errors, or the head's override.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.calendar import WorkCalendar
from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.catalogue.categories import PUBLICATION_WORKDAYS
from gongkai.web.catalogue.models import CatalogueColumn, DisclosureItem
from gongkai.web.contentreview import services as content_review
from gongkai.web.search import services as search_index
from gongkai.web.workcalendar.services import work_calendar

_GIVEN = ("agency", "column", "created_by", "secrecy_reviewed_by")


def publication_due(formed: dt.date, calendar: WorkCalendar | None = None) -> tuple[dt.date, bool]:
    """The Art. 26 limit for an item formed or changed on ``formed``, and whether it is
    provisional (the year's holiday notice is not loaded yet)."""
    calendar = calendar or work_calendar()
    due = calendar.add_workdays(formed, PUBLICATION_WORKDAYS)
    return due, calendar.provisional_between(formed, due)


def _require(action: str, by: Any, agency: Agency) -> None:
    if not permissions.can(by, action, agency):
        raise PermissionDenied(
            "只有本机关负责人可以进行保密审查。"
            if action == "approve"
            else "您无权修改该机关的公开目录。"
        )


def next_index_number(agency: Agency, year: int) -> str:
    """索引号: the agency's credit code (or its id), the year and a running number."""
    prefix = f"{agency.credit_code or f'GK{agency.pk:07d}'}/{year}-"
    taken = DisclosureItem.objects.filter(agency=agency, index_number__startswith=prefix)
    numbers = [
        int(n[len(prefix) :])
        for n in taken.values_list("index_number", flat=True)
        if n[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:05d}"


@transaction.atomic
def create_column(
    *, agency: Agency, name: str, category: str, by: Any, order: int = 0
) -> CatalogueColumn:
    _require("edit", by, agency)
    column = CatalogueColumn(agency=agency, name=name.strip(), category=category, order=order)
    column.full_clean()
    column.save()
    return column


@transaction.atomic
def register_item(
    *,
    agency: Agency,
    title: str,
    category: str,
    issuing_body: str,
    formed: dt.date,
    by: Any,
    document_number: str = "",
    column: CatalogueColumn | None = None,
    summary: str = "",
    url: str = "",
    index_number: str = "",
) -> DisclosureItem:
    _require("edit", by, agency)
    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # serialise numbering
    if column is not None and column.agency_id != agency.pk:
        raise ValidationError("栏目不属于该机关。")
    due, provisional = publication_due(formed)
    item = DisclosureItem(
        agency=agency,
        index_number=index_number.strip() or next_index_number(agency, formed.year),
        title=title.strip(),
        category=category,
        column=column,
        issuing_body=issuing_body.strip(),
        document_number=document_number.strip(),
        formed=formed,
        due=due,
        due_provisional=provisional,
        summary=summary,
        url=url,
        created_by=by if getattr(by, "pk", None) else None,
    )
    item.full_clean(exclude=_GIVEN)  # the objects passed in exist
    item.save()
    return item


@transaction.atomic
def record_change(item: DisclosureItem, *, changed: dt.date, by: Any) -> DisclosureItem:
    """The information changed: a new 20-working-day limit runs from the change (Art. 26)."""
    _require("edit", by, item.agency)
    if changed < item.formed:
        raise ValidationError("变更日期不能早于形成日期。")
    item.formed = changed
    item.due, item.due_provisional = publication_due(changed)
    item.published = None
    item.secrecy_reviewed_by, item.secrecy_reviewed_at, item.secrecy_note = None, None, ""
    item.save()
    search_index.index_catalogue_item(item)  # withdrawn until published again
    return item


@transaction.atomic
def approve_secrecy_review(item: DisclosureItem, *, by: Any, note: str = "") -> DisclosureItem:
    """The head of the agency signs off that the item contains nothing secret (保密审查)."""
    _require("approve", by, item.agency)
    if item.published is not None:
        raise ValidationError("该信息已公开。")
    item.secrecy_reviewed_by, item.secrecy_reviewed_at = by, timezone.now()
    item.secrecy_note = note.strip()
    item.save(
        update_fields=["secrecy_reviewed_by", "secrecy_reviewed_at", "secrecy_note", "updated_at"]
    )
    return item


def publish_item(item: DisclosureItem, *, on: dt.date, by: Any, url: str = "") -> DisclosureItem:
    _require("edit", by, item.agency)
    if item.secrecy_reviewed_at is None:
        raise ValidationError("公开前须经本机关负责人保密审查。")
    # Content review first, outside the publishing transaction: a refusal stays recorded.
    content_review.require_clear("catalogue", item, by=by)
    return _publish_item(item, on=on, by=by, url=url)


@transaction.atomic
def _publish_item(item: DisclosureItem, *, on: dt.date, by: Any, url: str) -> DisclosureItem:
    if item.secrecy_reviewed_at is None:
        raise ValidationError("公开前须经本机关负责人保密审查。")
    if item.published is not None:
        raise ValidationError(f"该信息已于 {item.published} 公开。")
    if on < item.formed:
        raise ValidationError("公开日期不能早于形成日期。")
    item.published = on
    if url:
        item.url = url
    item.full_clean(exclude=_GIVEN)
    item.save(update_fields=["published", "url", "updated_at"])
    search_index.index_catalogue_item(item)
    return item


@transaction.atomic
def set_validity(item: DisclosureItem, *, validity: str, by: Any) -> DisclosureItem:
    _require("edit", by, item.agency)
    item.validity = validity
    item.full_clean(exclude=_GIVEN)
    item.save(update_fields=["validity", "updated_at"])
    search_index.index_catalogue_item(item)
    return item
