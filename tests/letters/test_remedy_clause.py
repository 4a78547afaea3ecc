"""The remedy clause of a reply letter follows the law in force on the letter's date and
the outcome: before 2024-01-01 reconsideration or litigation; from 2024-01-01 (行政复议法
2023年修订 第二十三条第一款第（四）项、第二款) reconsideration first for 不予公开."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from gongkai.letters import ContextError, render_letter, reply_letter_type
from gongkai.letters.remedies import (
    REMEDY_CLAUSES,
    RemedyCategory,
    ReviewFirstScope,
    remedy_clause,
)
from gongkai.outcomes import OUTCOMES, OutcomeGroup
from tests.letters.conftest import full_context

BEFORE = dt.date(2023, 12, 29)
FROM = dt.date(2024, 1, 1)
LATER = dt.date(2026, 11, 24)

EITHER = (
    "如对本答复不服，可以自收到本告知书之日起六十日内向示例省人民政府申请行政复议，"
    "或者自收到本告知书之日起六个月内向示例市中级人民法院提起行政诉讼。"
)
FIRST = (
    "如对本答复不服，应当先自收到本告知书之日起六十日内向示例省人民政府申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向示例市中级人民法院提起行政诉讼。"
)
PARTIAL = (
    "如对本答复中不予公开的部分不服，应当先自收到本告知书之日起六十日内向示例省人民政府申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向示例市中级人民法院提起行政诉讼。"
    "如对本答复的其他内容不服，可以自收到本告知书之日起六十日内向示例省人民政府申请行政复议，"
    "或者自收到本告知书之日起六个月内向示例市中级人民法院提起行政诉讼。"
)

REFUSALS = sorted(k for k, o in OUTCOMES.items() if o.group is OutcomeGroup.DENIED)
NON_PROVISION = sorted(
    k for k, o in OUTCOMES.items() if o.group in (OutcomeGroup.UNABLE, OutcomeGroup.NOT_PROCESSED)
)
OTHERS = sorted(
    k for k, o in OUTCOMES.items() if o.group in (OutcomeGroup.GRANTED, OutcomeGroup.OTHER)
)


def letter(outcome: str, sent: dt.date, **changes: object) -> str:
    context = dataclasses.replace(
        full_context(), outcome=outcome, sent_date=sent, reply_detail="（说明）", **changes
    )
    return render_letter(reply_letter_type(outcome).key, context).as_text()


@pytest.mark.parametrize("key", sorted(OUTCOMES))
def test_before_2024_every_reply_offers_the_choice(key):
    text = letter(key, BEFORE)
    assert EITHER in text and "应当先" not in text
    clause = remedy_clause(key, BEFORE)
    assert clause.key == "either_2017"
    assert "《中华人民共和国行政复议法》（2017年修正）第九条第一款" in clause.basis
    assert "《中华人民共和国行政诉讼法》第四十六条第一款" in clause.basis
    assert "《中华人民共和国政府信息公开条例》第五十一条" in clause.basis


@pytest.mark.parametrize("key", REFUSALS)
@pytest.mark.parametrize("sent", [FROM, LATER])
def test_from_2024_a_refusal_goes_to_reconsideration_first(key, sent):
    assert FIRST in letter(key, sent)
    basis = remedy_clause(key, sent).basis
    assert (
        "《中华人民共和国行政复议法》（2023年修订）第二十条第一款、第二十三条第一款第（四）项和第二款"
        in basis
    )
    assert "《中华人民共和国行政诉讼法》第四十四条第二款、第四十五条" in basis


@pytest.mark.parametrize("sent", [FROM, LATER])
def test_from_2024_partial_disclosure_is_reconsideration_first_for_the_withheld_part(sent):
    text = letter("partial", sent)
    assert PARTIAL in text
    clause = remedy_clause("partial", sent)
    assert clause.key == "review_first_partial_2023"
    assert "第二十三条第一款第（四）项和第二款" in clause.basis
    assert "第四十六条第一款" in clause.basis  # the rest: the either/or period


@pytest.mark.parametrize("key", NON_PROVISION + OTHERS)
def test_from_2024_other_replies_keep_the_choice_with_the_2023_basis(key):
    text = letter(key, FROM)
    assert EITHER in text and "应当先" not in text
    clause = remedy_clause(key, FROM)
    assert clause.key == "either_2023"
    assert clause.basis.startswith("《中华人民共和国行政复议法》（2023年修订）第二十条第一款")
    assert "《中华人民共和国行政诉讼法》第四十六条第一款" in clause.basis
    assert "2017" not in clause.basis and "第二十三条" not in clause.basis


@pytest.mark.parametrize("key", NON_PROVISION)
def test_the_scope_setting_can_put_non_provision_under_review_first(key):
    broad = ReviewFirstScope.REFUSALS_AND_NON_PROVISION
    assert remedy_clause(key, FROM, broad).key == "review_first_2023"
    assert FIRST in letter(key, FROM, review_first_scope=broad.value)
    # the setting does not reach back before the 2023 revision took effect
    assert EITHER in letter(key, BEFORE, review_first_scope=broad.value)


@pytest.mark.parametrize("key", OTHERS)
def test_the_scope_setting_leaves_granted_and_other_replies_alone(key):
    assert EITHER in letter(key, FROM, review_first_scope="refusals_and_non_provision")


def test_the_default_scope_is_refusals_only():
    assert remedy_clause("unable_1", FROM).key == remedy_clause("unable_1", FROM, None).key
    assert remedy_clause("unable_1", FROM, "refusals").key == "either_2023"


def test_an_unknown_scope_is_a_clear_error():
    with pytest.raises(ContextError, match="未知的复议前置适用范围 'all'"):
        letter("denied_1", FROM, review_first_scope="all")


def test_the_table_covers_every_category_on_every_day_exactly_once():
    for day in (dt.date(2019, 5, 15), BEFORE, FROM, LATER):
        for category in RemedyCategory:
            found = [c for c in REMEDY_CLAUSES if category in c.applies_to and c.in_force(day)]
            assert len(found) == 1, (day, category)


def test_the_basis_is_exposed_to_templates():
    template = "# 告知书\n{{ remedy_clause }}\n依据：{{ remedy_basis }}\n"
    context = dataclasses.replace(full_context(), outcome="denied_1", sent_date=LATER)
    text = render_letter("reply_denied", context, template).as_text()
    assert "依据：《中华人民共和国行政复议法》（2023年修订）" in text


def test_a_missing_review_body_is_reported_not_the_clause():
    from gongkai.letters import MissingFieldsError

    context = dataclasses.replace(full_context(), outcome="denied_1", review_body=None)
    with pytest.raises(MissingFieldsError) as info:
        render_letter("reply_denied", context)
    assert info.value.fields == ["review_body"]
