"""Keyset pagination on the primary key with opaque, signed cursors.

A cursor names the last id of the page before, so a page never shifts when rows are added
or removed elsewhere (unlike offsets). It is signed: a client cannot forge one, and a
damaged cursor is refused with a clear message instead of silently starting over.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core import signing
from django.db.models import Model, QuerySet

_SIGNER = signing.Signer(salt="gongkai.api.cursor")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500

M = TypeVar("M", bound=Model)


class BadCursor(ValueError):
    """The cursor was not issued by this API (or was changed)."""


def encode(last_id: int) -> str:
    signed = _SIGNER.sign(str(last_id))
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def decode(cursor: str) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = _SIGNER.unsign(base64.urlsafe_b64decode(padded.encode()).decode())
        return int(value)
    except (ValueError, signing.BadSignature, UnicodeDecodeError) as exc:
        raise BadCursor("分页游标 cursor 无效：请使用上一页响应中 next_cursor 的原值。") from exc


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    next_cursor: str | None


def page_of_ids(ids: Iterable[int], cursor: str | None, limit: int) -> tuple[list[int], str | None]:
    """One page of a list of ids already found (ascending), and the next page's cursor.

    For lists whose filter the database answers best without the ordering (an ``IN`` over
    thousands of ids ordered by the primary key makes PostgreSQL walk the whole key index)."""
    after = decode(cursor) if cursor else 0
    chosen = sorted(i for i in ids if i > after)[: limit + 1]
    if len(chosen) <= limit:
        return chosen, None
    return chosen[:limit], encode(chosen[limit - 1])


def page_by_ids(
    queryset: QuerySet[Any], ids: Iterable[int], cursor: str | None, limit: int, key: str = "pk"
) -> Page:
    """:func:`page` for rows whose ``key`` values were found first (see :func:`page_of_ids`)."""
    chosen, next_cursor = page_of_ids(ids, cursor, limit)
    return Page(list(queryset.filter(**{f"{key}__in": chosen}).order_by(key)), next_cursor)


def page(queryset: QuerySet[Any], cursor: str | None, limit: int, key: str = "pk") -> Page:
    """One page of ``queryset`` in ascending ``key`` order (an integer column), after the
    cursor; ``key`` must also be readable as an attribute or dict key of the rows."""
    if cursor:
        queryset = queryset.filter(**{f"{key}__gt": decode(cursor)})
    rows = list(queryset.order_by(key)[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    if not more or not rows:
        return Page(rows, None)
    last = rows[-1]
    last_id = last[key] if isinstance(last, dict) else getattr(last, key)
    return Page(rows, encode(int(last_id)))
