"""Forms of the audits app: projects, uploads, URL lists, dispositions, agency overrides."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import VERDICT_CHOICES
from gongkai.web.audits.services.files import MAX_UPLOAD_BYTES


class ProjectForm(forms.Form):
    name = forms.CharField(label="项目名称", max_length=120)
    years = forms.CharField(label="审核年度", help_text="如 2022,2023", max_length=60)
    agency = forms.ModelChoiceField(label="所属机关", queryset=Agency.objects.none())

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = agencies

    def clean_years(self) -> list[int]:
        years = [int(y) for y in re.findall(r"\d{4}", self.cleaned_data["years"])]
        if not years or any(not 2008 <= y <= 2100 for y in years):
            raise forms.ValidationError("请填写四位年度，如 2022,2023。")
        return sorted(set(years))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Django's recipe for ``<input type=file multiple>``: every selected file is cleaned."""

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        files = data if isinstance(data, list | tuple) else [data]
        return [single(item, initial) for item in files if item] or [single(None, initial)]


class UploadForm(forms.Form):
    documents = MultipleFileField(
        label="报告文件或 ZIP 压缩包",
        widget=MultipleFileInput(attrs={"multiple": True}),
        help_text="可多选；支持 PDF、DOCX、HTML、TXT、Markdown、JSON、CSV 及其 ZIP 压缩包",
    )

    def clean_documents(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["documents"]
        if sum(f.size or 0 for f in files) > MAX_UPLOAD_BYTES:
            limit = MAX_UPLOAD_BYTES // 1024 // 1024
            raise forms.ValidationError(f"一次上传的文件超过 {limit} MB 的上限，请分批上传。")
        return files


class UrlForm(forms.Form):
    urls = forms.CharField(label="报告网址（每行一个）", widget=forms.Textarea(attrs={"rows": 4}))

    def clean_urls(self) -> list[str]:
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        bad = [u for u in urls if not re.match(r"^https?://", u)]
        if bad:
            raise forms.ValidationError(f"网址须以 http:// 或 https:// 开头：{bad[0]}")
        return urls


class DispositionForm(forms.Form):
    verdict = forms.ChoiceField(label="结论", choices=VERDICT_CHOICES, widget=forms.RadioSelect)
    comment = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 3}))


class MatchForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="对应机关", queryset=Agency.objects.none(), required=False,
        empty_label="（自动匹配）",
    )  # fmt: skip

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = agencies
