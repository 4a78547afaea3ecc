"""Read-only summaries for the home pages (counts by kind, role, subtree)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.web.accounts.models import User
from gongkai.web.accounts.roles import ROLES
from gongkai.web.agencies.models import Agency


@dataclass(frozen=True)
class Tally:
    key: str
    label: str
    count: int


def kind_tallies(agencies: QuerySet[Agency]) -> list[Tally]:
    counts = dict(agencies.order_by().values_list("kind").annotate(n=Count("pk")))
    return [Tally(k.key, k.label, counts.get(k.key, 0)) for k in AGENCY_KINDS.values()]


def role_tallies(users: QuerySet[User]) -> list[Tally]:
    counts = dict(users.order_by().values_list("role").annotate(n=Count("pk")))
    return [Tally(r.key, r.label, counts.get(r.key, 0)) for r in ROLES.values()]


def with_counts(agencies: QuerySet[Agency], top_level: int = 0) -> QuerySet[Agency]:
    """Agencies annotated with their active users, direct sub-agencies and their depth below
    ``top_level`` (for indenting a tree that starts below the root)."""
    return agencies.annotate(
        user_count=Count("users", filter=Q(users__is_active=True), distinct=True),
        child_count=Count("children", distinct=True),
        depth=F("level") - top_level,
    )


def agency_users(agency: Agency) -> QuerySet[User]:
    return agency.users.filter(is_active=True).order_by("role", "username")
