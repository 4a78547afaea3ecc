"""The demo staff get (reserved-domain) addresses, so the outbox shows their mails."""

from __future__ import annotations

import pytest

from gongkai.web.accounts.demo import DEMO_USERS
from gongkai.web.accounts.models import User
from gongkai.web.core.demo import run_demo

pytestmark = pytest.mark.django_db


def test_demo_staff_have_addresses_and_a_changed_one_is_kept() -> None:
    run_demo(only=("江淮省机关", "演示账号", "演示邮箱"))
    emails = dict(User.objects.values_list("username", "email"))
    assert all(emails[u.username] == f"{u.username}@jianghuai.example" for u in DEMO_USERS)
    User.objects.filter(username="lcjyj-jingban").update(email="liuyang@lc.example.gov.cn")
    report = run_demo(only=("江淮省机关", "演示账号", "演示邮箱"))
    assert User.objects.get(username="lcjyj-jingban").email == "liuyang@lc.example.gov.cn"
    assert any("演示邮箱" in line and "本次设置 0 个" in line for line in report.lines)
