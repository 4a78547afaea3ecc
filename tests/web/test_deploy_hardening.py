"""Deployment hardening: a strict Content-Security-Policy the templates keep to, TLS
settings on in production, ``check --deploy`` clean, and passwords: every user can change
theirs, an administrator can reset one to a temporary password that must be changed."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web import config
from gongkai.web.accounts.models import AccountEvent, User
from tests.web.conftest import PASSWORD

WEB = Path(config.__file__).parent
NEW_PASSWORD = "Xin-Mima-Hefei-2031"
TEMPORARY = "Linshi-Mima-7751-Hu"


# --- Content-Security-Policy -------------------------------------------------------------


def test_every_page_carries_a_strict_policy(client: Client, db: None) -> None:
    policy = client.get(reverse("accounts:login"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe" not in policy


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|\shx-on|javascript:", re.I
)


def test_templates_need_no_inline_script_or_style() -> None:
    """What the policy would block: inline scripts, <style>, style/on* attributes."""
    found = [
        f"{path.relative_to(WEB)}: {match.group(0).strip()}"
        for path in WEB.glob("*/templates/**/*.html")
        for match in INLINE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


# --- TLS settings and check --deploy -----------------------------------------------------


def test_tls_settings_are_on_in_production_unless_switched_off() -> None:
    production = config.transport_security({}, debug=False)
    assert production.secure_cookies and production.ssl_redirect
    assert production.hsts_seconds == 365 * 24 * 3600 and production.hsts_include_subdomains
    assert not config.transport_security({}, debug=True).secure_cookies
    intranet = config.transport_security({"GONGKAI_SECURE_COOKIES": "0"}, debug=False)
    assert not intranet.secure_cookies and not intranet.ssl_redirect
    assert intranet.hsts_seconds == 0
    with pytest.raises(config.ConfigError, match="GONGKAI_HSTS_SECONDS"):
        config.transport_security({"GONGKAI_HSTS_SECONDS": "-1"}, debug=False)


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "GONGKAI_", "DJANGO_"))
    }
    environment |= {
        "GONGKAI_DATA_DIR": str(tmp_path),
        "GONGKAI_DEBUG": "0",
        "GONGKAI_SECRET_KEY": secrets.token_urlsafe(50),
        "GONGKAI_ALLOWED_HOSTS": "gongkai.example.gov.cn",
    }
    command = ("web", "check", "--deploy", "--fail-level", "WARNING")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gongkai"), *command],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # the one silenced check (settings.SILENCED_SYSTEM_CHECKS): HSTS preload is the
    # operator's decision for the whole domain
    assert "System check identified no issues (1 silenced)." in result.stdout


# --- passwords ---------------------------------------------------------------------------


def _signed_in(user: User, password: str = PASSWORD) -> Client:
    client = Client()
    assert client.login(username=user.username, password=password)
    return client


@pytest.mark.django_db
def test_every_user_can_change_their_password(role_users: dict[str, User]) -> None:
    for user in role_users.values():
        client = _signed_in(user)
        page = client.get("/")
        assert reverse("accounts:password_change") in page.content.decode()
        wrong = client.post(
            reverse("accounts:password_change"),
            {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        assert wrong.status_code == 200 and "旧密码" in wrong.content.decode()
        done = client.post(
            reverse("accounts:password_change"),
            {
                "old_password": PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
        assert done.status_code == 302
        assert client.get("/").status_code == 200  # this session stays signed in
        assert not Client().login(username=user.username, password=PASSWORD)
        assert Client().login(username=user.username, password=NEW_PASSWORD)
        event = AccountEvent.objects.get(user=user)
        assert event.kind == "password_changed" and event.actor == user


@pytest.mark.django_db
def test_an_administrators_reset_must_be_changed_at_next_login(
    role_users: dict[str, User],
) -> None:
    admin, handler = role_users["admin"], role_users["handler"]
    old_session = _signed_in(handler)
    url = reverse("accounts:password_reset", args=[handler.pk])
    # the admin site's own password form leads to the platform's reset
    admin_client = _signed_in(admin)
    builtin = admin_client.get(f"/admin/accounts/user/{handler.pk}/password/")
    assert builtin.status_code == 302 and builtin["Location"] == url
    assert _signed_in(role_users["head"]).post(url, {}).status_code == 403
    weak = admin_client.post(url, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 200 and "密码" in weak.content.decode()
    reset = admin_client.post(url, {"new_password1": TEMPORARY, "new_password2": TEMPORARY})
    assert reset.status_code == 302
    event = AccountEvent.objects.get(user=handler)
    assert event.kind == "password_reset" and event.actor == admin

    assert old_session.get("/").status_code == 302  # the sessions before the reset ended
    client = _signed_in(handler, TEMPORARY)
    for page in ("/", reverse("cases:list"), "/portal/inbox/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"] == reverse("accounts:password_change")
    form = client.get(reverse("accounts:password_change")).content.decode()
    assert "系统管理员已为您重置密码" in form
    changed = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEMPORARY, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert changed.status_code == 302
    handler.refresh_from_db()
    assert not handler.must_change_password
    assert client.get(reverse("cases:list")).status_code == 200
    kinds = list(AccountEvent.objects.filter(user=handler).values_list("kind", flat=True))
    assert sorted(kinds) == ["password_changed", "password_reset"]


def test_reset_is_refused_to_non_administrators(role_users: Any) -> None:
    from django.core.exceptions import PermissionDenied

    from gongkai.web.accounts import services

    with pytest.raises(PermissionDenied):
        services.reset_password(role_users["handler"], role_users["head"], TEMPORARY)


@pytest.mark.django_db
def test_the_admin_sites_password_change_is_the_platforms(role_users: dict[str, User]) -> None:
    response = _signed_in(role_users["admin"]).get("/admin/password_change/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change")
