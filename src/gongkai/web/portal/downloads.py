"""Letters the applicant may download: the letter as the agency issued it.

A letter's text is frozen the first time it is made — by staff on the case page or here —
and each format's file is stored once (``cases.services.issued``), so the applicant gets
the same bytes as staff, also after the registration was corrected.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.letters import LetterError
from gongkai.web.cases import letters as case_letters
from gongkai.web.cases.models import Case
from gongkai.web.cases.services.issued import issue, issued_file
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
    try:
        doc, _ = issued_file(issue(case, key, by=None), fmt, by=None)
    except (LetterError, case_letters.LetterUnavailable) as exc:
        raise NotAvailable(f"文书暂不能在线下载（{exc}），请与机关联系。") from None
    return LetterFile(doc.name, bytes(doc.content), doc.content_type)
