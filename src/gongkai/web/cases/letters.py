"""Letters of a case: the ``gongkai.letters`` context built from the case file and agency.

Each letter is filled from the event that calls for it (the correction notice from the
``correction_requested`` event, the fee notice from ``fee_notice_sent`` …) and the dates the
clock computed at that point of the log, so a letter made again later says the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings as django_settings

from gongkai import letters
from gongkai.letters import LETTER_TYPES, LetterContext, reply_letter_type
from gongkai.letters.remedies import DEFAULT_REVIEW_FIRST_SCOPE
from gongkai.letters.remedies import review_first_scope as review_first_scope_of
from gongkai.web.cases import clockbridge
from gongkai.web.cases.models import Case, CaseSettings, Consultation, LetterTemplate

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class LetterUnavailable(Exception):
    pass


@dataclass(frozen=True)
class LetterChoice:
    key: str  # letter type, with ":<consultation id>" for a consultation letter
    name: str


Row = tuple[str, dt.date, Mapping[str, Any], int]


def _rows(case: Case) -> list[Row]:
    return list(case.events.order_by("seq").values_list("kind", "date", "data", "seq"))


def _last(rows: list[Row], kind: str) -> tuple[int, Row] | None:
    found = [(i, r) for i, r in enumerate(rows) if r[0] == kind]
    return found[-1] if found else None


def available(case: Case) -> list[LetterChoice]:
    rows = _rows(case)
    kinds = {r[0] for r in rows}
    choices = [LetterChoice("receipt", LETTER_TYPES["receipt"].name)]
    for kind, letter in (
        ("correction_requested", "correction"),
        ("extended", "extension"),
        ("fee_notice_sent", "fee"),
    ):
        if kind in kinds:
            choices.append(LetterChoice(letter, LETTER_TYPES[letter].name))
    for c in case.consultations.order_by("sent_on", "id"):
        name = "征求意见函" if c.kind == "agency" else "第三方意见征询函"
        choices.append(LetterChoice(f"consultation:{c.pk}", f"{name}（{c.party}）"))
    if case.outcome:
        reply_type = reply_letter_type(case.outcome)
        choices.append(LetterChoice(reply_type.key, reply_type.name))
    return choices


# The event each letter answers (its last one in the file); the others answer the
# application itself (receipt) or name their record in the key (consultation:<id>).
SOURCE_EVENTS = {
    "correction": "correction_requested",
    "extension": "extended",
    "fee": "fee_notice_sent",
}


def source_seq(case: Case, key: str) -> int:
    """The seq of the event ``key`` is issued for (0: the application or the record in the
    key); a second 补正告知 or a new 答复 after a reopening is a new letter."""
    letter_key = key.partition(":")[0]
    kind = SOURCE_EVENTS.get(letter_key)
    if kind is None and LETTER_TYPES.get(letter_key) is not None:
        kind = "replied" if LETTER_TYPES[letter_key].is_reply else None
    if kind is None:
        return 0
    found = _last(_rows(case), kind)
    return found[1][3] if found else 0


def case_settings(case: Case) -> CaseSettings:
    found = CaseSettings.objects.filter(agency=case.agency).first()
    return found or CaseSettings(agency=case.agency)


def remedies(case: Case) -> tuple[str, str]:
    """Who reviews and which court hears a complaint about the reply (policy defaults)."""
    settings = case_settings(case)
    agency = case.agency
    parent = agency.parent.name if agency.parent_id and agency.parent else ""
    review_body = settings.review_body or parent or f"{agency.name}的上一级行政机关"
    return review_body, settings.court or "有管辖权的人民法院"


def review_first_scope() -> str:
    """The 复议前置 setting reply letters use (``GONGKAI_REVIEW_FIRST_SCOPE``).

    Default ``refusals``: only 不予公开 and the withheld part of 部分公开 are told to apply
    for reconsideration first; ``refusals_and_non_provision`` adds 无法提供 and 不予处理
    (see ``gongkai.letters.remedies``).
    """
    value = getattr(django_settings, "GONGKAI_REVIEW_FIRST_SCOPE", "") or DEFAULT_REVIEW_FIRST_SCOPE
    return str(review_first_scope_of(value))


def context(case: Case, key: str, sent: dt.date) -> tuple[str, LetterContext]:
    """The letter type and its filled context for ``key`` (see :func:`available`)."""
    rows = _rows(case)
    agency = case.agency
    base: dict[str, Any] = {
        "agency_name": agency.name,
        "office_name": agency.office_name or None,
        "office_address": agency.office_address or None,
        "office_postcode": agency.office_postcode or None,
        "office_phone": agency.office_phone or None,
        "case_number": case.number,
        "applicant_name": case.applicant_name,
        "applicant_organisation": case.applicant_organisation or None,
        "received_date": case.received,
        "request_description": case.description,
        "sent_date": sent,
    }
    letter_key, _, ref = key.partition(":")

    def result_through(index: int) -> Any:
        return clockbridge.compute(case.channel, rows[: index + 1])

    def served_limit(seq: int) -> dt.date | None:
        return clockbridge.compute(case.channel, rows).limit_of(seq)

    if letter_key == "receipt":
        base["due_date"] = clockbridge.compute(
            case.channel, [r for r in rows if r[0] in ("submitted", "signed_for", "confirmed")]
        ).reply_due
    elif letter_key == "correction":
        found = _last(rows, "correction_requested")
        if found is None:
            raise LetterUnavailable("尚未发出补正告知")
        index, (_, day, data, _) = found
        result = result_through(index)
        base |= {
            "sent_date": day,
            "correction_items": tuple(data.get("items") or ()),
            "correction_days": data.get("limit_workdays")
            or result.settings.correction_limit_workdays,
            # the clock's limit, from the notice's service: the letter states the date only
            # once service is recorded, so letter and clock never disagree
            "correction_due_date": served_limit(found[1][3]),
        }
    elif letter_key == "consultation":
        consultation = Consultation.objects.filter(case=case, pk=int(ref or 0)).first()
        if consultation is None:
            raise LetterUnavailable("没有该征求意见记录")
        base |= {
            "sent_date": consultation.sent_on,
            "consultation_kind": consultation.kind or None,  # Art. 32 third party, 34 agency
            "third_party_name": consultation.party,
            "consultation_due_date": consultation.limit,
        }
    elif letter_key == "extension":
        found = _last(rows, "extended")
        if found is None:
            raise LetterUnavailable("没有经批准的延期")
        index, (_, day, data, _) = found
        before = clockbridge.compute(case.channel, rows[:index])
        after = result_through(index)
        base |= {
            "sent_date": day,
            "extension_reason": data.get("reason"),
            "extension_days": data.get("workdays"),
            "due_date": before.reply_due,
            "new_due_date": after.reply_due,
        }
    elif letter_key == "fee":
        found = _last(rows, "fee_notice_sent")
        if found is None:
            raise LetterUnavailable("尚未发出收费通知")
        index, (_, day, data, _) = found
        result = result_through(index)
        payment = data.get("payment_method") or case_settings(case).payment_method
        base |= {
            "sent_date": day,
            "fee_scheme": str(data.get("scheme", "")).replace("-", "_"),
            "fee_quantity": data.get("quantity"),
            "fee_amount": Decimal(str(data.get("amount", 0))),
            "payment_method": payment or "请与本机关联系确认缴费方式",
            "payment_due_date": served_limit(found[1][3]),
        }
    elif LETTER_TYPES.get(letter_key) is not None and LETTER_TYPES[letter_key].is_reply:
        found = _last(rows, "replied")
        if found is None:
            raise LetterUnavailable("尚未答复")
        _, (_, day, data, _) = found
        review_body, court = remedies(case)
        base |= {
            "sent_date": day,
            "outcome": data.get("outcome"),
            "review_body": review_body,
            "court": court,
            "review_first_scope": review_first_scope(),
        }
        for name in (
            "reply_detail",
            "provision_method",
            "published_at",
            "withheld_description",
            "withheld_reason",
            "prohibiting_law",
            "publication_access",
            "responsible_agency",
            "responsible_agency_contact",
            "previous_case_number",
        ):
            if data.get(name):
                base[name] = data[name]
        if data.get("previous_reply_date"):
            base["previous_reply_date"] = dt.date.fromisoformat(data["previous_reply_date"])
    else:
        raise LetterUnavailable(f"未知的文书：{key}")
    return letter_key, LetterContext(**base)


def template_text(agency_id: int, letter_key: str) -> str | None:
    row = LetterTemplate.objects.filter(agency_id=agency_id, letter_type=letter_key).first()
    return row.text if row else None


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise LetterUnavailable(f"不支持的格式：{fmt}")


def fill(case: Case, key: str, sent: dt.date) -> letters.Letter:
    """The letter's text from the agency's template; raises ``LetterError`` naming what is
    missing."""
    letter_key, ctx = context(case, key, sent)
    return letters.render_letter(letter_key, ctx, template_text(case.agency_id, letter_key))


def file_of(case: Case, letter: letters.Letter, fmt: str) -> tuple[str, bytes]:
    """(file name, content) of a filled letter as DOCX or PDF."""
    check_format(fmt)
    content = letters.to_docx(letter) if fmt == "docx" else letters.to_pdf(letter)
    return f"{case.number}-{LETTER_TYPES[letter.letter_type].name}.{fmt}", content


def make(case: Case, key: str, fmt: str, sent: dt.date) -> tuple[str, bytes, letters.Letter]:
    """(file name, content, letter); raises ``LetterError`` naming what is missing."""
    check_format(fmt)
    letter = fill(case, key, sent)
    return (*file_of(case, letter, fmt), letter)
