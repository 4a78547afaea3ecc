from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views

from gongkai.web.accounts.forms import ThrottledAuthenticationForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["max_failures"] = settings.GONGKAI_LOGIN_MAX_FAILURES
        context["max_failures_per_user"] = settings.GONGKAI_LOGIN_MAX_FAILURES_PER_USER
        context["lock_minutes"] = settings.GONGKAI_LOGIN_LOCK_MINUTES
        return context


class LogoutView(auth_views.LogoutView):
    pass
