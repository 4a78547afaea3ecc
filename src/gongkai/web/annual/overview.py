"""What a supervisor sees for a year: each agency's report state, findings and deadline, and
whether the region's roll-up equals the sum of its agencies' reports (read-only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from gongkai.web.agencies.models import Agency
from gongkai.web.annual.deadlines import report_deadline
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion


@dataclass(frozen=True)
class AgencyStatus:
    agency: Agency
    draft: AnnualReportDraft | None
    deadline: dt.date
    published_on: dt.date | None
    overdue: bool

    @property
    def state_label(self) -> str:
        return self.draft.get_state_display() if self.draft else "未编制"

    @property
    def submitted(self) -> bool:
        return self.draft is not None and self.draft.state in ("submitted", "accepted", "published")


def statuses(agencies: QuerySet[Agency], year: int, today: dt.date) -> list[AgencyStatus]:
    drafts = {
        d.agency_id: d
        for d in AnnualReportDraft.objects.filter(agency__in=agencies, year=year, scope="agency")
    }
    first_published: dict[int, dt.date] = {}
    for draft_id, day in ReportVersion.objects.filter(
        draft__in=drafts.values(), number=1
    ).values_list("draft_id", "published_on"):
        first_published[draft_id] = day
    out = []
    for agency in agencies:
        draft = drafts.get(agency.pk)
        deadline = report_deadline(agency.kind, year)
        published = first_published.get(draft.pk) if draft else None
        overdue = (published or today) > deadline
        out.append(AgencyStatus(agency, draft, deadline, published, overdue))
    return out


def sum_of_reports(drafts: list[AnnualReportDraft]) -> dict[str, Any]:
    """The cell-by-cell sum of agency reports (tables 2–4); blank only where all are blank."""
    total: dict[str, Any] = {"table2": {}, "table3": {}, "table4": None}
    for draft in drafts:
        for table in ("table2", "table3"):
            for row, values in (draft.data.get(table) or {}).items():
                target = total[table].setdefault(row, [None] * len(values))
                for i, value in enumerate(values):
                    if value is not None:
                        target[i] = value if target[i] is None else target[i] + value
        cells = draft.data.get("table4") or []
        if cells:
            total["table4"] = [
                a + b for a, b in zip(total["table4"] or [0] * len(cells), cells, strict=True)
            ]
    return total


def rollup_differences(region: AnnualReportDraft, members: list[AnnualReportDraft]) -> list[str]:
    """Cells where the region's report differs from the sum of its agencies' reports."""
    summed = sum_of_reports(members)
    out = []
    for table in ("table2", "table3"):
        for row, values in (region.data.get(table) or {}).items():
            other = summed[table].get(row)
            if other is not None and [_num(v) for v in values] != [_num(v) for v in other]:
                out.append(f"{table}.{row}")
    if summed["table4"] is not None and region.data.get("table4") != summed["table4"]:
        out.append("table4")
    return out


def _num(value: Any) -> Any:
    return round(float(value), 4) if isinstance(value, int | float) else value
