"""The login form, with throttling of repeated failures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from gongkai.web.accounts import throttling

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages: dict[str, _StrOrPromise] = {  # noqa: RUF012 - Django's own class attribute
        "invalid_login": "用户名或密码不正确。",
        "inactive": "该账号已停用，请联系系统管理员。",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        ip = throttling.client_ip(self.request) if self.request else None
        lock = throttling.lock(username, ip) if username else None
        if lock is not None:
            raise forms.ValidationError(lock.message(), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError as exc:
            if exc.code == "invalid_login":
                throttling.record_failure(username, ip)
            raise
        throttling.clear_failures(username, ip)
        return cleaned
