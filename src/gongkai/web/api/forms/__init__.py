"""The token form: what the token is for, and how far it reaches (choices by role)."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.api.models import TOKEN_SCOPE_CHOICES
from gongkai.web.api.permissions import token_scopes


class TokenForm(forms.Form):
    name = forms.CharField(
        label="用途说明",
        max_length=80,
        help_text="例如：市数据开放平台每日同步",
        error_messages={"required": "请填写令牌的用途说明。"},
    )
    scope = forms.ChoiceField(
        label="数据范围",
        choices=TOKEN_SCOPE_CHOICES,
        # Django's message would repeat the submitted code
        error_messages={
            "invalid_choice": "请在列出的数据范围中选择（只能选择本人可以授权的范围）。"
        },
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = token_scopes(user)
        field: Any = self.fields["scope"]
        field.choices = [(k, label) for k, label in TOKEN_SCOPE_CHOICES if k in allowed]
