"""Forms of the content review panel."""

from __future__ import annotations

from django import forms


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="处理", choices=[("confirmed", "确认有误，须修改"), ("dismissed", "不是问题")]
    )
    comment = forms.CharField(label="意见", max_length=300, required=False)


class OverrideForm(forms.Form):
    reason = forms.CharField(label="同意发布的理由", max_length=300)
