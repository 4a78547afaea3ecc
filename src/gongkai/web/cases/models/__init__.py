from gongkai.web.cases.models.case import Case, mask_id, mask_name
from gongkai.web.cases.models.events import (
    AppendOnlyError,
    CaseDocument,
    CaseEvent,
    Consultation,
    ExtensionRequest,
)
from gongkai.web.cases.models.issued import IssuedLetter
from gongkai.web.cases.models.support import (
    AuditEntry,
    CaseSettings,
    FormSubmission,
    LetterTemplate,
    Notification,
)

__all__ = [
    "AppendOnlyError",
    "AuditEntry",
    "Case",
    "CaseDocument",
    "CaseEvent",
    "CaseSettings",
    "Consultation",
    "ExtensionRequest",
    "FormSubmission",
    "IssuedLetter",
    "LetterTemplate",
    "Notification",
    "mask_id",
    "mask_name",
]
