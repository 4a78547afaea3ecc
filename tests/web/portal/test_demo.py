"""The portal's demo step: idempotent, one confirmed application with its case."""

from __future__ import annotations

import pytest

from gongkai.web.cases.models import Case
from gongkai.web.core.demo import run_demo
from gongkai.web.portal.models import OnlineApplication

pytestmark = pytest.mark.django_db

STEPS = {"江淮省机关", "演示账号", "网上申请"}


def test_demo_applications_are_made_once() -> None:
    first = run_demo(only=STEPS)
    run_demo(only=STEPS)
    assert OnlineApplication.objects.count() == 3
    assert OnlineApplication.objects.filter(case__isnull=False).count() == 1
    assert Case.objects.filter(channel="online").count() == 1
    (line,) = [n for n in first.lines if n.startswith("网上申请")]
    assert "查询号 / 查询码" in line
