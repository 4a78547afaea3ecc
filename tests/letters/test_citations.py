"""Letters cite what the Regulation requires: 部分公开 (Art. 37) names the withheld part and
the article it is withheld under (14, 15 or 16); 禁止公开 (Art. 14) names the law; a
consultation of another agency is Art. 34; 公开出版物 (Art. 39 ¶2) says where to get it."""

from __future__ import annotations

import dataclasses

import pytest

from gongkai.letters import ContextError, MissingFieldsError, render_letter
from gongkai.letters.context import WITHHELD_REASONS, withheld_part
from gongkai.outcomes import OUTCOMES
from tests.letters.conftest import full_context

REG = "《中华人民共和国政府信息公开条例》"
LAW = "《中华人民共和国档案法》第二十八条"

WITHHELD_ARTICLES = {
    "denied_1": "第十四条",
    "denied_2": "第十四条",
    "denied_3": "第十四条",
    "denied_4": "第十五条、第三十二条",
    "denied_5": "第十六条第一款",
    "denied_6": "第十六条第二款",
    "denied_7": "第十六条第二款",
}


def partial(**changes: object) -> str:
    context = dataclasses.replace(full_context(), outcome="partial", **changes)
    return render_letter("reply_partial", context).as_text()


def test_the_withheld_reasons_are_the_denied_rows_of_articles_14_to_16():
    assert set(WITHHELD_REASONS) == set(WITHHELD_ARTICLES)


@pytest.mark.parametrize("reason", sorted(WITHHELD_ARTICLES))
def test_partial_cites_the_article_of_the_withheld_part(reason):
    text = partial(withheld_reason=reason, prohibiting_law=LAW)
    assert f"根据{REG}第三十七条的规定" in text
    assert "其中，不予公开的部分为：项目承建单位的银行账户信息。" in text
    finding = OUTCOMES[reason].finding if reason != "denied_2" else f"属于{LAW}禁止公开的信息"
    assert f"该部分信息{finding}，根据{REG}{WITHHELD_ARTICLES[reason]}" in text
    # each finding is the one the full 不予公开 letter gives
    assert (
        OUTCOMES[reason].explanation == f"经审查，您申请获取的政府信息{OUTCOMES[reason].finding}。"
    )


def test_partial_needs_the_reason_of_the_withheld_part():
    with pytest.raises(MissingFieldsError) as info:
        partial(withheld_reason=None)
    assert info.value.fields == ["withheld_reason"]
    assert "不予公开部分的理由（withheld_reason）" in str(info.value)


def test_partial_withheld_because_a_law_prohibits_it_needs_the_law():
    with pytest.raises(MissingFieldsError) as info:
        partial(withheld_reason="denied_2", prohibiting_law=None)
    assert info.value.fields == ["prohibiting_law"]
    text = partial(withheld_reason="denied_2", prohibiting_law=LAW)
    assert f"根据{REG}第十四条和{LAW}的规定，不予公开" in text


def test_partial_reason_must_be_a_refusal():
    with pytest.raises(ContextError, match="不予公开部分的理由应为不予公开的办理结果"):
        partial(withheld_reason="unable_1")


@pytest.mark.parametrize(
    "written",
    [
        "项目承建单位的银行账户信息",
        "项目承建单位的银行账户信息不予公开",
        "项目承建单位的银行账户信息不予公开。",
        "项目承建单位的银行账户信息，依法不予公开。",
    ],
)
def test_partial_does_not_repeat_what_staff_wrote(written):
    text = partial(withheld_description=written)
    assert "不予公开的部分为：项目承建单位的银行账户信息。该部分信息" in text
    assert "不予公开不予公开" not in text and "不予公开。。" not in text
    assert withheld_part(written) == "项目承建单位的银行账户信息"


def test_withheld_part_keeps_a_description_that_is_only_the_refusal():
    assert withheld_part("不予公开") == "不予公开"


def test_denied_2_names_the_law():
    context = dataclasses.replace(full_context(), outcome="denied_2")
    text = render_letter("reply_denied", context).as_text()
    assert f"经审查，您申请获取的政府信息属于{LAW}禁止公开的信息。" in text
    assert f"根据{REG}第十四条和{LAW}的规定，本机关决定不予公开。" in text


def test_denied_2_without_the_law_is_refused_naming_the_field():
    context = dataclasses.replace(full_context(), outcome="denied_2", prohibiting_law=None)
    with pytest.raises(MissingFieldsError) as info:
        render_letter("reply_denied", context)
    assert info.value.fields == ["prohibiting_law"]
    assert "禁止公开的法律、行政法规及条款（prohibiting_law）" in str(info.value)


@pytest.mark.parametrize("key", ["denied_1", "denied_3", "denied_4"])
def test_other_refusals_do_not_need_a_law(key):
    context = dataclasses.replace(full_context(), outcome=key, prohibiting_law=None)
    assert LAW not in render_letter("reply_denied", context).as_text()


def test_agency_consultation_cites_article_34_and_deemed_consent():
    context = dataclasses.replace(
        full_context(), consultation_kind="agency", third_party_name="示例市财政局"
    )
    letter = render_letter("consultation", context)
    text = letter.as_text()
    assert letter.title == "政府信息公开征求意见函"
    assert f"根据{REG}第三十四条的规定" in text and "第三十二条" not in text
    assert "共同制作" in text
    assert "自收到本征求意见书之日起15个工作日内，即2026年12月15日前" in text
    assert "逾期未提出意见的，视为同意公开" in text


def test_third_party_consultation_stays_article_32():
    for kind in (None, "third_party"):
        context = dataclasses.replace(full_context(), consultation_kind=kind)
        text = render_letter("consultation", context).as_text()
        assert f"根据{REG}第三十二条的规定" in text and "视为同意公开" not in text
        assert "由本机关依照" not in text and "本机关将依照" in text


def test_unknown_consultation_kind_is_refused():
    context = dataclasses.replace(full_context(), consultation_kind="court")
    with pytest.raises(ContextError, match="未知的征求意见对象类型"):
        render_letter("consultation", context)


def test_publication_reply_names_where_to_get_it():
    context = dataclasses.replace(full_context(), outcome="not_processed_3")
    text = render_letter("reply_not_processed", context).as_text()
    assert f"根据{REG}第三十九条第二款的规定" in text
    assert "获取途径：示例市图书馆政府公开信息查阅点（示例市文化路2号）。" in text


def test_publication_reply_without_the_route_is_refused():
    context = dataclasses.replace(
        full_context(), outcome="not_processed_3", publication_access=None
    )
    with pytest.raises(MissingFieldsError) as info:
        render_letter("reply_not_processed", context)
    assert info.value.fields == ["publication_access"]


def test_other_not_processed_replies_do_not_mention_the_route():
    context = dataclasses.replace(full_context(), outcome="not_processed_1")
    assert "获取途径" not in render_letter("reply_not_processed", context).as_text()
