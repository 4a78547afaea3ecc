"""A record source built in memory (the builder takes any source), and a record generator."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.formats import FORMAT_2021
from gongkai.statistics import ApplicationRecord, DocumentRecord, ReviewRecord, YearFigures

APPLICANTS = ("natural_person", "commercial", "research", "social", "legal_service", "other_org")
OUTCOMES = tuple(FORMAT_2021.table3.outcome_rows)


@dataclass
class MemorySource:
    applications: dict[int, list[ApplicationRecord]] = field(default_factory=dict)
    documents: dict[int, list[DocumentRecord]] = field(default_factory=dict)
    reviews: dict[int, list[ReviewRecord]] = field(default_factory=dict)
    figures: dict[tuple[int, int], YearFigures] = field(default_factory=dict)
    applications_connected: bool = True

    def application_records(self, agency_ids: list[int], year: int) -> Iterable[ApplicationRecord]:
        return [r for a in agency_ids for r in self.applications.get(a, [])]

    def document_records(self, agency_ids: list[int]) -> Iterable[DocumentRecord]:
        return [r for a in agency_ids for r in self.documents.get(a, [])]

    def review_records(self, agency_ids: list[int]) -> Iterable[ReviewRecord]:
        return [r for a in agency_ids for r in self.reviews.get(a, [])]

    def year_figures(self, agency_ids: list[int], year: int) -> tuple[YearFigures, list[int]]:
        found = [self.figures[(a, year)] for a in agency_ids if (a, year) in self.figures]

        def total(values: list[Any]) -> Any:
            known = [v for v in values if v is not None]
            return sum(known[1:], known[0]) if known else None

        return (
            YearFigures(
                licensing=total([f.licensing for f in found]),
                penalty=total([f.penalty for f in found]),
                coercion=total([f.coercion for f in found]),
                fees_10k_yuan=total([f.fees_10k_yuan for f in found]),
            ),
            [],
        )


def random_records(agency_id: int, rng: random.Random, count: int = 60) -> MemorySource:
    """Applications over 2021–2025 (some still open), documents and reviews for one agency."""
    source = MemorySource()
    source.applications[agency_id] = apps = []
    for n in range(count):
        received = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
        done = rng.random() < 0.85
        concluded = received + dt.timedelta(days=rng.randrange(1, 60)) if done else None
        apps.append(
            ApplicationRecord(
                id=f"{agency_id}-{n}",
                applicant=rng.choice(APPLICANTS),
                received=received,
                concluded=concluded,
                outcome=rng.choice(OUTCOMES) if done else None,
            )
        )
    source.documents[agency_id] = [
        DocumentRecord(
            id=f"{agency_id}-d{n}",
            kind=rng.choice(("regulations", "normative_documents")),
            issued=(issued := dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))),
            published=issued,
            repealed=issued + dt.timedelta(days=rng.randrange(200, 900))
            if rng.random() < 0.3
            else None,
        )
        for n in range(12)
    ]
    source.reviews[agency_id] = [
        ReviewRecord(
            id=f"{agency_id}-r{n}",
            kind=rng.choice(("review", "direct_suit", "suit_after_review")),
            filed=(filed := dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))),
            concluded=filed + dt.timedelta(days=90) if n % 3 else None,
            result=rng.choice(("upheld", "corrected", "other")) if n % 3 else None,
        )
        for n in range(6)
    ]
    for year in range(2021, 2026):
        source.figures[(agency_id, year)] = YearFigures(
            rng.randrange(500), rng.randrange(50), 0, Decimal(rng.randrange(100)) / 10
        )
    return source


def merged(*sources: MemorySource) -> MemorySource:
    out = MemorySource()
    for source in sources:
        out.applications.update(source.applications)
        out.documents.update(source.documents)
        out.reviews.update(source.reviews)
        out.figures.update(source.figures)
    return out


# Staff's own text for the sections the drafting leaves template text in (rule E7 refuses
# approval while （请填写…） is left).
FILLED_SECTIONS = {
    "1": "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，及时主动公开政府信息，"
    "依法办理政府信息公开申请，规范政府信息管理，完善政务公开平台，加强监督保障。",
    "5": "存在的问题：部分栏目更新不够及时。改进措施：建立栏目更新台账，明确责任人和更新时限。",
    "6": "本年度信息处理费收取情况：未收取信息处理费。本机关无其他需要报告的事项。",
}


def filled(draft: Any, by: Any) -> Any:
    """The draft with its template text replaced by staff's own (FILLED_SECTIONS)."""
    from gongkai.web.annual import services

    return services.edit_sections(draft, FILLED_SECTIONS, by=by)
