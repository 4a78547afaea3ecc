"""Try an edited template before saving it: render it against a sample case.

The platform's template editor calls ``preview_template`` on save: a template that does
not parse, uses an unknown field or fails while filling raises ``TemplateError`` naming
the line. The sample fills every field, so fields a real case leaves empty are reported
later, when that case's letter is made (``MissingFieldsError``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from gongkai.letters.context import LetterContext
from gongkai.letters.render import Letter, render_letter
from gongkai.letters.types import letter_type

SAMPLE_CONTEXT = LetterContext(
    agency_name="示例市人民政府办公室",
    office_name="示例市人民政府办公室政务公开科",
    office_address="示例市人民大道1号",
    office_postcode="100001",
    office_phone="010-12345678",
    case_number="示政办依申请〔2026〕第1号",
    applicant_name="张三",
    applicant_organisation="示例律师事务所",
    received_date=dt.date(2026, 11, 3),
    request_description="2025年度示例市老旧小区改造项目资金分配明细",
    sent_date=dt.date(2026, 11, 24),
    due_date=dt.date(2026, 12, 1),
    reply_detail="（答复说明）",
    provision_method="电子邮件",
    withheld_description="项目承建单位的银行账户信息",
    withheld_reason="denied_4",
    prohibiting_law="《中华人民共和国档案法》第二十八条",
    publication_access="示例市图书馆政府公开信息查阅点",
    responsible_agency="示例市住房和城乡建设局",
    responsible_agency_contact="010-87654321",
    previous_reply_date=dt.date(2026, 6, 15),
    previous_case_number="示政办依申请〔2026〕第9号",
    review_body="示例省人民政府",
    court="示例市中级人民法院",
    correction_items=("请明确所需信息的年度", "请说明所指项目的名称或者文号"),
    correction_days=15,
    correction_due_date=dt.date(2026, 12, 15),
    third_party_name="示例建设工程有限公司",
    consultation_due_date=dt.date(2026, 12, 15),
    extension_reason="申请获取的信息涉及多个部门，需要调取、汇总大量档案",
    extension_days=20,
    new_due_date=dt.date(2026, 12, 29),
    fee_scheme="per_volume",
    fee_quantity=150,
    fee_amount=Decimal("1700"),
    payment_method="通过非税收入电子缴款平台缴纳",
    payment_due_date=dt.date(2026, 12, 22),
)


def sample_context(letter_type_key: str) -> LetterContext:
    """The sample case, with an outcome the letter type answers (for reply letters)."""
    kind = letter_type(letter_type_key)
    return dataclasses.replace(SAMPLE_CONTEXT, outcome=kind.outcomes[0] if kind.is_reply else None)


def preview_template(letter_type_key: str, template_text: str) -> Letter:
    """Render an edited template with the sample case; raises what ``render_letter`` raises."""
    return render_letter(letter_type_key, sample_context(letter_type_key), template_text)
