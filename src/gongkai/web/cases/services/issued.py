"""Issuing letters: a letter's text is frozen the first time it is made, its files once.

Staff generating a letter on the case page and the applicant downloading it on the portal
both go through :func:`issue` and :func:`issued_file`, so both get the same bytes, also
after the registration was corrected (``更正``) or the agency edited its template. A new
event (a second 补正告知, the 答复 of a reopened case) is a new letter.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction

from gongkai.web.cases.models import Case, CaseDocument, IssuedLetter
from gongkai.web.cases.models.issued import frozen
from gongkai.web.cases.services.pinned import today


def issue(case: Case, key: str, *, by: Any) -> IssuedLetter:
    """The issued letter ``key`` of the case: the one already issued for its event, or the
    letter filled now and frozen (``by`` None: for the applicant's download).

    Raises ``letters.LetterUnavailable`` for a letter the case does not have and
    ``LetterError`` naming what a letter not issued yet is missing.
    """
    from gongkai.web.cases import letters  # letters reads the case; no cycle at import

    if key not in {choice.key for choice in letters.available(case)}:
        raise letters.LetterUnavailable("该案件没有这份文书（尚未作出或不适用）")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()  # one issue at a time
        seq = letters.source_seq(case, key)
        found = IssuedLetter.objects.filter(case=case, key=key, source_seq=seq).first()
        if found is not None:
            return found
        letter = letters.fill(case, key, today())
        return IssuedLetter.objects.create(
            case=case,
            key=key,
            source_seq=seq,
            letter_type=letter.letter_type,
            title=letter.title,
            content=frozen(letter),
            text_sha256=hashlib.sha256(letter.as_text().encode()).hexdigest(),
            issued_by=by,
        )


def issued_file(issued: IssuedLetter, fmt: str, *, by: Any) -> tuple[CaseDocument, bool]:
    """(the file of the issued letter in ``fmt``, whether it was made just now)."""
    from gongkai.web.cases import letters

    letters.check_format(fmt)
    content_type = letters.FORMATS[fmt]
    with transaction.atomic():
        IssuedLetter.objects.select_for_update().filter(pk=issued.pk).first()
        stored = issued.files.filter(content_type=content_type).first()
        if stored is not None:
            return stored, False
        name, content = letters.file_of(issued.case, issued.letter(), fmt)
        doc = CaseDocument.objects.create(
            case_id=issued.case_id,
            name=name,
            content=content,
            content_type=content_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            letter_type=issued.letter_type,
            issued=issued,
            created_by=by,
        )
        return doc, True
