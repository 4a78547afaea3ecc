"""Forms of the catalogue pages."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.agencies.models import Agency
from gongkai.web.catalogue.categories import CATEGORY_CHOICES
from gongkai.web.catalogue.models import VALIDITY_CHOICES, CatalogueColumn
from gongkai.web.core.fields import PastDateField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ItemForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="发布机关", queryset=Agency.objects.none(), empty_label=None
    )
    title = forms.CharField(label="标题", max_length=300)
    category = forms.ChoiceField(label="公开类别（第二十条）", choices=CATEGORY_CHOICES)
    column = forms.ModelChoiceField(
        label="栏目", queryset=CatalogueColumn.objects.none(), required=False
    )
    issuing_body = forms.CharField(label="发文机关", max_length=200)
    document_number = forms.CharField(label="文号", max_length=80, required=False)
    formed = PastDateField(
        label="形成或变更日期", widget=DATE, help_text="自该日起 20 个工作日内公开（第二十六条）"
    )
    summary = forms.CharField(
        label="内容概述", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["column"].queryset = CatalogueColumn.objects.filter(agency__in=agencies)  # type: ignore[attr-defined]


class ColumnForm(forms.Form):
    agency = forms.ModelChoiceField(label="机关", queryset=Agency.objects.none(), empty_label=None)
    name = forms.CharField(label="栏目名称", max_length=80)
    category = forms.ChoiceField(label="所属第二十条事项", choices=CATEGORY_CHOICES)

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class PublishForm(forms.Form):
    on = PastDateField(label="公开日期", widget=DATE)
    url = forms.URLField(label="公开网址", required=False, assume_scheme="https")


class ReviewForm(forms.Form):
    note = forms.CharField(
        label="保密审查意见", max_length=300, required=False, initial="经审查，不涉及国家秘密"
    )


class ChangeForm(forms.Form):
    changed = PastDateField(label="变更日期", widget=DATE)


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label="效力状态", choices=VALIDITY_CHOICES)


class ItemFilterForm(forms.Form):
    category = forms.ChoiceField(
        label="类别", required=False, choices=[("", "全部"), *CATEGORY_CHOICES]
    )
    status = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[
            ("", "全部"),
            ("pending", "待公开"),
            ("overdue", "已超期"),
            ("published", "已公开"),
        ],
    )
    q = forms.CharField(label="标题、文号或索引号", required=False, max_length=60)
