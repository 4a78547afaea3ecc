"""Password forms: a user's own change, and an administrator's temporary password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

from gongkai.web.accounts import services
from gongkai.web.accounts.models import User


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's checks (current password, the two new ones equal, the password rules);
    the change itself is the service's, so it is audited."""

    user: User

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.fields["old_password"].widget.attrs["autocomplete"] = "current-password"

    def save(self, commit: bool = True, *, ip: str | None = None) -> User:
        return services.change_password(self.user, self.cleaned_data["new_password1"], ip=ip)


class TemporaryPasswordForm(auth_forms.SetPasswordForm):
    """An administrator's reset: a temporary password the user must change at next login."""

    user: User

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].label = "临时密码"
        self.fields["new_password2"].label = "再次输入临时密码"
        for name in ("new_password1", "new_password2"):
            self.fields[name].widget = forms.PasswordInput(attrs={"autocomplete": "new-password"})

    def save(self, commit: bool = True, *, by: User | None = None, ip: str | None = None) -> User:
        assert by is not None, "the administrator who resets"
        return services.reset_password(self.user, by, self.cleaned_data["new_password1"], ip=ip)
