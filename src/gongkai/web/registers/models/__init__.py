from gongkai.web.registers.models.documents import (
    DOCUMENT_KIND_CHOICES,
    END_REASON_CHOICES,
    RegulatoryDocument,
)
from gongkai.web.registers.models.figures import YearFigure

__all__ = [
    "DOCUMENT_KIND_CHOICES",
    "END_REASON_CHOICES",
    "RegulatoryDocument",
    "YearFigure",
]
