"""URLs: the JSON API (``v1_urls``, mounted at /api/v1/ in the root map, anonymous) and
the staff's token page (``urlpatterns``, at /api/)."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver, path

from gongkai.web.api.api import api
from gongkai.web.api.views import tokens


def _open(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    """Let anonymous clients reach the API (LoginRequiredMiddleware asks each view); the
    private endpoints check their token themselves."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _open(pattern.url_patterns)
        else:
            pattern.callback.login_required = False  # type: ignore[attr-defined]
    return patterns


def _v1() -> tuple[list[URLPattern | URLResolver], str, str]:
    patterns, app_name, namespace = api.urls
    return _open(list(patterns)), app_name, namespace


v1_urls: Any = _v1()

app_name = "api"
urlpatterns = [
    path("tokens/", tokens.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", tokens.token_revoke, name="token_revoke"),
]
