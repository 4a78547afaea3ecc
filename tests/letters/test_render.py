"""Letters are filled from the case and agency details; gaps and bad templates are refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import gongkai.letters
from gongkai.letters import (
    DERIVED_LABELS,
    FIELD_LABELS,
    LETTER_TYPES,
    ContextError,
    LetterContext,
    MissingFieldsError,
    TemplateError,
    UnknownLetterTypeError,
    chinese_date,
    letter_type,
    preview_template,
    render_letter,
    reply_letter_type,
)
from gongkai.outcomes import OUTCOMES, OutcomeGroup
from tests.letters.conftest import context_for

TITLES = {
    "receipt": "受理回执",
    "correction": "补正告知书",
    "consultation": "意见征询函",
    "extension": "延期答复告知书",
    "fee": "收费通知书",
    "reply_granted": "予以公开告知书",
    "reply_partial": "部分公开告知书",
    "reply_denied": "不予公开告知书",
    "reply_repeated": "重复申请告知书",
}


def test_chinese_dates_are_not_zero_padded():
    assert chinese_date(dt.date(2026, 11, 3)) == "2026年11月3日"


@pytest.mark.parametrize("key", sorted(LETTER_TYPES))
def test_each_letter_type_renders_from_a_full_context(key):
    context = context_for(key)
    letter = render_letter(key, context)
    text = letter.as_text()
    assert letter.title.endswith(TITLES.get(key, "告知书"))
    assert letter.signature == "示例市人民政府办公室"
    assert letter.date == "2026年11月24日"
    assert "示政办依申请〔2026〕第27号" in text
    assert "联系电话：010-12345678" in text
    assert "None" not in text and "{{" not in text and "{%" not in text
    assert "（印章）" in text


def test_applicant_letters_address_the_applicant_and_quote_the_request(context):
    for key in ("receipt", "correction", "extension", "fee", "reply_granted"):
        text = render_letter(key, context_for(key)).as_text()
        assert "张三（示例律师事务所）：" in text
        assert "2025年度示例市老旧小区改造项目资金分配明细" in text
        assert "2026年11月3日收到" in text


def test_receipt_states_the_reply_due_date(context):
    assert "即2026年12月1日前作出答复" in render_letter("receipt", context).as_text()


def test_correction_notice_lists_items_and_limit(context):
    text = render_letter("correction", context).as_text()
    assert "1．请明确所需资金分配明细的年度" in text
    assert "2．请说明所指项目的名称或者文号" in text
    assert "15个工作日内，即2026年12月15日前" in text
    assert "第三十条" in text and "视为放弃申请" in text


def test_consultation_letter_gives_the_third_party_fifteen_working_days(context):
    text = render_letter("consultation", context).as_text()
    assert text.splitlines()[3] == "示例建设工程有限公司："
    assert "15个工作日内，即2026年12月15日前" in text
    assert "第三十二条" in text
    assert "张三" not in text  # the applicant's identity is not disclosed to the third party


def test_extension_notice_gives_reason_and_new_due_date(context):
    text = render_letter("extension", context).as_text()
    assert "因申请获取的信息涉及多个部门" in text
    assert "延长20个工作日" in text and "于2026年12月29日前作出答复" in text
    assert "第三十三条第二款" in text


def test_extension_beyond_twenty_working_days_is_refused(context):
    with pytest.raises(ContextError, match="最长不超过 20 个工作日"):
        render_letter("extension", dataclasses.replace(context, extension_days=25))


def test_fee_notice_states_basis_standard_amount_and_payment(context):
    text = render_letter("fee", context).as_text()
    assert "国办函〔2020〕109号" in text
    assert "按量计收" in text and "每页收费20元" in text
    assert "计费数量：150页" in text
    assert "人民币1700.00元" in text
    assert "非税收入电子缴款平台" in text
    assert "20个工作日内，即2026年12月22日前" in text


def test_fee_notice_per_application_and_own_standard(context):
    per_app = dataclasses.replace(
        context, fee_scheme="per_application", fee_quantity=12, fee_amount=Decimal("200")
    )
    text = render_letter("fee", per_app).as_text()
    assert "按件计收" in text and "12件" in text and "人民币200.00元" in text
    own = dataclasses.replace(context, fee_standard="本机关公布的收费标准")
    assert "收费标准：本机关公布的收费标准" in render_letter("fee", own).as_text()


def test_unknown_fee_scheme_is_refused(context):
    with pytest.raises(ContextError, match="未知的计收方式"):
        render_letter("fee", dataclasses.replace(context, fee_scheme="per_hour"))


@pytest.mark.parametrize("key", sorted(OUTCOMES))
def test_reply_letter_for_each_outcome_names_its_basis_and_remedies(key, context):
    reply = reply_letter_type(key)
    detail = "经核查，该申请已由申请人撤回。"
    case = dataclasses.replace(context, outcome=key, reply_detail=detail, responsible_agency=None)
    letter = render_letter(reply.key, case)
    text = letter.as_text()
    outcome = OUTCOMES[key]
    if outcome.articles:
        assert "《中华人民共和国政府信息公开条例》第" in text
        assert any(article in text for article in outcome.articles), text
    else:  # 其他处理 has no provision of its own: the letter says what happened
        assert detail in text
    if outcome.decision:
        assert outcome.decision in text
    # the letter is dated 2026: 行政复议法（2023年修订）, see tests/letters/test_remedy_clause.py
    assert "六十日内向示例省人民政府申请行政复议" in text
    if outcome.group in (OutcomeGroup.DENIED, OutcomeGroup.PARTIAL):
        assert "应当先自收到本告知书之日起六十日内向示例省人民政府申请行政复议" in text
        assert "十五日内向示例市中级人民法院提起行政诉讼" in text
    else:
        assert "应当先" not in text
        assert "六个月内向示例市中级人民法院提起行政诉讼" in text


def test_not_this_agencys_information_names_the_responsible_agency(context):
    ours = dataclasses.replace(context, outcome="unable_1")
    text = render_letter("reply_unable", ours).as_text()
    assert "第三十六条第（五）项" in text and "示例市住房和城乡建设局" in text
    absent = dataclasses.replace(ours, responsible_agency=None)
    text = render_letter("reply_unable", absent).as_text()
    assert "第三十六条第（四）项" in text and "不存在" in text


def test_already_public_information_is_answered_with_where_to_find_it(context):
    published = dataclasses.replace(
        context, published_at="示例市人民政府门户网站“政府信息公开”专栏"
    )
    text = render_letter("reply_granted", published).as_text()
    assert "第三十六条第（一）项" in text and "门户网站" in text


def test_other_outcome_requires_the_reply_detail(context):
    with pytest.raises(MissingFieldsError) as info:
        render_letter("reply_other", dataclasses.replace(context, outcome="other_3"))
    assert info.value.fields == ["reply_detail"]


def test_reply_letter_must_match_the_outcome(context):
    with pytest.raises(ContextError, match="应使用予以公开告知书"):
        render_letter("reply_denied", dataclasses.replace(context, outcome="granted"))


def test_unknown_outcome_and_letter_type_are_clear_errors(context):
    with pytest.raises(ContextError, match="未知的办理结果"):
        render_letter("reply_denied", dataclasses.replace(context, outcome="denied_9"))
    with pytest.raises(UnknownLetterTypeError, match=r"未知的文书类型 'memo'.*补正告知书"):
        letter_type("memo")


def test_missing_fields_are_all_listed_and_no_letter_is_made():
    context = LetterContext(agency_name="示例市人民政府办公室", case_number="1号")
    with pytest.raises(MissingFieldsError) as info:
        render_letter("correction", context)
    expected = {
        "sent_date",
        "applicant_name",
        "received_date",
        "request_description",
        "correction_items",
        "correction_days",
    }  # the due date is optional: the limit runs from service, often not yet known
    assert set(info.value.fields) == expected
    message = str(info.value)
    assert message.startswith("无法生成补正告知书：缺少字段")
    assert "补正期限（工作日）（correction_days）" in message
    assert "申请人姓名或名称（applicant_name）" in message


def test_a_field_used_only_by_an_edited_template_is_reported_when_empty(context):
    template = "# 告知书\n{{ applicant }}：\n请于{{ payment_due_date }}前缴费。\n"
    with pytest.raises(MissingFieldsError) as info:
        render_letter("receipt", dataclasses.replace(context, payment_due_date=None), template)
    assert info.value.fields == ["payment_due_date"]


def test_edited_template_replaces_the_default(context):
    template = (
        "# {{ agency_name }}告知书\n"
        "> {{ applicant }}：\n"
        "您于{{ received_date }}提交的申请已登记，编号{{ case_number }}。\n"
        "{% if office_phone %}\n"
        "> 咨询电话：{{ office_phone }}\n"
        "{% endif %}\n"
    )
    letter = render_letter("receipt", context, template)
    assert letter.title == "示例市人民政府办公室告知书"
    texts = [p.text for p in letter.paragraphs]
    assert texts == [
        "张三（示例律师事务所）：",
        "您于2026年11月3日提交的申请已登记，编号示政办依申请〔2026〕第27号。",
        "咨询电话：010-12345678",
    ]
    assert [p.style.value for p in letter.paragraphs] == ["flush", "body", "flush"]


def test_broken_template_reports_its_line(context):
    template = "# 告知书\n> {{ applicant }}：\n{% if office_phone %}\n电话：{{ office_phone }}\n"
    with pytest.raises(TemplateError) as info:
        render_letter("receipt", context, template)
    assert info.value.lineno == 4
    assert str(info.value).startswith("模板第 4 行：模板语法错误")


def test_unknown_field_in_template_reports_its_line(context):
    template = "# 告知书\n> {{ applicant }}：\n\n您的手机号为{{ applicant_mobile }}。\n"
    with pytest.raises(TemplateError) as info:
        render_letter("receipt", context, template)
    assert info.value.lineno == 4
    assert "未知字段 applicant_mobile" in str(info.value)


def test_unknown_filter_reports_its_line(context):
    with pytest.raises(TemplateError) as info:
        render_letter("receipt", context, "# 告知书\n{{ received_date | shout }}\n")
    assert info.value.lineno == 2


def test_template_cannot_reach_python_internals(context):
    with pytest.raises(TemplateError, match="模板无法填写"):
        render_letter("receipt", context, "# 告知书\n{{ agency_name.__class__.__mro__ }}\n")


def test_template_without_title_is_refused(context):
    with pytest.raises(TemplateError, match="缺少标题行"):
        render_letter("receipt", context, "{{ applicant }}：您好。\n")


def test_context_from_json_names_bad_fields():
    with pytest.raises(ContextError, match="未知字段：applicant_mobile"):
        LetterContext.from_mapping({"applicant_mobile": "1"})
    with pytest.raises(ContextError, match=r"收到申请日期（received_date） 应为日期"):
        LetterContext.from_mapping({"received_date": "2026-13-01"})
    with pytest.raises(ContextError, match="应为整数"):
        LetterContext.from_mapping({"correction_days": "fifteen"})
    with pytest.raises(ContextError, match="应为文字列表"):
        LetterContext.from_mapping({"correction_items": "一项"})
    with pytest.raises(ContextError, match="应为文字"):
        LetterContext.from_mapping({"agency_name": 3})


def test_granted_needs_a_provision_method_unless_already_public(context):
    case = dataclasses.replace(context, provision_method=None)
    with pytest.raises(MissingFieldsError) as info:
        render_letter("reply_granted", case)
    assert info.value.fields == ["provision_method"]
    public = dataclasses.replace(case, published_at="本机关门户网站")
    assert "本机关门户网站" in render_letter("reply_granted", public).as_text()


@pytest.mark.parametrize("key", sorted(LETTER_TYPES))
def test_default_templates_preview_with_the_sample_case(key):
    letter = preview_template(key, LETTER_TYPES[key].default_template())
    assert letter.title and letter.paragraphs


def test_preview_reports_the_broken_line_of_an_edited_template():
    with pytest.raises(TemplateError) as info:
        preview_template("extension", "# 延期告知\n\n{{ new_due_date }\n")
    assert info.value.lineno == 3


def test_template_readme_documents_every_field_and_letter_type():
    readme = (Path(gongkai.letters.__file__).parent / "templates" / "README.md").read_text(
        encoding="utf-8"
    )
    for name in (*FIELD_LABELS, *DERIVED_LABELS, *LETTER_TYPES):
        assert f"`{name}`" in readme, name


def test_a_failing_expression_in_an_edited_template_reports_its_line(context):
    template = "# 告知书\n\n费用每件{{ fee_quantity // 0 }}元。\n"
    with pytest.raises(TemplateError) as info:
        render_letter("receipt", context, template)
    assert info.value.lineno == 3
