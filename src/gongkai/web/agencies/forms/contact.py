from __future__ import annotations

from django import forms

from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.models.agency import KIND_CHOICES
from gongkai.web.agencies.services import CONTACT_FIELDS


class AgencyContactForm(forms.ModelForm):
    """The disclosure office's contact details (they appear on reports and letters)."""

    website = forms.URLField(label="门户网站", required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = CONTACT_FIELDS

    def clean_office_postcode(self) -> str:
        value: str = self.cleaned_data["office_postcode"].strip()
        if value and (len(value) != 6 or not value.isdigit()):
            raise forms.ValidationError("邮政编码应为 6 位数字。")
        return value


class AgencyFilterForm(forms.Form):
    q = forms.CharField(label="名称", required=False, max_length=60)
    kind = forms.ChoiceField(
        label="类型", required=False, choices=[("", "全部类型"), *KIND_CHOICES]
    )
