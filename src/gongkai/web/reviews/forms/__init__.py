"""Forms of the reconsideration/litigation register."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.core.fields import PastDateField
from gongkai.web.reviews.models import KIND_CHOICES, RESULT_CHOICES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReviewForm(forms.Form):
    agency = forms.ModelChoiceField(label="被申请/被告机关", queryset=None, empty_label=None)  # type: ignore[arg-type]
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
