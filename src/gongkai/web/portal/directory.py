"""Which agencies take online applications or have published annual reports, and the
public directories of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from gongkai.web.accounts.models import User
from gongkai.web.accounts.roles import ROLES, Scope
from gongkai.web.agencies.models import Agency

# Roles of an agency's own staff that can confirm (and so register) an online application.
CONFIRMING_ROLES = tuple(
    key
    for key, role in ROLES.items()
    if role.needs_agency and role.edit in (Scope.OWN, Scope.SUBTREE)
)


def accepting_agencies() -> QuerySet[Agency]:
    """Active agencies with at least one active member of staff who can confirm receipt —
    an application sent where nobody can confirm it would never get a date of receipt."""
    staff = User.objects.filter(agency=OuterRef("pk"), is_active=True, role__in=CONFIRMING_ROLES)
    return Agency.objects.filter(is_active=True).filter(Exists(staff)).order_by("path")


@dataclass(frozen=True)
class Entry:
    agency: Agency
    trail: tuple[str, ...]  # names of the ancestors, root first
    depth: int  # indentation within the group


@dataclass(frozen=True)
class Group:
    root: Agency
    entries: tuple[Entry, ...]


def reporting_agencies() -> QuerySet[Agency]:
    """Active agencies with a published annual report (shown by the annual app's public
    pages), whether or not they take online applications."""
    from gongkai.web.annual.models import ReportVersion

    published = ReportVersion.objects.filter(draft__agency=OuterRef("pk"))
    return Agency.objects.filter(is_active=True).filter(Exists(published)).order_by("path")


def directory(query: str = "", found: QuerySet[Agency] | None = None) -> list[Group]:
    """The accepting agencies (or those of ``found``) grouped under their top-level agency,
    in tree order; with a query, only names containing it (ancestors named in each entry's
    trail)."""
    found = accepting_agencies() if found is None else found
    query = query.strip()
    if query:
        found = found.filter(name__icontains=query) | found.filter(short_name__icontains=query)
    agencies = list(found.order_by("path"))
    ancestor_ids = {pk for a in agencies for pk in a.ancestor_ids()}
    names = dict(Agency.objects.filter(pk__in=ancestor_ids).values_list("pk", "name"))
    roots = {a.pk: a for a in Agency.objects.filter(pk__in={_root_id(a) for a in agencies})}
    groups: dict[int, list[Entry]] = {}
    for agency in agencies:
        root_id = _root_id(agency)
        trail = tuple(names[pk] for pk in agency.ancestor_ids() if pk in names)
        groups.setdefault(root_id, []).append(Entry(agency, trail, 0))
    return [Group(roots[pk], _indented(entries)) for pk, entries in groups.items()]


def _indented(entries: list[Entry]) -> tuple[Entry, ...]:
    """Depth counted from the group's shallowest listed agency."""
    top = min(e.agency.level for e in entries)
    return tuple(Entry(e.agency, e.trail, e.agency.level - top) for e in entries)


def _root_id(agency: Agency) -> int:
    ids = agency.ancestor_ids()
    return ids[0] if ids else agency.pk
