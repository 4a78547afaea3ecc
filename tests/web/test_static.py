"""Static files come from the platform itself: no CDN, no external asset URLs."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import Client

import gongkai.web
from gongkai.web.accounts.models import User
from tests.web.conftest import PASSWORD

WEB = Path(gongkai.web.__file__).parent
EXTERNAL_ASSET = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_own_css_and_htmx_are_served(client: Client) -> None:
    for path, content_type in (
        ("/static/gongkai/css/site.css", "text/css"),
        ("/static/django_htmx/htmx-2.min.js", "javascript"),
        ("/static/gongkai/img/emblem.svg", "image/svg+xml"),
        ("/static/admin/css/base.css", "text/css"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert content_type in response["Content-Type"]


def test_missing_and_escaping_paths_are_404(client: Client) -> None:
    assert client.get("/static/gongkai/css/nope.css").status_code == 404
    assert client.get("/static/../settings.py").status_code == 404
    assert client.get("/static/%2e%2e/settings.py").status_code == 404


def test_templates_reference_no_external_assets() -> None:
    templates = list(WEB.rglob("templates/**/*.html"))
    assert len(templates) > 10
    offenders = [str(t) for t in templates if EXTERNAL_ASSET.search(t.read_text(encoding="utf-8"))]
    assert offenders == []


def test_rendered_pages_reference_no_external_assets(
    client: Client, role_users: dict[str, User]
) -> None:
    pages = [client.get("/accounts/login/").content.decode()]
    for user in role_users.values():
        assert client.login(username=user.username, password=PASSWORD)
        pages += [client.get(url).content.decode() for url in ("/", "/agencies/")]
    for html in pages:
        assert not EXTERNAL_ASSET.search(html)
        assert "/static/django_htmx/htmx-2.min.js" in html


def test_stylesheet_loads_no_web_fonts() -> None:
    css = (WEB / "core/static/gongkai/css/site.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css
