"""The case and agency details a letter is filled from, and how templates see them.

``LetterContext`` is the documented set of fields: each carries its Chinese label in the
field metadata (shown in errors and in the template editor). Templates receive the values
already written for a letter: dates as "2026年11月24日", amounts as "300.00".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.calendar.labels import cn_date as chinese_date  # 2026年11月3日, as documents write it
from gongkai.letters.errors import ContextError
from gongkai.letters.remedies import UnknownScopeError, remedy_clause, review_first_scope
from gongkai.outcomes import FEE_MEASURES, OUTCOMES, REGULATION, UnknownOutcomeError, outcome


@dataclass(frozen=True)
class LetterContext:
    # the agency and its disclosure office
    agency_name: str | None = field(default=None, metadata={"label": "行政机关名称"})
    office_name: str | None = field(default=None, metadata={"label": "政府信息公开工作机构"})
    office_address: str | None = field(default=None, metadata={"label": "联系地址"})
    office_postcode: str | None = field(default=None, metadata={"label": "邮政编码"})
    office_phone: str | None = field(default=None, metadata={"label": "联系电话"})
    # the case
    case_number: str | None = field(default=None, metadata={"label": "编号"})
    applicant_name: str | None = field(default=None, metadata={"label": "申请人姓名或名称"})
    applicant_organisation: str | None = field(default=None, metadata={"label": "申请人所在单位"})
    received_date: dt.date | None = field(default=None, metadata={"label": "收到申请日期"})
    request_description: str | None = field(default=None, metadata={"label": "申请获取的政府信息"})
    sent_date: dt.date | None = field(default=None, metadata={"label": "落款日期"})
    due_date: dt.date | None = field(default=None, metadata={"label": "答复期限届满日"})
    # the reply
    outcome: str | None = field(default=None, metadata={"label": "办理结果"})
    reply_detail: str | None = field(default=None, metadata={"label": "答复说明"})
    provision_method: str | None = field(default=None, metadata={"label": "提供方式"})
    published_at: str | None = field(default=None, metadata={"label": "已公开的获取途径"})
    withheld_description: str | None = field(default=None, metadata={"label": "不予公开的部分"})
    # a 不予公开 outcome key (denied_1…denied_7): why the withheld part of 部分公开 is withheld
    withheld_reason: str | None = field(default=None, metadata={"label": "不予公开部分的理由"})
    # denied_2 (and a part withheld for it): the law or administrative regulation, e.g.
    # 《中华人民共和国档案法》第二十八条
    prohibiting_law: str | None = field(
        default=None, metadata={"label": "禁止公开的法律、行政法规及条款"}
    )
    # not_processed_3 (Art. 39 ¶2): where the applicant can obtain the publication
    publication_access: str | None = field(default=None, metadata={"label": "公开出版物的获取途径"})
    responsible_agency: str | None = field(default=None, metadata={"label": "负责公开的行政机关"})
    responsible_agency_contact: str | None = field(
        default=None, metadata={"label": "负责公开的行政机关联系方式"}
    )
    previous_reply_date: dt.date | None = field(default=None, metadata={"label": "原答复日期"})
    previous_case_number: str | None = field(default=None, metadata={"label": "原答复编号"})
    review_body: str | None = field(default=None, metadata={"label": "行政复议机关"})
    court: str | None = field(default=None, metadata={"label": "人民法院"})
    # policy: which replies are under 复议前置 (gongkai.letters.remedies.ReviewFirstScope);
    # empty: the default, only 不予公开 and the withheld part of 部分公开
    review_first_scope: str | None = field(default=None, metadata={"label": "复议前置的适用范围"})
    # correction (Art. 30)
    correction_items: tuple[str, ...] | None = field(
        default=None, metadata={"label": "需要补正的事项"}
    )
    correction_days: int | None = field(default=None, metadata={"label": "补正期限（工作日）"})
    correction_due_date: dt.date | None = field(default=None, metadata={"label": "补正截止日期"})
    # consultation (Art. 32 third party; Art. 34 another agency, jointly made information)
    consultation_kind: str | None = field(default=None, metadata={"label": "征求意见对象类型"})
    third_party_name: str | None = field(default=None, metadata={"label": "第三方名称"})
    consultation_due_date: dt.date | None = field(
        default=None, metadata={"label": "提出意见截止日期"}
    )
    # extension (Art. 33)
    extension_reason: str | None = field(default=None, metadata={"label": "延期理由"})
    extension_days: int | None = field(default=None, metadata={"label": "延长期限（工作日）"})
    new_due_date: dt.date | None = field(default=None, metadata={"label": "延期后答复期限届满日"})
    # fee (Art. 42; 国办函〔2020〕109号)
    fee_scheme: str | None = field(default=None, metadata={"label": "计收方式"})
    fee_quantity: int | None = field(default=None, metadata={"label": "计费数量（件或页）"})
    fee_standard: str | None = field(default=None, metadata={"label": "收费标准"})
    fee_amount: Decimal | None = field(default=None, metadata={"label": "收费金额（元）"})
    payment_method: str | None = field(default=None, metadata={"label": "缴费方式"})
    payment_due_date: dt.date | None = field(default=None, metadata={"label": "缴费截止日期"})

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> LetterContext:
        """Build from JSON-like data (ISO dates, numbers or strings), naming any bad field."""
        unknown = sorted(set(data) - set(FIELD_LABELS))
        if unknown:
            raise ContextError(f"未知字段：{'、'.join(unknown)}")
        values = {name: _convert(name, value) for name, value in data.items()}
        return cls(**values)


FIELD_LABELS: dict[str, str] = {
    f.name: f.metadata["label"] for f in dataclasses.fields(LetterContext)
}
_TYPES: dict[str, str] = {f.name: str(f.type) for f in dataclasses.fields(LetterContext)}

# Deadlines fixed by law, quoted in letters.
CONSULTATION_DAYS = 15  # Arts. 32, 34
EXTENSION_MAX_DAYS = 20  # Art. 33
PAYMENT_DAYS = 20  # 国办函〔2020〕109号
DEFAULT_CORRECTION_DAYS = 15  # policy (spec §3)

# consultation_kind: a third party (Art. 32, the default) or another agency (Art. 34)
CONSULTATION_KINDS: dict[str, str] = {"third_party": "第三方", "agency": "其他机关"}

# The outcomes a withheld part of 部分公开 can be withheld for (withheld_reason): the
# 不予公开 rows answered with a 不予公开告知书 (条例第十四条、第十五条、第十六条).
WITHHELD_REASONS: tuple[str, ...] = tuple(key for key, o in OUTCOMES.items() if o.finding)

FEE_SCHEMES: dict[str, tuple[str, str]] = {
    "per_application": (
        "按件计收",
        "申请人在一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，"
        "每件收费100元；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。",
    ),
    "per_volume": (
        "按量计收",
        "30页以下（含30页）的，不收费；31—100页（含100页）的部分，每页收费10元；"
        "101—200页（含200页）的部分，每页收费20元；201页以上的部分，每页收费40元。",
    ),
}

# Names a template may use besides the context fields (derived in ``template_values``).
DERIVED_LABELS: dict[str, str] = {
    "applicant": "申请人（姓名及单位）",
    "regulation": "条例全称",
    "outcome_label": "办理结果名称",
    "outcome_basis": "办理结果的法律依据",
    "outcome_explanation": "办理结果说明",
    "outcome_decision": "处理决定",
    "outcome_group": "办理结果类别",
    "consultation_days": "征求意见期限（工作日）",
    "payment_days": "缴费期限（工作日）",
    "fee_scheme_label": "计收方式名称",
    "fee_basis": "收费依据",
    "withheld_part": "不予公开的部分（去掉工作人员写在前后的“不予公开”）",
    "withheld_finding": "不予公开部分的理由说明",
    "withheld_basis": "不予公开部分的法律依据",
    "remedy_clause": "救济途径告知",
    "remedy_basis": "救济途径告知的法律依据",
}

# The letter says "其中，不予公开的部分为：…。该部分信息…，根据…的规定，不予公开。" itself,
# so what staff often write around the part is dropped: a leading "不予公开的部分为：" and a
# trailing refusal in its usual wordings ("…，依法不予以公开。", "…作不予公开处理（第十五条）").
_LEADING_REFUSAL = re.compile(r"^(?:其中[，,]?)?不予以?公开的?(?:部分|内容|信息)(?:为|是)?[:：]\s*")
_TRAILING_REFUSAL = re.compile(
    r"[，,；;。.\s]*(?:依法|本机关|决定|应当|予以|均|故|将|作|对此|对其)*"
    r"(?:不予以?|不宜|不能|不得|不应|未予|暂不|不)公开(?:处理)?"
    r"(?:[（(][^（）()]*[）)])?[。.；;\s]*$"
)


def withheld_part(description: str) -> str:
    """The withheld part as staff described it, without the refusal the letter states."""
    text = _LEADING_REFUSAL.sub("", description.strip())
    text = _TRAILING_REFUSAL.sub("", text)
    return text.rstrip("。.；;，, ") or description.strip()


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def _convert(name: str, value: Any) -> Any:
    """Turn a JSON value into the field's type, or say which field is wrong and why."""
    if value is None:
        return None
    kind = _TYPES[name]
    label = f"字段 {FIELD_LABELS[name]}（{name}）"
    try:
        if "date" in kind:
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        if "Decimal" in kind:
            return Decimal(str(value))
        if "int" in kind:
            if isinstance(value, bool) or not str(value).lstrip("-").isdigit():
                raise ValueError
            return int(value)
        if "tuple" in kind:
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise ValueError
            return tuple(value)
    except (ValueError, TypeError, InvalidOperation):
        expected = {"date": "日期（如 2026-11-24）", "Decimal": "金额", "int": "整数"}
        what = next((text for key, text in expected.items() if key in kind), "文字列表")
        raise ContextError(f"{label} 应为{what}，实为 {value!r}") from None
    if not isinstance(value, str):
        raise ContextError(f"{label} 应为文字，实为 {value!r}")
    return value


def template_values(context: LetterContext) -> dict[str, Any]:
    """The values a template sees: filled fields written for a letter, plus derived ones.

    Empty fields are left out so that using one in a template is reported as missing.
    """
    values: dict[str, Any] = {
        "regulation": REGULATION,
        "consultation_days": CONSULTATION_DAYS,
        "payment_days": PAYMENT_DAYS,
        "fee_basis": f"{REGULATION}第四十二条和{FEE_MEASURES}",
    }
    for f in dataclasses.fields(context):
        value = getattr(context, f.name)
        if value is None or value == "" or value == ():
            continue
        if isinstance(value, dt.date):
            value = chinese_date(value)
        elif isinstance(value, Decimal):
            value = _amount(value)
        values[f.name] = value
    if context.applicant_name:
        org = context.applicant_organisation
        values["applicant"] = (
            f"{context.applicant_name}（{org}）" if org else context.applicant_name
        )
    if context.outcome:
        try:
            found = outcome(context.outcome)
        except UnknownOutcomeError as exc:
            raise ContextError(str(exc)) from None
        values["outcome_label"] = found.label
        values["outcome_group"] = str(found.group)
        basis, explanation = found.basis, found.explanation
        if found.key == "denied_2" and context.prohibiting_law:  # name the law
            basis = f"{basis}和{context.prohibiting_law}"
            explanation = (
                f"经审查，您申请获取的政府信息属于{context.prohibiting_law}禁止公开的信息。"
            )
        for name, text in (
            ("outcome_basis", basis),
            ("outcome_explanation", explanation),
            ("outcome_decision", found.decision),
        ):
            if text:
                values[name] = text
        try:
            scope = review_first_scope(context.review_first_scope)
        except UnknownScopeError as exc:
            raise ContextError(str(exc)) from None
        if context.sent_date:
            clause = remedy_clause(found.key, context.sent_date, scope)
            values["remedy_basis"] = clause.basis
            if context.review_body and context.court:
                values["remedy_clause"] = clause.sentence(context.review_body, context.court)
    if context.withheld_description:
        values["withheld_part"] = withheld_part(context.withheld_description)
    if context.withheld_reason:
        values |= _withheld(context.withheld_reason, context.prohibiting_law)
    if context.consultation_kind and context.consultation_kind not in CONSULTATION_KINDS:
        known = "、".join(f"{k}（{v}）" for k, v in CONSULTATION_KINDS.items())
        raise ContextError(f"未知的征求意见对象类型 {context.consultation_kind!r}（可用：{known}）")
    if context.fee_scheme:
        if context.fee_scheme not in FEE_SCHEMES:
            known = "、".join(FEE_SCHEMES)
            raise ContextError(f"未知的计收方式 {context.fee_scheme!r}（可用：{known}）")
        label, standard = FEE_SCHEMES[context.fee_scheme]
        values["fee_scheme_label"] = label
        values.setdefault("fee_standard", standard)
    return values


def _withheld(reason: str, law: str | None) -> dict[str, str]:
    """Why the withheld part of 部分公开 is withheld: the finding and the provisions."""
    if reason not in WITHHELD_REASONS:
        known = "、".join(f"{k}（{OUTCOMES[k].label}）" for k in WITHHELD_REASONS)
        raise ContextError(
            f"不予公开部分的理由应为不予公开的办理结果，实为 {reason!r}（可用：{known}）"
        )
    found = OUTCOMES[reason]
    finding, basis = found.finding, found.basis
    if reason == "denied_2" and law:
        finding, basis = f"属于{law}禁止公开的信息", f"{basis}和{law}"
    return {"withheld_finding": finding, "withheld_basis": basis}


# The fields each derived name is computed from: its empty sources are reported, not the name.
DERIVED_SOURCES: dict[str, tuple[str, ...]] = {
    "applicant": ("applicant_name",),
    "outcome_label": ("outcome",),
    "outcome_basis": ("outcome",),
    "outcome_explanation": ("outcome",),
    "outcome_decision": ("outcome",),
    "outcome_group": ("outcome",),
    "fee_scheme_label": ("fee_scheme",),
    "withheld_part": ("withheld_description",),
    "withheld_finding": ("withheld_reason",),
    "withheld_basis": ("withheld_reason",),
    "remedy_clause": ("outcome", "sent_date", "review_body", "court"),
    "remedy_basis": ("outcome", "sent_date"),
}


def label_of(name: str) -> str:
    return FIELD_LABELS.get(name) or DERIVED_LABELS.get(name) or name
