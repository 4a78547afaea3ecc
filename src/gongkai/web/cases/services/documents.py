"""The case file's documents: notes, attachments and generated letters."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai import uploads
from gongkai.web.cases.models import Case, CaseDocument, CaseEvent
from gongkai.web.cases.services.issued import issue, issued_file
from gongkai.web.cases.services.log import _check_edit, append_event
from gongkai.web.cases.services.pinned import today

# Staff attach scans of signed letters and proofs of service, larger than what applicants
# send; the types are the portal's (one rule: ``gongkai.uploads``).
ATTACHMENT_MAX_BYTES = 20 * uploads.MEGABYTE
ATTACHMENT_HELP = (
    f"一个文件，不超过 {uploads.size_label(ATTACHMENT_MAX_BYTES)}，限 {uploads.ALLOWED_LABEL} 格式"
)


def add_note(case: Case, by: Any, text: str, document: CaseDocument | None = None) -> CaseEvent:
    if not text.strip() and document is None:
        raise ValidationError("备注不能为空。")
    return append_event(case, by, "note", today(), {"text": text.strip()}, document=document)


def store_document(
    case: Case, by: Any, *, name: str, content: bytes, content_type: str, letter_type: str = ""
) -> CaseDocument:
    _check_edit(case, by)
    return CaseDocument.objects.create(
        case=case,
        name=name,
        content=content,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        letter_type=letter_type,
        created_by=by,
    )


def attach(case: Case, by: Any, *, name: str, content: bytes, text: str = "") -> CaseEvent:
    """Add a file to the case. Its type is recognised from the content and stored as such;
    whatever the browser claimed is never trusted (a stored text/html would be served)."""
    try:
        kind = uploads.kind_of(name, content, ATTACHMENT_MAX_BYTES)
    except uploads.FileProblem as exc:
        raise ValidationError(str(exc)) from None
    with transaction.atomic():
        doc = store_document(case, by, name=name, content=content, content_type=kind.content_type)
        return add_note(case, by, text or f"附件：{name}", document=doc)


@transaction.atomic
def generate_letter(case: Case, by: Any, key: str, fmt: str) -> CaseDocument:
    """The issued letter's file (made and logged the first time; see :mod:`.issued`)."""
    _check_edit(case, by)
    issued = issue(case, key, by=by)
    doc, made = issued_file(issued, fmt, by=by)
    if made:
        append_event(
            case,
            by,
            "letter",
            today(),
            {
                "letter": key,
                "title": issued.title,
                "format": fmt,
                "text_sha256": issued.text_sha256,
                "sha256": doc.sha256,
            },
            document=doc,
        )
    return doc
