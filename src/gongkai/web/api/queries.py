"""Read side of the public API: only what the public pages already show.

Every public queryset starts here, so the rule "nothing unpublished, nothing personal" has
one place: active agencies; annual reports as published versions only (never a draft's
data); catalogue items and register documents with a publication date not after today.
The columns read are listed (``only``/``values``), so no staff-side field is ever loaded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import Http404

from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.models.agency import in_subtree_q
from gongkai.web.agencies.services import CONTACT_FIELDS
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.annual.models.report import ReportVersionQuerySet
from gongkai.web.catalogue.models import DisclosureItem
from gongkai.web.registers.models import RegulatoryDocument

QS = TypeVar("QS", bound="QuerySet[Any]")

AGENCY_FIELDS = (
    *("id", "name", "short_name", "kind", "parent_id", "path", "level"),
    *CONTACT_FIELDS,  # the office's published contacts (第二十四条), as the directory shows
    "updated_at",
)
VERSION_FIELDS = (
    "id",
    "number",
    "note",
    "published_on",
    "created_at",
    "draft_id",
    "draft__year",
    "draft__scope",
    "draft__published_version",
    "draft__agency_id",
    "draft__agency__name",
)
ITEM_FIELDS = (
    "id",
    "agency_id",
    "index_number",
    "title",
    "category",
    "column__name",
    "issuing_body",
    "document_number",
    "formed",
    "published",
    "validity",
    "summary",
    "url",
    "updated_at",
)
DOCUMENT_FIELDS = (
    "id",
    "agency_id",
    "kind",
    "title",
    "document_number",
    "issued",
    "published",
    "effective",
    "last_amended",
    "amendment_note",
    "ended",
    "end_reason",
    "updated_at",
)


def public_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True)


def agency_or_404(pk: int) -> Agency:
    found = public_agencies().filter(pk=pk).first()
    if found is None:
        raise Http404(f"未找到编号为 {pk} 的机关。")
    return found


def in_region(queryset: QS, region: int | None, prefix: str) -> QS:
    """Rows whose agency (through ``prefix``) lies in the subtree of agency ``region``."""
    if region is None:
        return queryset
    return queryset.filter(in_subtree_q(agency_or_404(region), prefix=prefix))


def published_versions() -> ReportVersionQuerySet:
    """Every published version of every active agency's report (versions are immutable)."""
    return ReportVersion.objects.filter(draft__agency__is_active=True)


def current_versions() -> QuerySet[ReportVersion]:
    """The latest published version of each report: what the report now says."""
    return published_versions().current()


def published_drafts(
    *,
    agency: int | None = None,
    region: int | None = None,
    year: int | None = None,
    scope: str | None = None,
) -> QuerySet[AnnualReportDraft]:
    """The published reports (agency × year × scope) matching the filters.

    Lists filter the reports first and then take their versions: the version table knows
    neither year nor agency, and a join ordered by version id would walk every earlier
    year's versions before reaching the year asked for."""
    drafts = AnnualReportDraft.objects.filter(agency__is_active=True, published_version__gt=0)
    drafts = in_region(drafts, region, "agency__")
    if agency is not None:
        drafts = drafts.filter(agency_id=agency)
    if year is not None:
        drafts = drafts.filter(year=year)
    if scope is not None:
        drafts = drafts.filter(scope=scope)
    return drafts.order_by()


def version_ids(drafts: QuerySet[AnnualReportDraft], *, current: bool = False) -> list[int]:
    """The ids of the drafts' published versions (only the current ones if ``current``),
    in one query without ordering (the page is chosen from the ids)."""
    rows = ReportVersion.objects.filter(draft__in=drafts.values("pk")).order_by()
    if not current:
        return list(rows.values_list("pk", flat=True))
    # the current number per report, compared here: a join on it would scan every report
    numbers = dict(drafts.values_list("pk", "published_version"))
    triples = rows.values_list("pk", "draft_id", "number")
    return [pk for pk, draft, number in triples if numbers.get(draft) == number]


def published_items(today: dt.date) -> QuerySet[DisclosureItem]:
    return DisclosureItem.objects.filter(
        agency__is_active=True, published__isnull=False, published__lte=today
    )


def documents_in_force(on: dt.date, today: dt.date) -> QuerySet[RegulatoryDocument]:
    """Published register documents in force on ``on`` (the register's own rule)."""
    return (
        RegulatoryDocument.objects.all()
        .in_force_on(on)
        .filter(agency__is_active=True, published__isnull=False, published__lte=today)
    )
