"""Forms of the annual-report pages."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.agencies.models import Agency
from gongkai.web.annual.models import SCOPE_CHOICES


class BuildForm(forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none(), empty_label=None)
    year = forms.IntegerField(label="报告年度", min_value=2019, max_value=2100)
    scope = forms.ChoiceField(label="范围", choices=SCOPE_CHOICES, initial="agency")

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class SectionForm(forms.Form):
    text = forms.CharField(
        label="正文", widget=forms.Textarea(attrs={"rows": 8}), max_length=20000, required=False
    )


class ActionForm(forms.Form):
    action = forms.CharField(max_length=16)
    comment = forms.CharField(
        label="意见或说明",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ImportForm(forms.Form):
    file = forms.FileField(label="往年已公开的年度报告（PDF/DOCX/HTML/TXT/JSON）")
    year = forms.IntegerField(
        label="报告年度（可不填，自动识别）", required=False, min_value=2008, max_value=2100
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label="报告年度", min_value=2019, max_value=2100, required=False)
