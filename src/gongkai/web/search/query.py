"""Finding entries: every query token present, title matches first, then the newest.

The test "token present" is the same on both databases: on PostgreSQL the stored
``search_vector`` column (migration 0002: ``to_tsvector('simple', …)``, the title's tokens
weighted A, with a GIN index); elsewhere ``LIKE '% token %'`` over the same token strings.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from gongkai.text.search import Query
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.models.agency import in_subtree_q
from gongkai.web.search.models import SearchEntry


@dataclass(frozen=True)
class Filters:
    agency: Agency | None = None
    subtree: bool = True
    year: int | None = None
    kind: str = ""
    category: str = ""


def _tsquery(tokens: tuple[str, ...], weight: str = "") -> str:
    # Tokens are only Han characters or [a-z0-9] (gongkai.text.search), safe inside quotes.
    suffix = f":{weight}" if weight else ""
    return " & ".join(f"'{t}'{suffix}" for t in tokens)


def _pg_match(query: Query, *, title_only: bool) -> RawSQL:
    return RawSQL(
        "search_searchentry.search_vector @@ to_tsquery('simple', %s)",
        (_tsquery(query.tokens, "A" if title_only else ""),),
        output_field=BooleanField(),
    )


def _filtered(entries: QuerySet[SearchEntry], filters: Filters) -> QuerySet[SearchEntry]:
    if filters.agency is not None:
        entries = entries.filter(
            in_subtree_q(filters.agency, prefix="agency__")
            if filters.subtree
            else Q(agency=filters.agency)
        )
    if filters.year is not None:
        entries = entries.filter(year=filters.year)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.category:
        entries = entries.filter(category=filters.category)
    return entries


def search(query: Query, filters: Filters | None = None) -> QuerySet[SearchEntry]:
    """The entries matching ``query`` (none for an empty query), best first."""
    if not query:
        return SearchEntry.objects.none()
    entries = _filtered(SearchEntry.objects.select_related("agency"), filters or Filters())
    if connection.vendor == "postgresql":
        entries = entries.filter(_pg_match(query, title_only=False)).alias(
            in_title=_pg_match(query, title_only=True)
        )
    else:
        title = Q()
        for token in query.tokens:
            entries = entries.filter(tokens__contains=f" {token} ")
            title &= Q(title_tokens__contains=f" {token} ")
        entries = entries.alias(in_title=Case(When(title, then=Value(True)), default=Value(False)))
    return entries.order_by("-in_title", "-date", "-pk")
