"""The only code of the portal that writes. Cases are written by the cases services only.

- :mod:`.applications`: online applications (submit, staff confirm receipt or decline).
- :mod:`.corrections`: corrections (补正) sent on the portal, confirmed or declined by staff.
"""

from gongkai.web.portal.services import corrections
from gongkai.web.portal.services.applications import (
    RESUBMIT_WINDOW,
    Submitted,
    confirm_receipt,
    decline,
    submit,
    today,
    waiting,
    waiting_count,
)

__all__ = [
    "RESUBMIT_WINDOW",
    "Submitted",
    "confirm_receipt",
    "corrections",
    "decline",
    "submit",
    "today",
    "waiting",
    "waiting_count",
]
