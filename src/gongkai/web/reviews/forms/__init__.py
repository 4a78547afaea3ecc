"""Forms of the reconsideration/litigation register."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.clock import PERIOD_UNITS
from gongkai.web.agencies.models import Agency
from gongkai.web.core.fields import PastDateField
from gongkai.web.reviews.models import KIND_CHOICES, RESULT_CHOICES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReviewForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="被申请/被告机关", queryset=Agency.objects.none(), empty_label=None
    )
    kind = forms.ChoiceField(label="类型", choices=KIND_CHOICES)
    filed = PastDateField(label="立案或收到日期", widget=DATE)
    reference = forms.CharField(label="案号", max_length=120, required=False)
    body = forms.CharField(label="复议机关或法院", max_length=200, required=False)
    applicant = forms.CharField(label="申请人或原告", max_length=120, required=False)
    case_number = forms.CharField(
        label="原申请编号", max_length=80, required=False, help_text="平台上的申请会自动关联"
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class ConcludeForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=RESULT_CHOICES)
    on = PastDateField(label="审结日期", widget=DATE)
    note = forms.CharField(
        label="决定或判决要点", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # a 纠正 result orders a new reply: the period runs from the decision's service
    served_on = PastDateField(
        label="决定书或判决书送达本机关日期（纠正时填写，默认审结日期）",
        required=False,
        widget=DATE,
    )
    period = forms.IntegerField(
        label="责令重新答复的期限（决定或判决未写明的留空：20个工作日）",
        required=False,
        min_value=1,
        max_value=365,
    )
    unit = forms.ChoiceField(
        label="期限单位", choices=list(PERIOD_UNITS.items()), initial="workdays", required=False
    )

    def clean_unit(self) -> str:
        return str(self.cleaned_data.get("unit") or "workdays")
