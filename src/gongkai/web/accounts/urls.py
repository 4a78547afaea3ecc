from __future__ import annotations

from django.urls import path

from gongkai.web.accounts.views.auth import LoginView, LogoutView
from gongkai.web.accounts.views.password import password_change, password_reset

app_name = "accounts"
urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("password/", password_change, name="password_change"),
    path("users/<int:pk>/password-reset/", password_reset, name="password_reset"),
]
