"""Forms of the register pages."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.agencies.models import Agency
from gongkai.web.core.fields import PastDateField
from gongkai.web.registers.models import DOCUMENT_KIND_CHOICES, END_REASON_CHOICES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _AgencyForm(forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none(), empty_label=None)

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class DocumentForm(_AgencyForm):
    kind = forms.ChoiceField(label="类别", choices=DOCUMENT_KIND_CHOICES)
    title = forms.CharField(label="名称", max_length=300)
    document_number = forms.CharField(label="文号", max_length=80, required=False)
    issued = PastDateField(label="印发日期", widget=DATE)
    published = PastDateField(label="公开日期", required=False, widget=DATE)
    effective = forms.DateField(label="施行日期", required=False, widget=DATE)


class AmendForm(forms.Form):
    on = PastDateField(label="修订日期", widget=DATE)
    note = forms.CharField(label="修订说明", max_length=300)


class EndForm(forms.Form):
    reason = forms.ChoiceField(label="废止或失效", choices=END_REASON_CHOICES)
    on = forms.DateField(label="日期", widget=DATE)
    basis = forms.CharField(label="依据（文号）", max_length=300, required=False)


class DocumentFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="类别", required=False, choices=[("", "全部"), *DOCUMENT_KIND_CHOICES]
    )
    in_force_on = forms.DateField(label="在某日现行有效", required=False, widget=DATE)
    q = forms.CharField(label="名称或文号", required=False, max_length=60)


class FiguresForm(_AgencyForm):
    year = forms.IntegerField(label="年度", min_value=2008, max_value=2100)
    licensing = forms.IntegerField(label="行政许可决定数", min_value=0, required=False)
    penalty = forms.IntegerField(label="行政处罚决定数", min_value=0, required=False)
    coercion = forms.IntegerField(label="行政强制决定数", min_value=0, required=False)
    fees_10k_yuan = forms.DecimalField(
        label="行政事业性收费（万元）", min_value=0, max_digits=14, decimal_places=4, required=False
    )
    source = forms.CharField(
        label="数据来源", max_length=300, required=False, help_text="留空即“手工录入”"
    )


class FiguresImportForm(forms.Form):
    file = forms.FileField(label="XLSX 文件")
