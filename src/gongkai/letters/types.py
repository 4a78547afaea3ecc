"""The letter types as data: name, template file, the fields it cannot do without.

Deadlines quoted by the letters come from spec §3; the dates they end on are computed by
the clock and passed in when known (the correction, consultation and payment limits run
from service, so their dates are optional: without one the letter states the period). The
reply letter for an outcome is named by ``gongkai.outcomes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from gongkai.letters.errors import UnknownLetterTypeError
from gongkai.outcomes import (
    OUTCOMES,
    REPLY_DENIED,
    REPLY_GRANTED,
    REPLY_INQUIRY,
    REPLY_NOT_PROCESSED,
    REPLY_OTHER,
    REPLY_PARTIAL,
    REPLY_REPEATED,
    REPLY_UNABLE,
    outcome,
)


@dataclass(frozen=True)
class LetterType:
    key: str
    name: str  # what staff call it, e.g. 补正告知书
    basis: str  # the provision that calls for the letter
    required: tuple[str, ...]  # context fields that must be filled
    is_reply: bool = False  # a reply letter: needs an outcome whose letter it is

    @property
    def template_file(self) -> str:
        return f"{self.key}.txt.j2"

    def default_template(self) -> str:
        return (resources.files("gongkai.letters") / "templates" / self.template_file).read_text(
            encoding="utf-8"
        )

    @property
    def outcomes(self) -> tuple[str, ...]:
        """The outcome keys answered with this letter type (reply letters only)."""
        return tuple(key for key, o in OUTCOMES.items() if o.letter_type == self.key)


_AGENCY = ("agency_name", "sent_date", "case_number", "applicant_name")
_REPLY = (*_AGENCY, "received_date", "request_description", "outcome", "review_body", "court")

_TYPES = (
    LetterType(
        "receipt",
        "受理回执",
        "第二十九条、第三十一条",
        (*_AGENCY, "received_date", "request_description", "due_date"),
    ),
    LetterType(
        "correction",
        "补正告知书",
        "第三十条",
        (
            *_AGENCY,
            "received_date",
            "request_description",
            "correction_items",
            "correction_days",
        ),
    ),
    # consultation_kind: a third party (Art. 32, default) or another agency (Art. 34)
    LetterType(
        "consultation",
        "征求意见函",
        "第三十二条、第三十四条",
        ("agency_name", "sent_date", "case_number", "third_party_name", "request_description"),
    ),
    LetterType(
        "extension",
        "延期答复告知书",
        "第三十三条第二款",
        (
            *_AGENCY,
            "received_date",
            "request_description",
            "extension_reason",
            "due_date",
            "new_due_date",
        ),
    ),
    LetterType(
        "fee",
        "收费通知书",
        "第四十二条",
        (
            *_AGENCY,
            "received_date",
            "request_description",
            "fee_scheme",
            "fee_quantity",
            "fee_amount",
            "payment_method",
        ),
    ),
    # provision_method is needed unless the information is already public (the template asks)
    LetterType(REPLY_GRANTED, "予以公开告知书", "第三十六条", _REPLY, True),
    LetterType(
        REPLY_PARTIAL,
        "部分公开告知书",
        "第三十七条",
        (*_REPLY, "withheld_description", "withheld_reason"),
        True,
    ),
    LetterType(REPLY_DENIED, "不予公开告知书", "第三十六条第（三）项", _REPLY, True),
    LetterType(REPLY_INQUIRY, "告知书（行政查询事项）", "第三十六条第（七）项", _REPLY, True),
    LetterType(
        REPLY_UNABLE, "告知书（无法提供）", "第三十条、第三十六条、第三十八条", _REPLY, True
    ),
    LetterType(REPLY_NOT_PROCESSED, "告知书（不予处理）", "第三十五条、第三十九条", _REPLY, True),
    LetterType(
        REPLY_REPEATED,
        "重复申请告知书",
        "第三十六条第（六）项",
        (*_REPLY, "previous_reply_date"),
        True,
    ),
    LetterType(REPLY_OTHER, "告知书（其他处理）", "第三十条、第四十二条", _REPLY, True),
)

LETTER_TYPES: dict[str, LetterType] = {t.key: t for t in _TYPES}

# Fields a reply letter needs for one outcome only (also for the withheld part of 部分公开
# when ``withheld_reason`` is that outcome).
OUTCOME_FIELDS: dict[str, tuple[str, ...]] = {
    "denied_2": ("prohibiting_law",),  # Art. 14: name the law that prohibits disclosure
    "not_processed_3": ("publication_access",),  # Art. 39 ¶2: where to obtain it
}


def letter_type(key: str) -> LetterType:
    try:
        return LETTER_TYPES[key]
    except KeyError:
        known = "、".join(f"{k}（{t.name}）" for k, t in LETTER_TYPES.items())
        raise UnknownLetterTypeError(f"未知的文书类型 {key!r}（可用：{known}）") from None


def reply_letter_type(outcome_key: str) -> LetterType:
    """The reply letter an outcome calls for (spec §4)."""
    return LETTER_TYPES[outcome(outcome_key).letter_type]
