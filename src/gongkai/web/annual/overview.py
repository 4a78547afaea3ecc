"""What a supervisor sees for a year: each agency's report state, findings and deadline, and
whether the region's roll-up equals the sum of its agencies' reports (read-only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet

from gongkai.rules import Severity
from gongkai.rules.location import describe
from gongkai.rules.rollup import check_rollup
from gongkai.web.agencies.models import Agency
from gongkai.web.annual.deadlines import report_deadline
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion


@dataclass(frozen=True)
class AgencyStatus:
    agency: Agency
    draft: AnnualReportDraft | None
    deadline: dt.date
    published_on: dt.date | None  # the first version's: the deadline applies to it
    overdue: bool
    current: ReportVersion | None = None  # the latest published version (a correction's)

    @property
    def corrected(self) -> bool:
        return self.current is not None and self.current.number > 1

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
    # The publication history is the one source of dates: the first version and the latest.
    first_published: dict[int, dt.date] = {}
    current: dict[int, ReportVersion] = {}
    versions = ReportVersion.objects.filter(draft__in=drafts.values()).filter(
        Q(number=1) | Q(number=F("draft__published_version"))
    )
    for version in versions.only("draft_id", "number", "published_on", "findings"):
        if version.number == 1:
            first_published[version.draft_id] = version.published_on
        current[version.draft_id] = max(
            version, current.get(version.draft_id, version), key=lambda v: v.number
        )
    out = []
    for agency in agencies:
        draft = drafts.get(agency.pk)
        deadline = report_deadline(agency.kind, year)
        published = first_published.get(draft.pk) if draft else None
        overdue = (published or today) > deadline
        latest = current.get(draft.pk) if draft else None
        out.append(AgencyStatus(agency, draft, deadline, published, overdue, latest))
    return out


def rollup_differences(region: AnnualReportDraft, members: list[AnnualReportDraft]) -> list[str]:
    """Cells where the region's report is not the sum of its agencies' reports (rule F1 of
    the core), each named as the report's reader would name it."""
    report = region.report()
    findings = check_rollup(report, [member.report() for member in members])
    return list(
        dict.fromkeys(describe(f, report.fmt) for f in findings if f.severity is Severity.ERROR)
    )
