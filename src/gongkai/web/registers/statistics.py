"""The registers' records in the shape the annual-report statistics take."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from gongkai.statistics import DocumentRecord, YearFigures
from gongkai.web.registers.models import RegulatoryDocument, YearFigure


def document_records(agency_ids: Iterable[int]) -> list[DocumentRecord]:
    rows = RegulatoryDocument.objects.filter(agency_id__in=list(agency_ids)).values_list(
        "pk", "kind", "issued", "published", "ended"
    )
    return [
        DocumentRecord(str(pk), kind, issued, published, ended)
        for pk, kind, issued, published, ended in rows
    ]


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def year_figures(agency_ids: Iterable[int], year: int) -> tuple[YearFigures, list[int]]:
    """The figures of one agency, or the sum over several (a region); with the entries used.

    Blank stays blank: a sum is None only when no agency entered that figure.
    """
    entries = list(YearFigure.objects.filter(agency_id__in=list(agency_ids), year=year))
    fees = [e.fees_10k_yuan for e in entries if e.fees_10k_yuan is not None]
    figures = YearFigures(
        licensing=_sum([e.licensing for e in entries]),
        penalty=_sum([e.penalty for e in entries]),
        coercion=_sum([e.coercion for e in entries]),
        fees_10k_yuan=sum(fees, Decimal(0)) if fees else None,
    )
    return figures, [e.pk for e in entries]
