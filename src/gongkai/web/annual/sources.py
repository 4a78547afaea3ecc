"""Where the builder reads its records: a protocol, and the platform's registers and cases.

Tests and the benchmark inject their own source; the platform's source reads the registers,
the reconsideration/litigation register and (when the cases app is installed) the cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from django.apps import apps

from gongkai.statistics import ApplicationRecord, DocumentRecord, ReviewRecord, YearFigures
from gongkai.web.registers import statistics as register_stats
from gongkai.web.reviews import statistics as review_stats

CASES_APP = "gongkai.web.cases"


class RecordSource(Protocol):
    def application_records(
        self, agency_ids: list[int], year: int
    ) -> Iterable[ApplicationRecord]: ...

    def document_records(self, agency_ids: list[int]) -> Iterable[DocumentRecord]: ...

    def review_records(self, agency_ids: list[int]) -> Iterable[ReviewRecord]: ...

    def year_figures(self, agency_ids: list[int], year: int) -> tuple[YearFigures, list[int]]: ...

    @property
    def applications_connected(self) -> bool: ...


class PlatformSource:
    """The platform's own records."""

    @property
    def applications_connected(self) -> bool:
        return apps.is_installed(CASES_APP)

    def application_records(self, agency_ids: list[int], year: int) -> Iterable[ApplicationRecord]:
        if not self.applications_connected:
            return []
        from gongkai.web.cases import statistics as case_stats

        # Only the cases that can count in ``year`` (received by its end, open at its start)
        # are read.
        return case_stats.application_records(agency_ids, year=year)

    def document_records(self, agency_ids: list[int]) -> Iterable[DocumentRecord]:
        return register_stats.document_records(agency_ids)

    def review_records(self, agency_ids: list[int]) -> Iterable[ReviewRecord]:
        return review_stats.review_records(agency_ids)

    def year_figures(self, agency_ids: list[int], year: int) -> tuple[YearFigures, list[int]]:
        return register_stats.year_figures(agency_ids, year)
