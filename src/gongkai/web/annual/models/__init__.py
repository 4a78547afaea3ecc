from gongkai.web.annual.models.report import (
    SCOPE_CHOICES,
    AnnualReportDraft,
    ImportedReport,
    ReportEvent,
    ReportVersion,
)

__all__ = ["SCOPE_CHOICES", "AnnualReportDraft", "ImportedReport", "ReportEvent", "ReportVersion"]
