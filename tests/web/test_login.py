"""Login, logout, throttling, password rules, CSRF and session security."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.web.accounts import services, throttling
from gongkai.web.accounts.models import LoginFailure, User
from tests.web.conftest import PASSWORD, Tree

LOGIN = "/accounts/login/"


def post_login(client: Client, username: str, password: str, ip: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_and_logout(client: Client, role_users: dict[str, User]) -> None:
    response = post_login(client, "handler-city", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("core:home")
    assert client.get("/").status_code == 200
    assert client.get(reverse("accounts:logout")).status_code == 405  # logging out needs POST
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get("/").status_code == 302


def test_pages_require_login(client: Client, tree: Tree) -> None:
    for url in ("/", "/agencies/", f"/agencies/{tree.city.pk}/", f"/agencies/{tree.city.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(LOGIN), url


def test_wrong_password_is_reported_in_chinese(client: Client, role_users: dict[str, User]) -> None:
    response = post_login(client, "handler-city", "wrong-password")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
    assert LoginFailure.objects.filter(username="handler-city").count() == 1


def test_five_failures_lock_the_account_from_that_address(
    client: Client, role_users: dict[str, User]
) -> None:
    for _ in range(5):
        post_login(client, "handler-city", "wrong-password")
    locked = post_login(client, "handler-city", PASSWORD)
    assert locked.status_code == 200
    assert "登录失败次数过多" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another machine is not locked out, and the user name match ignores case.
    assert post_login(Client(), "handler-city", PASSWORD, ip="10.0.0.2").status_code == 302
    assert "登录失败次数过多" in post_login(client, "HANDLER-city", PASSWORD).content.decode()


def test_lock_expires_after_the_window(
    client: Client, role_users: dict[str, User], settings
) -> None:  # type: ignore[no-untyped-def]
    for _ in range(settings.GONGKAI_LOGIN_MAX_FAILURES):
        post_login(client, "head-city", "wrong-password")
    assert throttling.locked_until("head-city", "10.0.0.1") is not None
    LoginFailure.objects.update(
        at=timezone.now() - timedelta(minutes=settings.GONGKAI_LOGIN_LOCK_MINUTES + 1)
    )
    assert throttling.locked_until("head-city", "10.0.0.1") is None
    assert post_login(client, "head-city", PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="head-city").exists()  # success clears them


def test_four_failures_do_not_lock(client: Client, role_users: dict[str, User]) -> None:
    for _ in range(4):
        post_login(client, "head-city", "wrong-password")
    assert post_login(client, "head-city", PASSWORD).status_code == 302


def test_purge_keeps_failures_that_still_count(db: None) -> None:
    throttling.record_failure("someone", "10.0.0.9")
    old = LoginFailure.objects.create(username="someone", ip_address="10.0.0.9")
    LoginFailure.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=1))
    assert throttling.purge_expired() == 1
    assert LoginFailure.objects.count() == 1


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Short-1", "太短"),
        ("1234567890123", "只包含数字"),
        ("password1234", "太常见"),
        ("zhang.wei.lc", "相似"),
    ],
)
def test_password_rules(password: str, reason: str, tree: Tree) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.create_user(
            username="zhang.wei.lc",
            password=password,
            full_name="张伟",
            role="handler",
            agency=tree.city,
        )
    assert reason in " ".join(excinfo.value.messages)
    assert not User.objects.filter(username="zhang.wei.lc").exists()


def test_every_role_but_admin_needs_an_agency(db: None) -> None:
    with pytest.raises(ValidationError, match="必须属于一个机关"):
        services.create_user(
            username="lost", password=PASSWORD, full_name="某人", role="handler", agency=None
        )
    admin = services.create_user(
        username="root", password=PASSWORD, full_name="管理员", role="admin", agency=None
    )
    assert admin.is_staff and admin.is_superuser and admin.is_platform_admin


def test_database_refuses_a_non_admin_without_agency(db: None) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="x", full_name="某人", role="head", agency=None)


def test_createsuperuser_makes_an_administrator(db: None) -> None:
    user = User.objects.create_superuser(
        "boss", "boss@example.gov.cn", PASSWORD, full_name="管理员"
    )
    assert user.role == "admin" and user.is_superuser and user.check_password(PASSWORD)


def test_csrf_is_enforced_on_login_and_forms(role_users: dict[str, User], tree: Tree) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "head-city", "password": PASSWORD})
    assert response.status_code == 403
    assert "安全校验" in response.content.decode()
    page = client.get(LOGIN)
    token = page.cookies["csrftoken"].value
    ok = client.post(
        LOGIN, {"username": "head-city", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert ok.status_code == 302
    edit = reverse("agencies:edit", args=[tree.city.pk])
    assert client.post(edit, {"office_phone": "0552-1"}).status_code == 403
    tree.city.refresh_from_db()
    assert tree.city.office_phone == ""


def test_session_cookie_is_httponly_and_ends_with_the_browser(
    client: Client, role_users: dict[str, User]
) -> None:
    response = post_login(client, "head-city", PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie


def test_idle_sessions_expire(client: Client, role_users: dict[str, User], settings) -> None:  # type: ignore[no-untyped-def]
    post_login(client, "head-city", PASSWORD)
    session = Session.objects.get()
    idle = session.expire_date - timezone.now()
    assert (
        timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
        < idle
        <= timedelta(seconds=settings.SESSION_COOKIE_AGE)
    )
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/").status_code == 302


def test_security_headers(client: Client, db: None) -> None:
    response = client.get(LOGIN)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_login_page_is_chinese(client: Client, db: None) -> None:
    html = client.get(LOGIN).content.decode()
    assert '<html lang="zh-Hans">' in html and "登录" in html and "用户名" in html
