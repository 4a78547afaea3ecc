"""The only code that writes the search index.

The publishing services call ``index`` whenever an object is published, changed or
withdrawn (inside their transaction, so the index never shows what was rolled back);
``rebuild`` re-reads everything published (management command ``search_rebuild`` and the
nightly task), e.g. after an import that bypassed the services.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.text.search import document_tokens, token_string
from gongkai.web.search.models import SearchEntry
from gongkai.web.search.sources import EXCERPT_CHARS, SOURCES, Fields, Source, published_objects


def _entry(source: Source, obj: Any, fields: Fields) -> SearchEntry:
    return SearchEntry(
        source=source.key,
        object_id=source.object_id(obj),
        kind=fields.kind,
        category=fields.category,
        agency_id=fields.agency_id,
        title=fields.title[:300],
        number=fields.number[:80],
        excerpt=fields.text[:EXCERPT_CHARS],
        status=fields.status[:40],
        year=fields.year,
        date=fields.date,
        url=fields.url[:500],
        tokens=token_string(document_tokens(fields.title, fields.text, fields.also)),
        title_tokens=token_string(document_tokens(fields.title)),
    )


_UPDATED = [
    f.name for f in SearchEntry._meta.concrete_fields if f.name not in ("id", "source", "object_id")
]


@transaction.atomic
def index(source_key: str, obj: Any) -> SearchEntry | None:
    """Bring the entry of ``obj`` up to date: written if it is public, removed if not."""
    source = SOURCES[source_key]
    fields = source.fields(obj)
    if fields is None:
        remove(source_key, source.object_id(obj))
        return None
    entry = _entry(source, obj, fields)
    existing = SearchEntry.objects.filter(source=entry.source, object_id=entry.object_id).first()
    if existing is not None:
        entry.pk = existing.pk
        entry.save(update_fields=_UPDATED)
    else:
        entry.save()
    return entry


def remove(source_key: str, object_id: int) -> None:
    SearchEntry.objects.filter(source=source_key, object_id=object_id).delete()


def index_catalogue_item(item: Any) -> SearchEntry | None:
    return index("catalogue", item)


def index_regulatory_document(doc: Any) -> SearchEntry | None:
    return index("register", doc)


def index_annual_version(version: Any) -> SearchEntry | None:
    return index("annual", version)


@transaction.atomic
def rebuild(batch: int = 2000) -> dict[str, int]:
    """Replace the whole index by what is published now; the number of entries per source."""
    counts: dict[str, int] = {}
    SearchEntry.objects.all().delete()
    for key, source in SOURCES.items():
        pending: list[SearchEntry] = []
        counts[key] = 0
        for obj in published_objects(source, batch):
            fields = source.fields(obj)
            if fields is None:
                continue
            pending.append(_entry(source, obj, fields))
            if len(pending) >= batch:
                counts[key] += len(SearchEntry.objects.bulk_create(pending))
                pending = []
        counts[key] += len(SearchEntry.objects.bulk_create(pending))
    return counts
