"""Which agency of the tree a report belongs to: its printed name, its region and its year.

The tree gives every agency a region: the places of its governments (itself and its
ancestors of kind ``government``, e.g. 江淮省 / 临川市 / 东湖区 from 东湖区人民政府). A
printed name matches an agency when it is the agency's name or short name, or the agency's
name without its leading places preceded by places of the agency's region only
(临川市教育局 for the 教育局 under 临川市人民政府, the last place being the agency's
nearest government's); an agency of exactly that name comes first. When several agencies
match (two 教育局 in different cities, the report printing just 教育局), the report's own
text — its title, agency line and preamble — names the region: the agency whose nearest
government is named there, then whose region holds the most of the places named, is taken;
a tie is left to the reviewers' manual override.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied

from gongkai.report import AnnualReport
from gongkai.report.canonical import loads
from gongkai.text import label_key
from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import AuditProject, AuditReport
from gongkai.web.audits.permissions import can_work_on

REGION_KINDS = frozenset({"government"})  # an agency kind whose name names a place
_GOVERNMENT_SUFFIX = re.compile(r"(?:人民政府|政府)$")


def place_of(agency: Agency) -> str | None:
    """The place a government names (东湖区人民政府 → 东湖区); None for other kinds."""
    if agency.kind not in REGION_KINDS:
        return None
    place = label_key(_GOVERNMENT_SUFFIX.sub("", agency.name))
    return place or None


@dataclass(frozen=True)
class Entry:
    agency: Agency
    keys: frozenset[str]  # name and short name, compared as labels
    region: frozenset[str]  # places of the agency's governments, itself included
    home: str | None  # the place of its nearest government (临川市 for 临川市教育局)
    bare: str  # the name without its leading places


@dataclass(frozen=True)
class AgencyIndex:
    """The project's agencies with their regions, built once per batch of documents."""

    entries: tuple[Entry, ...]
    places: tuple[str, ...]  # every place of the tree, longest first

    @property
    def agencies(self) -> list[Agency]:
        return [entry.agency for entry in self.entries]


def _strip_places(key: str, places: tuple[str, ...]) -> tuple[str, list[str]]:
    """The name without its leading places (longest first), and those places."""
    found: list[str] = []
    while True:
        place = next((p for p in places if key.startswith(p) and len(p) < len(key)), None)
        if place is None:
            return key, found
        found.append(place)
        key = key[len(place) :]


def index_for(project: AuditProject) -> AgencyIndex:
    """The agencies a report of the project may belong to (the project's agency's subtree)
    with their regions (the ancestors above the project's agency count too)."""
    above = list(Agency.objects.ancestors_of(project.agency))
    subtree = list(Agency.objects.subtree(project.agency))
    by_pk = {agency.pk: agency for agency in [*above, *subtree]}
    region_of: dict[int, list[str]] = {}
    for agency in subtree:
        chain = [by_pk[pk] for pk in [*agency.ancestor_ids(), agency.pk] if pk in by_pk]
        region_of[agency.pk] = [p for p in map(place_of, chain) if p]
    places = tuple(sorted(set().union(*region_of.values()), key=len, reverse=True))
    entries = tuple(
        Entry(
            agency=agency,
            keys=frozenset({label_key(agency.name), label_key(agency.short_name or agency.name)}),
            region=frozenset(region_of[agency.pk]),
            home=region_of[agency.pk][-1] if region_of[agency.pk] else None,
            bare=_strip_places(label_key(agency.name), places)[0],
        )
        for agency in subtree
    )
    return AgencyIndex(entries, places)


def _named(index: AgencyIndex, key: str) -> list[Entry]:
    """The agencies the printed name can be: by name or short name, else by the name
    without its places when those places are of the agency's region."""
    exact = [entry for entry in index.entries if key in entry.keys]
    if exact:
        return exact
    bare, prefix = _strip_places(key, index.places)
    return [
        e
        for e in index.entries
        if bare == e.bare and set(prefix) <= e.region and (not prefix or prefix[-1] == e.home)
    ]


def _region_text(report: AnnualReport) -> str:
    preamble = report.extra.get("preamble")
    parts = [report.title, report.agency, preamble if isinstance(preamble, str) else None]
    return label_key("".join(part for part in parts if part))


def match_agency(
    project: AuditProject, report: AnnualReport, index: AgencyIndex | None = None
) -> Agency | None:
    """The agency under the project's agency that the report is of, when the report is of
    one of the project's years; None when no single agency fits name and region."""
    if not report.agency or (project.years and report.year not in project.years):
        return None
    index = index_for(project) if index is None else index
    found = _named(index, label_key(report.agency))
    if len(found) <= 1:
        return found[0].agency if found else None
    text = _region_text(report)
    named = {place for place in index.places if place in text}
    scores = [(entry.home in named, len(entry.region & named)) for entry in found]
    best = max(scores)
    if best[1] == 0 or scores.count(best) > 1:
        return None  # the text does not tell them apart: a reviewer decides
    return found[scores.index(best)].agency


def set_match(report: AuditReport, agency: Agency | None, *, by: Any) -> None:
    """A reviewer's override (None: back to automatic matching)."""
    project = report.document.project
    if not can_work_on(by, project):
        raise PermissionDenied("您无权修改该项目。")
    if agency is not None and not agency.is_in_subtree_of(project.agency):
        raise PermissionDenied("只能指定本项目所属机关及其下级机关。")
    if agency is None:
        report.matched_agency = match_agency(project, loads(report.report_json))
    else:
        report.matched_agency = agency
    report.match_manual = agency is not None
    report.save(update_fields=["matched_agency", "match_manual"])
