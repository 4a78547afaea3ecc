"""One published report with what a researcher needs beside it: who, where, when, which version.

A bulk file holds only published reports; a report without a publication date is not one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gongkai.report import AnnualReport

# The key a JSON Lines record carries beside the canonical report (readers keep unknown keys).
META_KEY = "opendata"
SCOPES = {"agency": "本机关", "region": "本地区汇总"}


@dataclass(frozen=True)
class PublishedReport:
    report: AnnualReport
    agency_id: str
    agency_name: str
    region: str  # the supervising agency (a root agency is its own region)
    agency_kind: str
    published: date
    scope: str = "agency"
    version: int = 1

    @property
    def year(self) -> int | None:
        return self.report.year

    def meta(self) -> dict[str, Any]:
        return {
            "agency_id": self.agency_id,
            "agency_name": self.agency_name,
            "region": self.region,
            "agency_kind": self.agency_kind,
            "scope": self.scope,
            "version": self.version,
            "published": self.published.isoformat(),
        }

    def sort_key(self) -> tuple[str, str, str, str]:
        return (self.region, self.agency_name, self.scope, self.agency_id)
