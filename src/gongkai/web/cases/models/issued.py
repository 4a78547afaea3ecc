"""Letters as issued: the text frozen the first time a letter is made, served ever after."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.letters import Letter, Paragraph, Style
from gongkai.web.cases.models.events import AppendOnly


class IssuedLetter(AppendOnly):
    """One letter of a case as it left the agency (a legal record: never rewritten).

    A letter answers one event of the case file (``source_seq``: the 答复, the 补正告知 …;
    0 for the 受理回执 and for a consultation letter, whose ``key`` names the consultation).
    Its text is frozen here the first time it is made, by staff or for the applicant's
    download; its DOCX and PDF files (``CaseDocument`` rows pointing here, each with its
    sha256) are made from that text once and served from then on, so a later 更正 of the
    registration or an edited template never changes what was issued.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="issued_letters")
    key = models.CharField("文书", max_length=48)
    source_seq = models.PositiveIntegerField("所依据的案卷事件序号")
    letter_type = models.CharField("文书类型", max_length=32)
    title = models.CharField("标题", max_length=200)
    content = models.JSONField("文书内容")
    text_sha256 = models.CharField(max_length=64)
    issued_at = models.DateTimeField("出具时间", auto_now_add=True)
    # None: made for the applicant's download on the portal, before staff made it
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "已出具文书"
        verbose_name_plural = "已出具文书"
        ordering = ("case", "issued_at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["case", "key", "source_seq"], name="issued_letter_once_per_event"
            ),
        )

    def __str__(self) -> str:
        return self.title

    def letter(self) -> Letter:
        """The frozen letter, to render a format not made yet."""
        data: dict[str, Any] = self.content
        return Letter(
            letter_type=data["letter_type"],
            title=data["title"],
            paragraphs=tuple(Paragraph(p["text"], Style(p["style"])) for p in data["paragraphs"]),
            signature=data["signature"],
            date=data["date"],
            seal=data["seal"],
        )


def frozen(letter: Letter) -> dict[str, Any]:
    """A letter as JSON (``IssuedLetter.content``)."""
    return {
        "letter_type": letter.letter_type,
        "title": letter.title,
        "paragraphs": [{"text": p.text, "style": p.style.value} for p in letter.paragraphs],
        "signature": letter.signature,
        "date": letter.date,
        "seal": letter.seal,
    }
