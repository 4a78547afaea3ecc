"""Models of the audits app; each module holds one concern."""

from gongkai.web.audits.models.document import (
    ERROR_KIND_LABELS,
    STATE_CHOICES,
    AuditDocument,
    AuditReport,
)
from gongkai.web.audits.models.finding import (
    CLASS_CHOICES,
    VERDICT_CHOICES,
    AuditFinding,
    Disposition,
)
from gongkai.web.audits.models.project import AuditProject

__all__ = [
    "CLASS_CHOICES",
    "ERROR_KIND_LABELS",
    "STATE_CHOICES",
    "VERDICT_CHOICES",
    "AuditDocument",
    "AuditFinding",
    "AuditProject",
    "AuditReport",
    "Disposition",
]
