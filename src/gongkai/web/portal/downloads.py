"""Letters the applicant may download: the one staff generated, or the same letter made now.

A letter staff generated is stored in the case file (``cases.services.generate_letter``);
that file is what was served, so it is preferred. Otherwise the letter is filled from the
case file by ``cases.letters.make`` — deterministic, so it says what staff would get.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.letters import LetterError
from gongkai.web.cases import letters as case_letters
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Case, CaseEvent
from gongkai.web.portal.status import applicant_letters

FORMATS = case_letters.FORMATS


class NotAvailable(Exception):
    """The letter does not exist (yet) for this case, or cannot be made; says why."""


@dataclass(frozen=True)
class LetterFile:
    name: str
    content: bytes
    content_type: str


def letter_file(case: Case, key: str, fmt: str) -> LetterFile:
    if fmt not in FORMATS:
        raise NotAvailable(f"不支持的格式：{fmt}")
    if key not in {link.key for link in applicant_letters(case)}:
        raise NotAvailable("该文书尚未作出，或不向申请人提供。")
    stored = (
        CaseEvent.objects.filter(case=case, kind="letter", data__letter=key, data__format=fmt)
        .exclude(document=None)
        .select_related("document")
        .order_by("seq")
        .last()
    )
    if stored is not None and stored.document is not None:
        doc = stored.document
        return LetterFile(doc.name, bytes(doc.content), doc.content_type)
    try:
        name, content, _ = case_letters.make(case, key, fmt, case_services.today())
    except (LetterError, case_letters.LetterUnavailable) as exc:
        raise NotAvailable(f"文书暂不能在线下载（{exc}），请与机关联系。") from None
    return LetterFile(name, content, FORMATS[fmt])
