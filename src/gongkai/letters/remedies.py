"""How a reply letter tells the applicant where to turn: remedy clauses as data.

A reply letter ends with the remedy clause (救济途径告知). Which clause applies follows
from the law in force on the letter's date (``sent_date``, the day the reply is made) and
from the outcome:

- before 2024-01-01, every reply: reconsideration **or** litigation, at the applicant's
  choice (《行政复议法》（2017年修正）第九条第一款: 60 days; 《行政诉讼法》第四十六条第一款:
  6 months; 条例第五十一条);
- from 2024-01-01 (《行政复议法》2023年修订 in force), a refusal to disclose is under
  复议前置 (第二十三条第一款第（四）项 "申请政府信息公开，行政机关不予公开"), and the agency
  must tell the applicant to apply for reconsideration first (第二十三条第二款); the court
  then hears a complaint about the reconsideration decision within 15 days of receiving it
  (《行政诉讼法》第四十四条第二款、第四十五条). A 部分公开 reply refuses the withheld part
  only: the clause says so and leaves the choice open for the rest;
- from 2024-01-01, every other reply: reconsideration or litigation, with the 2023 basis.

Which outcomes count as a refusal is a setting (``ReviewFirstScope``): the law names
"不予公开"; by default (``refusals``) that is every 不予公开 row (denied_*) and the withheld
part of 部分公开. ``refusals_and_non_provision`` also puts 无法提供 (unable_*) and 不予处理
(not_processed_*) replies under 复议前置, for agencies (or review bodies) that read the
provision as covering every reply that does not provide the information. 其他处理
(other_*) and 公开 replies always keep the choice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from gongkai.outcomes import REGULATION, OutcomeGroup, outcome

REVIEW_LAW_2017 = "《中华人民共和国行政复议法》（2017年修正）"
REVIEW_LAW_2023 = "《中华人民共和国行政复议法》（2023年修订）"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》"
REVIEW_FIRST_FROM = dt.date(2024, 1, 1)  # 行政复议法（2023年修订）施行之日


class ReviewFirstScope(StrEnum):
    """Which replies are "不予公开" for 复议前置 (policy; default ``REFUSALS``)."""

    REFUSALS = "refusals"  # denied_* and the withheld part of partial
    REFUSALS_AND_NON_PROVISION = "refusals_and_non_provision"  # also unable_*, not_processed_*


DEFAULT_REVIEW_FIRST_SCOPE = ReviewFirstScope.REFUSALS

SCOPE_LABELS: dict[ReviewFirstScope, str] = {
    ReviewFirstScope.REFUSALS: "仅不予公开及部分公开中不予公开的部分（默认）",
    ReviewFirstScope.REFUSALS_AND_NON_PROVISION: "不予公开、部分公开中不予公开的部分，以及无法提供、不予处理",
}


class RemedyCategory(StrEnum):
    """How a reply stands for the remedy clause (after the scope setting is applied)."""

    REFUSAL = "refusal"  # the reply refuses disclosure
    PARTIAL_REFUSAL = "partial_refusal"  # 部分公开: refuses the withheld part
    OTHER = "other"  # any other reply


@dataclass(frozen=True)
class RemedyClause:
    key: str
    effective_from: dt.date | None  # first letter date it applies to (None: no lower bound)
    effective_until: dt.date | None  # first letter date it no longer applies to
    applies_to: frozenset[RemedyCategory]
    text: str  # the letter sentence; {review_body} and {court} are filled in
    basis: str  # the provisions the clause rests on, cited in full

    def in_force(self, day: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and (
            self.effective_until is None or day < self.effective_until
        )

    def sentence(self, review_body: str, court: str) -> str:
        return self.text.format(review_body=review_body, court=court)


_ALL = frozenset(RemedyCategory)
_EITHER = (
    "可以自收到本告知书之日起六十日内向{review_body}申请行政复议，"
    "或者自收到本告知书之日起六个月内向{court}提起行政诉讼。"
)
_FIRST = (
    "应当先自收到本告知书之日起六十日内向{review_body}申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向{court}提起行政诉讼。"
)
_BASIS_2017 = (
    f"{REVIEW_LAW_2017}第九条第一款、{LITIGATION_LAW}第四十六条第一款和{REGULATION}第五十一条"
)
_BASIS_2023_EITHER = (
    f"{REVIEW_LAW_2023}第二十条第一款、{LITIGATION_LAW}第四十六条第一款和{REGULATION}第五十一条"
)
_BASIS_2023_FIRST = (
    f"{REVIEW_LAW_2023}第二十条第一款、第二十三条第一款第（四）项和第二款，"
    f"{LITIGATION_LAW}第四十四条第二款、第四十五条和{REGULATION}第五十一条"
)
_BASIS_2023_PARTIAL = (  # the withheld part review first; the rest either way
    f"{REVIEW_LAW_2023}第二十条第一款、第二十三条第一款第（四）项和第二款，"
    f"{LITIGATION_LAW}第四十四条第二款、第四十五条、第四十六条第一款和{REGULATION}第五十一条"
)

REMEDY_CLAUSES: tuple[RemedyClause, ...] = (
    RemedyClause(
        "either_2017",
        None,
        REVIEW_FIRST_FROM,
        _ALL,
        "如对本答复不服，" + _EITHER,
        _BASIS_2017,
    ),
    RemedyClause(
        "review_first_2023",
        REVIEW_FIRST_FROM,
        None,
        frozenset({RemedyCategory.REFUSAL}),
        "如对本答复不服，" + _FIRST,
        _BASIS_2023_FIRST,
    ),
    RemedyClause(
        "review_first_partial_2023",
        REVIEW_FIRST_FROM,
        None,
        frozenset({RemedyCategory.PARTIAL_REFUSAL}),
        "如对本答复中不予公开的部分不服，" + _FIRST + "如对本答复的其他内容不服，" + _EITHER,
        _BASIS_2023_PARTIAL,
    ),
    RemedyClause(
        "either_2023",
        REVIEW_FIRST_FROM,
        None,
        frozenset({RemedyCategory.OTHER}),
        "如对本答复不服，" + _EITHER,
        _BASIS_2023_EITHER,
    ),
)


class UnknownScopeError(ValueError):
    pass


def review_first_scope(value: str | ReviewFirstScope | None) -> ReviewFirstScope:
    """The scope setting from its key (None: the default), or a clear error."""
    if value is None or value == "":
        return DEFAULT_REVIEW_FIRST_SCOPE
    try:
        return ReviewFirstScope(value)
    except ValueError:
        known = "、".join(f"{s.value}（{SCOPE_LABELS[s]}）" for s in ReviewFirstScope)
        raise UnknownScopeError(f"未知的复议前置适用范围 {value!r}（可用：{known}）") from None


def remedy_category(
    outcome_key: str, scope: str | ReviewFirstScope | None = DEFAULT_REVIEW_FIRST_SCOPE
) -> RemedyCategory:
    """How the reply of ``outcome_key`` stands for the remedy clause under ``scope``."""
    group = outcome(outcome_key).group
    if group is OutcomeGroup.PARTIAL:
        return RemedyCategory.PARTIAL_REFUSAL
    if group is OutcomeGroup.DENIED:
        return RemedyCategory.REFUSAL
    broad = review_first_scope(scope) is ReviewFirstScope.REFUSALS_AND_NON_PROVISION
    if broad and group in (OutcomeGroup.UNABLE, OutcomeGroup.NOT_PROCESSED):
        return RemedyCategory.REFUSAL
    return RemedyCategory.OTHER


def remedy_clause(
    outcome_key: str,
    letter_date: dt.date,
    scope: str | ReviewFirstScope | None = DEFAULT_REVIEW_FIRST_SCOPE,
) -> RemedyClause:
    """The clause a reply letter of ``outcome_key`` dated ``letter_date`` must carry.

    ``scope`` is the 复议前置 setting (see the module docstring; default: only 不予公开 and
    the withheld part of 部分公开).
    """
    category = remedy_category(outcome_key, scope)
    for clause in REMEDY_CLAUSES:
        if category in clause.applies_to and clause.in_force(letter_date):
            return clause
    raise LookupError(f"no remedy clause for {category} on {letter_date}")  # the table covers all


__all__ = [
    "DEFAULT_REVIEW_FIRST_SCOPE",
    "LITIGATION_LAW",
    "REMEDY_CLAUSES",
    "REVIEW_FIRST_FROM",
    "REVIEW_LAW_2017",
    "REVIEW_LAW_2023",
    "SCOPE_LABELS",
    "RemedyCategory",
    "RemedyClause",
    "ReviewFirstScope",
    "UnknownScopeError",
    "remedy_category",
    "remedy_clause",
    "review_first_scope",
]
