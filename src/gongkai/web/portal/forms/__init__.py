"""The public application form (Art. 29), the tracking form and the staff confirmation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from gongkai import uploads
from gongkai.web.cases.choices import (
    APPLICANT_TYPE_CHOICES,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
)
from gongkai.web.cases.forms import PastDateField
from gongkai.web.portal import codes
from gongkai.web.portal.validators import document_number_problem

PERSON = "natural_person"
ORGANISATION = "organisation"
KIND_CHOICES = [(PERSON, "自然人"), (ORGANISATION, "法人或其他组织")]
ORGANISATION_TYPE_CHOICES = [
    ("", "请选择组织类型"),
    *((key, label) for key, label in APPLICANT_TYPE_CHOICES if key != PERSON),
]
PERSON_ID_TYPES = ("id_card", "passport", "hk_mo_tw", "other")
ORGANISATION_ID_TYPES = ("credit_code", "other")
# What the portal offers: it serves the agency's letters, not the information itself, and
# has no fax line — so 邮寄、电子邮件、当面领取、当场阅读抄录 (the cases app's labels).
PORTAL_DELIVERIES = ("post", "email", "pickup", "inspect")
PORTAL_DELIVERY_CHOICES = [(k, v) for k, v in DELIVERY_CHOICES if k in PORTAL_DELIVERIES]
MIN_DESCRIPTION = 10
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

REQUIRED = "请填写{label}。"


def _text(label: str, *, max_length: int, required: bool = True, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={
            "required": REQUIRED.format(label=label),
            "max_length": f"{label}最多 {max_length} 个字。",
        },
        **kwargs,
    )


class ApplicationForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    applicant_kind = forms.ChoiceField(
        label="申请人类型",
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择申请人类型：自然人或法人或其他组织。"},
    )
    organisation_type = forms.ChoiceField(
        label="组织类型（法人或其他组织填写）",
        choices=ORGANISATION_TYPE_CHOICES,
        required=False,
    )
    applicant_name = _text(
        "姓名或名称", max_length=120, help_text="自然人填写姓名；法人或其他组织填写全称"
    )
    applicant_organisation = _text("工作单位（自然人选填）", max_length=120, required=False)
    legal_representative = _text(
        "法定代表人或负责人（法人或其他组织填写）", max_length=60, required=False
    )
    id_type = forms.ChoiceField(
        label="身份证明类型",
        choices=[("", "请选择"), *ID_TYPE_CHOICES],
        error_messages={"required": "请选择身份证明类型（第二十九条）。"},
    )
    id_number = _text("证件号码或统一社会信用代码", max_length=40)
    phone = _text("联系电话", max_length=40, required=False)
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        max_length=254,
        error_messages={"invalid": "电子邮箱格式不正确。"},
    )
    address = _text("通信地址", max_length=200, required=False)
    postcode = forms.RegexField(
        label="邮政编码",
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": "邮政编码应为 6 位数字。"},
    )
    description = _text(
        "所需政府信息的名称、文号或便于查询的其他特征描述",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请尽量写明信息的名称、文号、形成时间、制作机关等，便于机关查找",
    )
    purpose = _text(
        "用途（选填）", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    form_wanted = forms.ChoiceField(
        label="信息的指定提供载体形式",
        choices=FORM_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择所需信息的载体形式（纸质、电子文档等）。"},
    )
    delivery_wanted = forms.ChoiceField(
        label="获取信息的方式",
        choices=PORTAL_DELIVERY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择获取信息的方式（邮寄、电子邮件、当面领取等）。"},
    )
    declaration = forms.BooleanField(
        label="本人（本单位）承诺以上所填内容真实、准确，并知悉提供虚假信息应承担的法律责任",
        error_messages={"required": "请阅读并勾选申请声明。"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", codes.new_form_token())
            self.initial.setdefault("applicant_kind", PERSON)

    def clean_applicant_name(self) -> str:
        return " ".join(str(self.cleaned_data["applicant_name"]).split())

    def clean_id_number(self) -> str:
        return codes.normalise(str(self.cleaned_data["id_number"]))

    def clean_description(self) -> str:
        text = str(self.cleaned_data["description"]).strip()
        if len("".join(text.split())) < MIN_DESCRIPTION:
            raise forms.ValidationError(
                f"请具体描述所需的政府信息（名称、文号或其他特征），不少于 {MIN_DESCRIPTION} 个字（第二十九条）。"
            )
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("applicant_kind")
        organisation = kind == ORGANISATION
        if organisation and not data.get("organisation_type"):
            self.add_error("organisation_type", "法人或其他组织请选择组织类型。")
        id_type = data.get("id_type")
        if id_type and kind:
            allowed = ORGANISATION_ID_TYPES if organisation else PERSON_ID_TYPES
            if id_type not in allowed:
                self.add_error(
                    "id_type",
                    "法人或其他组织请提供统一社会信用代码或其他证照。"
                    if organisation
                    else "自然人请提供居民身份证、护照、港澳台居民证件或其他身份证件。",
                )
            elif data.get("id_number"):
                problem = document_number_problem(id_type, data["id_number"])
                if problem:
                    self.add_error("id_number", problem + "。")
        if not (data.get("phone") or data.get("email")):
            self.add_error(
                "phone", "请至少填写联系电话或电子邮箱中的一项（第二十九条：联系方式）。"
            )
        delivery = data.get("delivery_wanted")
        if delivery == "post":
            if not data.get("address"):
                self.add_error("address", "选择邮寄的，请填写通信地址。")
            if not data.get("postcode"):
                self.add_error("postcode", "选择邮寄的，请填写邮政编码。")
        if delivery == "email" and not data.get("email"):
            self.add_error("email", "选择通过电子邮件获取的，请填写电子邮箱。")
        if delivery == "email" and data.get("form_wanted") == "paper":
            self.add_error(
                "delivery_wanted", "纸质载体不能通过电子邮件获取，请改选载体形式或获取方式。"
            )
        return data

    def application_fields(self) -> dict[str, str]:
        """The cleaned form as the fields of an online application (and of its case)."""
        data = self.cleaned_data
        organisation = data["applicant_kind"] == ORGANISATION
        return {
            "applicant_type": data["organisation_type"] if organisation else PERSON,
            "applicant_name": data["applicant_name"],
            "applicant_organisation": "" if organisation else data["applicant_organisation"],
            "legal_representative": data["legal_representative"] if organisation else "",
            "id_type": data["id_type"],
            "id_number": data["id_number"],
            "phone": data["phone"].strip(),
            "email": data["email"],
            "address": data["address"].strip(),
            "postcode": data["postcode"],
            "description": data["description"],
            "purpose": data["purpose"].strip(),
            "form_wanted": data["form_wanted"],
            "delivery_wanted": data["delivery_wanted"],
        }


class TrackForm(forms.Form):
    tracking_number = _text(
        "查询号", max_length=40, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    access_code = _text(
        "查询码",
        max_length=40,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )

    def clean_tracking_number(self) -> str:
        return codes.normalise(str(self.cleaned_data["tracking_number"]))

    def clean_access_code(self) -> str:
        return codes.normalise_code(str(self.cleaned_data["access_code"]))


def _received_on(label: str, help_text: str) -> forms.DateField:
    return PastDateField(
        label=label,
        widget=DATE,
        help_text=help_text,
        error_messages={"required": "请填写确认收到日期。", "invalid": "日期格式不正确。"},
    )


class ConfirmForm(forms.Form):
    received_on = _received_on(
        "确认收到日期", "与申请人确认收到申请之日，即收到申请之日（第三十一条第（三）项）"
    )

    def __init__(self, *args: Any, today: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and today is not None:
            self.initial.setdefault("received_on", today)


def _reason(decision: str, help_text: str) -> forms.CharField:
    """Why staff decline a submission: the applicant reads it on the status page."""
    return forms.CharField(
        label=f"{decision}理由",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=help_text,
        error_messages={"required": f"请写明{decision}的理由（申请人可以看到）。"},
    )


class DeclineForm(forms.Form):
    reason = _reason("不予受理", "申请人在查询页面可以看到该理由")


class CorrectionForm(forms.Form):
    """The applicant's correction: what they correct or clarify, and one optional file."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)
    text = _text(
        "补正内容",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请按补正告知的要求，写明补正或说明的内容",
    )
    attachment = forms.FileField(
        label="附件（可选）",
        required=False,
        allow_empty_file=True,  # checked below, with a clearer message
        help_text=f"一个文件，不超过 {uploads.MAX_LABEL}，限 {uploads.ALLOWED_LABEL} 格式",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", codes.new_form_token())

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"]).strip()
        if not text:
            raise forms.ValidationError("请填写补正内容。")
        return text

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        try:
            uploads.check_size(upload.name or "", upload.size or 0)  # before reading it
            content = upload.read()
            kind = uploads.kind_of(upload.name or "", content)
        except uploads.FileProblem as exc:
            raise forms.ValidationError(str(exc)) from None
        return (upload.name, content, kind.content_type)


class CorrectionConfirmForm(ConfirmForm):
    received_on = _received_on("确认收到补正日期", "收到补正之日起答复期限重新计算（第三十条）")


class CorrectionDeclineForm(forms.Form):
    reason = _reason("不予接收", "申请人在查询页面可以看到该理由，并可在补正期限内重新提交")
