"""Forms of the case pages. Every form that changes a case carries the version the user saw
(optimistic locking) and a one-time token (double-submit protection)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django import forms

from gongkai import uploads
from gongkai.clock import RECEIPT_RULES, Channel, EventType
from gongkai.fees import SCHEME_LABELS
from gongkai.letters.context import WITHHELD_REASONS
from gongkai.outcomes import OUTCOMES
from gongkai.web.accounts.models import User
from gongkai.web.cases.choices import (
    APPLICANT_TYPE_CHOICES,
    APPLICATION_FIELDS,
    CHANNEL_CHOICES,
    OUTCOME_CHOICES,
    SERVICE_METHOD_CHOICES,
    STATE_CHOICES,
)
from gongkai.web.cases.models import Case
from gongkai.web.core import fields as core_fields
from gongkai.web.portal.codes import normalise as normalise_code
from gongkai.web.portal.validators import document_number_problem

# The reasons a part of 部分公开 can be withheld for (不予公开 rows 1–7 of table 3).
WITHHELD_REASON_CHOICES = [
    (key, f"{OUTCOMES[key].label}（条例{'、'.join(OUTCOMES[key].articles)}）")
    for key in WITHHELD_REASONS
]

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})  # the value HTML date inputs need


def new_token() -> str:
    return uuid.uuid4().hex


class TokenForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", new_token())


class CaseActionForm(TokenForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    ref = forms.IntegerField(widget=forms.HiddenInput, required=False)  # sub-record id


def _today() -> dt.date:
    from gongkai.web.cases import services

    return services.today()


class PastDateField(core_fields.PastDateField):
    """A day already past, as of the services' today (which tests pin)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, today=_today, **kwargs)


class DatedActionForm(CaseActionForm):
    date = PastDateField(label="日期", widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("date", _today())


class ApplicantChecks(forms.BaseForm):
    """The portal's checks of the applicant's document number (GB 11643 for 身份证, the
    credit code's check character), for every staff form that takes one."""

    def clean_id_number(self) -> str:
        return normalise_code(str(self.cleaned_data.get("id_number") or ""))

    def check_document_number(self, data: dict[str, Any]) -> None:
        id_type, number = data.get("id_type"), data.get("id_number")
        if id_type and number:
            problem = document_number_problem(id_type, number)
            if problem:
                self.add_error("id_number", problem + "。")


class IntakeForm(ApplicantChecks, TokenForm, forms.ModelForm):
    submitted_on = PastDateField(label="提交日期", widget=DATE)
    received_on = PastDateField(
        label="签收或确认日期",
        widget=DATE,
        required=False,
        help_text="邮寄：签收之日；平常信函、互联网、传真：与申请人确认之日。当面提交无需填写。",
    )
    arrived_on = PastDateField(
        label="信函到达日期（平常信函）",
        widget=DATE,
        required=False,
        help_text="平常信函到达本机关之日；应于当日与申请人确认（第三十一条第（二）项）。",
    )

    class Meta:
        model = Case
        fields = ("channel", "oral", *APPLICATION_FIELDS, "handler")
        widgets = {  # noqa: RUF012 - Django reads Meta as a plain class
            "description": forms.Textarea(attrs={"rows": 4}),
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "channel": forms.RadioSelect,
            "applicant_type": forms.RadioSelect,
        }

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submitted_on", _today())
            self.initial.setdefault("channel", "in_person")
            self.initial.setdefault("applicant_type", "natural_person")
        for name, choices in (
            ("channel", CHANNEL_CHOICES),
            ("applicant_type", APPLICANT_TYPE_CHOICES),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices  # radio buttons: no empty "---------" choice
        handler = self.fields["handler"]
        assert isinstance(handler, forms.ModelChoiceField)
        from gongkai.web.accounts.models import User

        handler.queryset = User.objects.filter(
            agency=agency, is_active=True, role__in=("handler", "head")
        )
        handler.required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        channel = data.get("channel")
        if channel:
            rule = RECEIPT_RULES[Channel(channel)]
            if rule.event is not EventType.SUBMITTED and not data.get("received_on"):
                self.add_error("received_on", f"{rule.reason}，请填写该日期。")
            if data.get("arrived_on") and channel != Channel.ORDINARY_LETTER.value:
                self.add_error("arrived_on", "只有平常信函才填写信函到达日期。")
        organisation = data.get("applicant_type") not in (None, "", "natural_person")
        if organisation and data.get("id_type") not in ("credit_code", "other"):
            self.add_error("id_type", "法人或其他组织请填写统一社会信用代码或其他证照。")
        self.check_document_number(data)
        if not (data.get("phone") or data.get("email") or data.get("address")):
            self.add_error("phone", "请至少填写一种联系方式（第二十九条）。")
        return data


class EditDetailsForm(ApplicantChecks, CaseActionForm, forms.ModelForm):
    """修改登记信息 before the reply."""

    class Meta:
        model = Case
        fields = APPLICATION_FIELDS
        widgets = {  # noqa: RUF012 - Django reads Meta as a plain class
            "description": forms.Textarea(attrs={"rows": 3}),
            "purpose": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_document_number(data)
        return data


class CorrectDetailsForm(EditDetailsForm):
    """更正登记信息 after the reply: the same fields, and the reason on record."""

    reason = forms.CharField(
        label="更正理由",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="已出具的答复书等文书不会改变；更正记入操作记录。",
    )


class AssignForm(CaseActionForm):
    handler = forms.ModelChoiceField(label="经办人", queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from gongkai.web.accounts.models import User

        field = self.fields["handler"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(
            agency=agency, is_active=True, role__in=("handler", "head")
        )


class ReviewForm(CaseActionForm):
    complete = forms.BooleanField(label="申请内容完整（第二十九条）", required=False)
    clear = forms.BooleanField(label="所需信息描述明确", required=False)
    ours = forms.BooleanField(label="属于本机关负责公开的信息", required=False)
    responsible_agency = forms.CharField(label="负责公开的机关（不属于本机关时）", required=False)
    note = forms.CharField(
        label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CorrectionForm(DatedActionForm):
    items = forms.CharField(
        label="需要补正的事项（每行一项）", widget=forms.Textarea(attrs={"rows": 3})
    )
    limit_workdays = forms.IntegerField(
        label="补正期限（工作日）",
        min_value=1,
        max_value=60,
        required=False,
        help_text="不填按默认 15 个工作日",
    )


class CorrectionReceivedForm(DatedActionForm):
    description = forms.CharField(
        label="补正后的申请内容", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    note = forms.CharField(label="备注", required=False)


class ConsultationForm(DatedActionForm):
    kind = forms.ChoiceField(
        label="对象类型", choices=[("third_party", "第三方"), ("agency", "其他机关")]
    )
    party = forms.CharField(label="征求意见对象", max_length=120)
    address = forms.CharField(label="联系地址", required=False, max_length=200)


class ConsultationAnswerForm(DatedActionForm):
    agrees = forms.NullBooleanField(
        label="意见",
        widget=forms.Select(
            choices=[("unknown", "未明确"), ("true", "同意公开"), ("false", "不同意公开")]
        ),
        required=False,
    )
    opinion = forms.CharField(
        label="意见内容", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class FeeForm(DatedActionForm):
    scheme = forms.ChoiceField(
        label="计收方式", choices=[(s.value, label) for s, label in SCHEME_LABELS.items()]
    )
    pages = forms.IntegerField(label="页数（按量计收）", min_value=1, required=False)
    payment_method = forms.CharField(label="缴费方式", required=False, max_length=300)


class PaymentForm(DatedActionForm):
    note = forms.CharField(label="备注", required=False)


class ExtensionRequestForm(CaseActionForm):
    workdays = forms.IntegerField(label="延长工作日", min_value=1, max_value=20, initial=20)
    reason = forms.CharField(label="延期理由", widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionDecisionForm(DatedActionForm):
    approve = forms.TypedChoiceField(
        label="审批意见", choices=[("1", "同意延期"), ("0", "不同意")], coerce=lambda v: v == "1"
    )
    note = forms.CharField(label="说明", required=False)


class ReplyForm(DatedActionForm):
    outcome = forms.ChoiceField(
        label="办理结果（表三）", choices=[("", "— 请选择 —"), *OUTCOME_CHOICES]
    )
    reply_detail = forms.CharField(
        label="答复说明", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    provision_method = forms.CharField(label="提供方式", required=False)
    published_at = forms.CharField(label="已公开的获取途径", required=False)
    withheld_description = forms.CharField(label="不予公开的部分（部分公开）", required=False)
    withheld_reason = forms.ChoiceField(
        label="不予公开部分的理由（部分公开）",
        required=False,
        choices=[("", "— 请选择 —"), *WITHHELD_REASON_CHOICES],
        help_text="决定引用条例第十四条、第十五条或者第十六条。",
    )
    prohibiting_law = forms.CharField(
        label="禁止公开的法律、行政法规及条款",
        required=False,
        max_length=200,
        help_text="法律、行政法规禁止公开的（含部分公开中以此为理由的），如《中华人民共和国档案法》第二十八条。",
    )
    publication_access = forms.CharField(
        label="公开出版物的获取途径",
        required=False,
        max_length=300,
        help_text="要求提供公开出版物的（条例第三十九条第二款）。",
    )
    responsible_agency = forms.CharField(label="负责公开的行政机关", required=False)
    responsible_agency_contact = forms.CharField(label="其联系方式", required=False)
    previous_reply_date = PastDateField(label="原答复日期（重复申请）", required=False, widget=DATE)
    previous_case_number = forms.CharField(label="原答复编号", required=False)

    def clean_outcome(self) -> str:
        value: str = self.cleaned_data["outcome"]
        if value in ("other_1", "other_2"):
            raise forms.ValidationError(
                "视为放弃申请由系统在期限届满后提示，请使用“确认视为放弃申请”。"
            )
        return value

    def clean(self) -> dict[str, Any]:
        """What the reply letter of the chosen outcome cannot do without."""
        data = super().clean() or {}
        key = data.get("outcome")
        if key == "partial":
            if not data.get("withheld_description"):
                self.add_error("withheld_description", "部分公开应写明不予公开的部分。")
            if not data.get("withheld_reason"):
                self.add_error("withheld_reason", "部分公开应选择不予公开部分的理由。")
        law_needed = key == "denied_2" or (
            key == "partial" and data.get("withheld_reason") == "denied_2"
        )
        if law_needed and not data.get("prohibiting_law"):
            self.add_error("prohibiting_law", "请写明禁止公开该信息的法律、行政法规及条款。")
        if key == "not_processed_3" and not data.get("publication_access"):
            self.add_error("publication_access", "请写明申请人获取该公开出版物的途径。")
        return data


class WithdrawForm(DatedActionForm):
    reason = forms.CharField(label="撤回情况", max_length=300)


class ConfirmWithdrawalForm(DatedActionForm):
    pass


class ServiceForm(DatedActionForm):
    method = forms.ChoiceField(label="送达方式", choices=SERVICE_METHOD_CHOICES)
    note = forms.CharField(label="备注（如邮件编号）", required=False)


class ArchiveForm(DatedActionForm):
    pass


class NoticeServiceForm(DatedActionForm):
    """送达 of a notice whose period runs from receipt (correction, consultation, fee …)."""

    notice = forms.TypedChoiceField(label="告知书", coerce=int, choices=())
    method = forms.ChoiceField(label="送达方式", choices=SERVICE_METHOD_CHOICES)
    note = forms.CharField(label="备注（如邮件编号、签收人）", required=False)

    def __init__(self, *args: Any, case: Case | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case is not None:
            from gongkai.web.cases import services

            self.fields["notice"].choices = services.unserved_notices(case)  # type: ignore[attr-defined]


class DeferralForm(DatedActionForm):
    """第三十五条: a later, reasonable due date for a clearly excessive volume."""

    until = forms.DateField(label="延迟答复的期限（至）", widget=DATE)
    reason = forms.CharField(
        label="申请人说明的理由及其合理性", widget=forms.Textarea(attrs={"rows": 2})
    )


class NoteForm(TokenForm):
    text = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    attachment = forms.FileField(label="附件", required=False, allow_empty_file=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from gongkai.web.cases.services.documents import ATTACHMENT_HELP

        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = ATTACHMENT_HELP

    def clean_attachment(self) -> Any:
        """Too large a file is refused before it is read; its content is checked on saving."""
        from gongkai.web.cases.services.documents import ATTACHMENT_MAX_BYTES

        upload = self.cleaned_data.get("attachment")
        if upload:
            try:
                uploads.check_size(upload.name or "", upload.size or 0, ATTACHMENT_MAX_BYTES)
            except uploads.FileProblem as exc:
                raise forms.ValidationError(str(exc)) from None
        return upload


class CaseFilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False)
    state = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), ("open", "未办结"), *STATE_CHOICES]
    )
    handler = forms.ChoiceField(label="经办人", required=False)
    due_within = forms.IntegerField(
        label="N个工作日内到期", required=False, min_value=0, max_value=60
    )
    overdue = forms.BooleanField(label="已超期", required=False)
    outcome = forms.ChoiceField(
        label="办理结果", required=False, choices=[("", "全部"), *OUTCOME_CHOICES]
    )
    year = forms.IntegerField(label="年度", required=False, min_value=2008, max_value=2100)
    agency = forms.ChoiceField(label="机关", required=False)

    def __init__(self, *args: Any, handlers: Any = (), agencies: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        handler = self.fields["handler"]
        assert isinstance(handler, forms.ChoiceField)
        handler.choices = [
            ("", "全部"),
            ("none", "未指定"),
            *((str(u.pk), u.full_name or u.username) for u in handlers),
        ]
        agency = self.fields["agency"]
        assert isinstance(agency, forms.ChoiceField)
        agency.choices = [("", "全部"), *((str(a.pk), a.name) for a in agencies)]


class TemplateForm(forms.Form):
    text = forms.CharField(label="模板", widget=forms.Textarea(attrs={"rows": 20, "class": "mono"}))
