"""The login form, with throttling of repeated failures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from gongkai.web.accounts import throttling

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages: dict[str, _StrOrPromise] = {  # noqa: RUF012 - Django's own class attribute
        "invalid_login": "用户名或密码不正确。",
        "inactive": "该账号已停用，请联系系统管理员。",
        "locked": "登录失败次数过多，请在 %(minutes)s 分钟后再试。",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        ip = throttling.client_ip(self.request) if self.request else None
        until = throttling.locked_until(username, ip) if username else None
        if until is not None:
            minutes = max(1, int((until - timezone.now()).total_seconds() // 60) + 1)
            raise forms.ValidationError(
                self.error_messages["locked"], code="locked", params={"minutes": minutes}
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError as exc:
            if exc.code == "invalid_login":
                throttling.record_failure(username, ip)
            raise
        throttling.clear_failures(username, ip)
        return cleaned
