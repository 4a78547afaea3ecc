"""The only code that writes cases. Views, tasks and the demo call these functions.

One module per job; this package re-exports their public names, so callers write
``services.register(...)`` or ``from gongkai.web.cases.services import ConflictError``:

- :mod:`.log` — :func:`append_event`, the single way into the event log, and :func:`refresh`,
  the single writer of the cached columns (its docstring explains both);
- :mod:`.tokens` — one-time form tokens (:func:`run_once`, :func:`claim_token`);
- :mod:`.intake` — registering, duplicates, numbering, edits and 更正, assignment;
- :mod:`.reviewing` — review and correction; :mod:`.consultations`; :mod:`.fees`;
  :mod:`.extensions`;
- :mod:`.replies` — reply, withdrawal, service, archive, reopening after review;
- :mod:`.notices` — service of notices, the Art. 35 deferral, warnings before a late step;
- :mod:`.documents` — notes, attachments, generated letters; :mod:`.issued` — letters
  frozen once issued; :mod:`.letter_templates`;
- :mod:`.bulk` — batched cache refresh and bulk import; :mod:`.reminders` — the daily job;
- :mod:`.pinned` — ``today`` and ``REFRESH_CHUNK``, read through this package so that a
  test pinning ``services.today`` reaches every module.

Lower modules never import higher ones: ``pinned`` and ``tokens`` import no service
module, ``log`` only ``pinned``, the others ``log`` (and ``intake``/``bulk`` where named).
"""

from gongkai.web.cases.services.bulk import ImportedCase, bulk_import, refresh_open_cases
from gongkai.web.cases.services.consultations import (
    answer_consultation,
    consultation_limits,
    send_consultation,
)
from gongkai.web.cases.services.documents import add_note, attach, generate_letter, store_document
from gongkai.web.cases.services.extensions import decide_extension, request_extension
from gongkai.web.cases.services.fees import fee_quote, record_payment, send_fee_notice
from gongkai.web.cases.services.intake import (
    AUDIT_ACTIONS,
    DUPLICATE_SIMILARITY,
    DUPLICATE_WINDOW_DAYS,
    EDITABLE_FIELDS,
    Duplicate,
    applicant_key,
    assign,
    correct_details,
    edit_details,
    normalise,
    possible_duplicates,
    receipt_event,
    register,
    replied_once,
)
from gongkai.web.cases.services.issued import issue, issued_file
from gongkai.web.cases.services.letter_templates import save_template
from gongkai.web.cases.services.log import (
    UNVERSIONED,
    ConflictError,
    append_event,
    compute,
    event_rows,
    handling_rows,
    refresh,
)
from gongkai.web.cases.services.notices import (
    defer_reply,
    late_step_of,
    late_warning,
    record_notice_service,
    unserved_notices,
)
from gongkai.web.cases.services.pinned import REFRESH_CHUNK
from gongkai.web.cases.services.pinned import local_today as today
from gongkai.web.cases.services.reminders import (
    ReminderRun,
    mark_notifications_read,
    send_reminders,
)
from gongkai.web.cases.services.replies import (
    REPLY_FIELDS,
    archive,
    confirm_withdrawal,
    record_service,
    reopen_after_review,
    reply,
    withdraw,
)
from gongkai.web.cases.services.reviewing import (
    receive_correction,
    request_correction,
    review,
    review_next_step,
)
from gongkai.web.cases.services.tokens import DuplicateSubmission, claim_token, run_once

__all__ = [
    "AUDIT_ACTIONS",
    "DUPLICATE_SIMILARITY",
    "DUPLICATE_WINDOW_DAYS",
    "EDITABLE_FIELDS",
    "REFRESH_CHUNK",
    "REPLY_FIELDS",
    "UNVERSIONED",
    "ConflictError",
    "Duplicate",
    "DuplicateSubmission",
    "ImportedCase",
    "ReminderRun",
    "add_note",
    "answer_consultation",
    "append_event",
    "applicant_key",
    "archive",
    "assign",
    "attach",
    "bulk_import",
    "claim_token",
    "compute",
    "confirm_withdrawal",
    "consultation_limits",
    "correct_details",
    "decide_extension",
    "defer_reply",
    "edit_details",
    "event_rows",
    "fee_quote",
    "generate_letter",
    "handling_rows",
    "issue",
    "issued_file",
    "late_step_of",
    "late_warning",
    "mark_notifications_read",
    "normalise",
    "possible_duplicates",
    "receipt_event",
    "receive_correction",
    "record_notice_service",
    "record_payment",
    "record_service",
    "refresh",
    "refresh_open_cases",
    "register",
    "reopen_after_review",
    "replied_once",
    "reply",
    "request_correction",
    "request_extension",
    "review",
    "review_next_step",
    "run_once",
    "save_template",
    "send_consultation",
    "send_fee_notice",
    "send_reminders",
    "store_document",
    "today",
    "unserved_notices",
    "withdraw",
]
