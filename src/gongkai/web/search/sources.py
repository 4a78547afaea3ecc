"""What each kind of published object shows in the search index, and when it is published.

One function per source turns an object into the entry's fields (``None``: not public, so not
in the index); the services and the rebuild both go through them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from gongkai.web.annual.models import ReportVersion
from gongkai.web.catalogue.models import DisclosureItem
from gongkai.web.registers.models import RegulatoryDocument

EXCERPT_CHARS = 20_000  # snippets are cut from this; the tokens cover the whole text


@dataclass(frozen=True)
class Fields:
    kind: str
    agency_id: int
    title: str
    text: str  # searched besides the title; its head is kept as the excerpt
    year: int
    date: Any  # dt.date
    number: str = ""
    category: str = ""
    status: str = ""
    url: str = ""
    also: str = ""  # searched but not shown (issuing body, numbers)


def catalogue_fields(item: DisclosureItem) -> Fields | None:
    if item.published is None:
        return None
    return Fields(
        kind="catalogue",
        agency_id=item.agency_id,
        title=item.title,
        text=item.summary,
        also=" ".join((item.issuing_body, item.document_number, item.index_number)),
        year=item.published.year,
        date=item.published,
        number=item.document_number,
        category=item.category,
        status=item.get_validity_display(),
        url=item.url or reverse("catalogue:public", args=[item.agency_id]),
    )


def register_fields(doc: RegulatoryDocument) -> Fields | None:
    if doc.published is None:
        return None
    text = [doc.amendment_note, doc.end_basis]
    return Fields(
        kind=doc.kind,
        agency_id=doc.agency_id,
        title=doc.title,
        text="\n".join(t for t in text if t),
        year=doc.issued.year,
        date=doc.published,
        number=doc.document_number,
        status=doc.status_label,
        also=f"{doc.get_kind_display()} {doc.document_number}",
    )


def annual_fields(version: ReportVersion) -> Fields:
    """A report's latest published version (a correction replaces the earlier one here)."""
    draft = version.draft
    report = version.report()
    title = report.title or f"{draft.agency.name}{draft.year}年政府信息公开工作年度报告"
    sections = report.sections or {}
    return Fields(
        kind="annual",
        agency_id=draft.agency_id,
        title=title,
        text="\n".join(sections[key] for key in sorted(sections) if sections[key]),
        year=draft.year,
        date=version.published_on,
        status=f"第{version.number}版" if version.number > 1 else "",
        url=reverse("annual:public_download", args=[version.pk, "html"]),
    )


@dataclass(frozen=True)
class Source:
    key: str
    published: Callable[[], QuerySet[Any]]  # every object that may be in the index
    fields: Callable[[Any], Fields | None]
    object_id: Callable[[Any], int]


def _latest_versions() -> QuerySet[ReportVersion]:
    # One row per report: its highest version (versions are never changed or deleted).
    return ReportVersion.objects.current().select_related("draft__agency").order_by("pk")


SOURCES: dict[str, Source] = {
    "catalogue": Source(
        "catalogue",
        lambda: DisclosureItem.objects.filter(published__isnull=False).order_by("pk"),
        catalogue_fields,
        lambda item: item.pk,
    ),
    "register": Source(
        "register",
        lambda: RegulatoryDocument.objects.filter(published__isnull=False).order_by("pk"),
        register_fields,
        lambda doc: doc.pk,
    ),
    "annual": Source(
        "annual",
        _latest_versions,
        annual_fields,
        lambda version: version.draft_id,
    ),
}


def published_objects(source: Source, batch: int = 2000) -> Iterator[Any]:
    """Every object of a source, read in batches of ``batch`` rows."""
    yield from source.published().iterator(chunk_size=batch)
