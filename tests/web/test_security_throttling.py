"""Guessing spread over many addresses is stopped: 50 tries from 10 addresses against one
user name (login) or one tracking number (portal look-up), each address staying under its
own per-address cap, are cut off by the cap across addresses; the lock is explained, and
the owner gets in again once the window has passed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from gongkai.web.accounts.models import LoginFailure
from gongkai.web.portal.models import LookupFailure
from tests.web.conftest import PASSWORD
from tests.web.portal.conftest import submitted

pytestmark = pytest.mark.django_db

ADDRESSES = [f"10.0.1.{n}" for n in range(1, 11)]
TRIES_PER_ADDRESS = 5  # 50 in all; the per-address cap (5) alone would let every one through
WRONG_CODE = "AAAA-BBBB-CCCC"


def _login(username: str, password: str, ip: str) -> str:
    response = Client(REMOTE_ADDR=ip).post(
        "/accounts/login/", {"username": username, "password": password}
    )
    return "ok" if response.status_code == 302 else response.content.decode()


def _spread_guesses(attempt: Any) -> list[str]:
    """Every address takes its turn, as a distributed guesser would."""
    return [attempt(ip) for _ in range(TRIES_PER_ADDRESS) for ip in ADDRESSES]


def test_login_guessing_from_ten_addresses_is_stopped(role_users: dict[str, Any]) -> None:
    username = role_users["handler"].username
    answers = _spread_guesses(lambda ip: _login(username, "guess-0000", ip))
    checked = [a for a in answers if "用户名或密码不正确" in a]
    refused = [a for a in answers if "从多处输错密码" in a]
    assert len(checked) == settings.GONGKAI_LOGIN_MAX_FAILURES_PER_USER == 20
    assert len(refused) == 30 and "分钟后" in refused[0]
    # the right password from an 11th address is refused too while the lock lasts
    assert "各处的登录都已暂停" in _login(username, PASSWORD, "10.0.2.1")
    # after the window the owner logs in again
    LoginFailure.objects.update(
        at=timezone.now() - timedelta(minutes=settings.GONGKAI_LOGIN_LOCK_MINUTES + 1)
    )
    assert _login(username, PASSWORD, "10.0.2.1") == "ok"


def test_a_colleague_is_not_locked_out_by_a_few_failures_elsewhere(
    role_users: dict[str, Any],
) -> None:
    username = role_users["head"].username
    for ip in ADDRESSES[:3]:
        for _ in range(settings.GONGKAI_LOGIN_MAX_FAILURES):
            _login(username, "guess-0000", ip)
    assert _login(username, PASSWORD, "10.0.2.1") == "ok"  # 15 < 20


def _track(number: str, code: str, ip: str) -> str:
    response = Client(REMOTE_ADDR=ip).post(
        "/portal/track/", {"tracking_number": number, "access_code": code}
    )
    return "ok" if response.status_code == 302 else response.content.decode()


def test_lookup_guessing_from_ten_addresses_is_stopped(
    tree: Any, role_users: dict[str, Any]
) -> None:
    application, code = submitted(tree.city)
    number = application.tracking_number
    answers = _spread_guesses(lambda ip: _track(number, WRONG_CODE, ip))
    checked = [a for a in answers if "查询号或查询码不正确" in a]
    refused = [a for a in answers if "从多处查询失败" in a]
    assert len(checked) == 20 and len(refused) == 30
    assert "为保护申请人的信息" in refused[0] and "分钟后" in refused[0]
    assert "已暂时锁定" in _track(number, code, "10.0.2.1")  # even the right code
    LookupFailure.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert _track(number, code, "10.0.2.1") == "ok"
