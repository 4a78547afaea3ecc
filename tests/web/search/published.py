"""Objects published through the apps' own services, as the search index sees them."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from gongkai.web.agencies.models import Agency
from gongkai.web.annual import services as annual_services
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.catalogue import services as catalogue
from gongkai.web.catalogue.models import DisclosureItem
from gongkai.web.registers import services as registers
from gongkai.web.registers.models import RegulatoryDocument
from tests.web.annual.records import random_records
from tests.web.conftest import make_user

SECTIONS = {
    "1": "本年度坚持以公开为常态，主动公开部门预算、义务教育招生划片范围等信息。",
    "5": "存在的主要问题是政策解读形式较为单一，下一步将丰富解读方式。",
    "6": "本年度未收取信息处理费。",
}


class Staff:
    """A handler and a head for each agency, made on first use."""

    def __init__(self) -> None:
        self._users: dict[tuple[int, str], Any] = {}

    def __call__(self, agency: Agency, role: str = "handler") -> Any:
        key = (agency.pk, role)
        if key not in self._users:
            self._users[key] = make_user(f"{role}-{agency.pk}", role, agency)
        return self._users[key]


def catalogue_item(
    staff: Staff,
    agency: Agency,
    title: str,
    *,
    published: dt.date | None = dt.date(2025, 3, 5),
    summary: str = "",
    category: str = "07",
    url: str = "",
) -> DisclosureItem:
    formed = min(published or dt.date(2025, 3, 3), dt.date(2025, 3, 3))
    item = catalogue.register_item(
        agency=agency,
        title=title,
        category=category,
        issuing_body=agency.name,
        formed=formed,
        by=staff(agency),
        summary=summary,
        url=url,
    )
    if published is not None:
        catalogue.approve_secrecy_review(item, by=staff(agency, "head"), note="不涉密")
        item = catalogue.publish_item(item, on=published, by=staff(agency))
    return item


def regulatory_document(
    staff: Staff,
    agency: Agency,
    title: str,
    *,
    kind: str = "normative_documents",
    published: dt.date | None = dt.date(2024, 6, 3),
) -> RegulatoryDocument:
    return registers.register_document(
        agency=agency,
        kind=kind,
        title=title,
        issued=dt.date(2024, 6, 1),
        published=published,
        document_number="临政规〔2024〕3号",
        by=staff(agency),
    )


def annual_report(
    staff: Staff, agency: Agency, supervisor: Any, *, publish: bool = True
) -> AnnualReportDraft:
    source = random_records(agency.pk, random.Random(3))
    draft = annual_services.build_report(agency, 2024, by=staff(agency), source=source)
    for number, text in SECTIONS.items():  # no template text left (rule E7)
        annual_services.edit_section(draft, number, text, by=staff(agency))
    steps = [("approve", "head"), ("submit", "handler"), ("accept", None), ("publish", "head")]
    for action, role in steps if publish else steps[:3]:
        by = supervisor if role is None else staff(agency, role)
        draft = annual_services.perform(draft, action, by=by, today=dt.date(2025, 1, 20))
    return draft
