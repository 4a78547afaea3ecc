"""Finding entries: every query token present; title matches first, then the newest.

Two ordered queries, the title matches and then the other matches, each newest first: the
database either walks the date index (a common word soon fills a page) or reads the token
index (a rare one), never ranks every match. Counting stops at ``RESULT_CAP``.

The test "token present" is the same on both databases: on PostgreSQL the stored
``tsvector`` columns (migration 0002: ``to_tsvector('simple', …)`` with GIN indexes);
elsewhere ``LIKE '% token %'`` over the same token strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import overload

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from gongkai.text.search import Query
from gongkai.web.agencies.models import Agency
from gongkai.web.search.models import SearchEntry

RESULT_CAP = 500  # 25 pages: nobody reads further; more words or a filter narrow it down

_FIELDS = {"body": "tokens", "title": "title_tokens"}


@dataclass(frozen=True)
class Filters:
    agency: Agency | None = None
    subtree: bool = True
    year: int | None = None
    kind: str = ""
    category: str = ""


def _tsquery(tokens: tuple[str, ...]) -> str:
    # Tokens are only Han characters or [a-z0-9] (gongkai.text.search), safe inside quotes.
    return " & ".join(f"'{t}'" for t in tokens)


def _matches(query: Query, part: str) -> Q | RawSQL:
    """All of the query's tokens in the entry (``body``: title and text) or its title."""
    if connection.vendor == "postgresql":
        return RawSQL(
            f"search_searchentry.{part}_vector @@ to_tsquery('simple', %s)",
            (_tsquery(query.tokens),),
            output_field=BooleanField(),
        )
    q = Q()
    for token in query.tokens:
        q &= Q(**{f"{_FIELDS[part]}__contains": f" {token} "})
    return q


def _filtered(entries: QuerySet[SearchEntry], filters: Filters) -> QuerySet[SearchEntry]:
    if filters.agency is not None:
        if filters.subtree:
            subtree = Agency.objects.subtree(filters.agency).values("pk")
            entries = entries.filter(agency_id__in=subtree)
        else:
            entries = entries.filter(agency=filters.agency)
    if filters.year is not None:
        entries = entries.filter(year=filters.year)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.category:
        entries = entries.filter(category=filters.category)
    return entries


class Results:
    """The matches in order, for ``Paginator``: a count (up to the cap) and slices."""

    def __init__(self, query: Query, filters: Filters, cap: int | None = None) -> None:
        self.cap = cap or RESULT_CAP
        if not query:
            self._title = self._any = self._other = SearchEntry.objects.none()
            return
        base = _filtered(SearchEntry.objects.select_related("agency"), filters)
        newest = ("-date", "-pk")
        self._title = base.filter(_matches(query, "title")).order_by(*newest)
        self._any = base.filter(_matches(query, "body"))  # the title's tokens are in the body's
        self._other = self._any.exclude(_matches(query, "title")).order_by(*newest)

    @cached_property
    def _counts(self) -> tuple[int, int]:
        # Two plain index conditions (the other matches are all minus the title's), so the
        # database may count from the indexes alone.
        title = self._title.order_by()[: self.cap + 1].count()
        every = self._any.order_by()[: self.cap + 1].count() if title <= self.cap else title
        return title, max(every - title, 0)

    @property
    def more(self) -> bool:
        """More matches than are counted and shown."""
        return sum(self._counts) > self.cap

    def count(self) -> int:
        return min(sum(self._counts), self.cap)

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[SearchEntry]:
        return iter(self[0 : self.cap])

    @overload
    def __getitem__(self, part: int) -> SearchEntry: ...
    @overload
    def __getitem__(self, part: slice) -> list[SearchEntry]: ...
    def __getitem__(self, part: int | slice) -> SearchEntry | list[SearchEntry]:
        if isinstance(part, int):
            found = self[part : part + 1]
            if not found:
                raise IndexError(part)
            return found[0]
        start, stop = part.start or 0, min(part.stop or self.cap, self.cap)
        in_title = self._counts[0]
        found = list(self._title[start : min(stop, in_title)]) if start < in_title else []
        if stop > in_title:
            found += list(self._other[max(0, start - in_title) : stop - in_title])
        return found


def search(query: Query, filters: Filters | None = None) -> Results:
    """The entries matching ``query`` (none for an empty query), best first."""
    return Results(query, filters or Filters())
