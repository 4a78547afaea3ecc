"""The home pages show each role's work queue (README: 本机关待办与超期、下级机关一览):
a handler their own open cases, overdue first; a head the agency's cases and what waits for
the head's decision; a supervisor the subordinate agencies' overdue cases and reports."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.cases import services
from gongkai.web.cases.models import Case
from tests.web.cases.conftest import register
from tests.web.conftest import PASSWORD, Tree, make_user

TODAY = dt.date(2025, 3, 14)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "today", lambda: TODAY)


def _home(user: Any) -> str:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}".*?</section>', html, re.S)
    assert found, f"no {testid} on the page"
    return found.group(0)


def _numbers(html: str) -> list[str]:
    return re.findall(r"依申请〔\d{4}〕\d+号", html)


@pytest.fixture
def queue(tree: Tree, role_users: dict[str, Any]) -> dict[str, Case]:
    handler = role_users["handler"]
    colleague = make_user("colleague-city", "handler", tree.city)
    cases = {
        "due_later": register(
            tree.city, handler, submitted_on=dt.date(2025, 3, 3), handler=handler
        ),
        "overdue": register(
            tree.city,
            handler,
            submitted_on=dt.date(2025, 1, 2),
            handler=handler,
            description="2024年临川市财政预算执行情况",
        ),
        "colleagues": register(
            tree.city,
            colleague,
            submitted_on=dt.date(2025, 2, 20),
            handler=colleague,
            description="临川市公交线路调整方案",
        ),
        "district": register(
            tree.district,
            make_user("handler-dh", "handler", tree.district),
            submitted_on=dt.date(2025, 1, 2),
        ),
        "unrelated": register(
            tree.other_dept,
            make_user("handler-ny", "handler", tree.other_dept),
            submitted_on=dt.date(2025, 1, 2),
        ),
    }
    for case in cases.values():
        case.refresh_from_db()
    return cases


def test_a_handler_sees_own_open_cases_overdue_first(
    queue: dict[str, Case], role_users: dict[str, Any]
) -> None:
    html = _section(_home(role_users["handler"]), "home-queue")
    assert "我的待办" in html
    assert _numbers(html) == [queue["overdue"].number, queue["due_later"].number]
    assert html.count("badge-overdue") == 1  # the overdue one is marked as such


def test_a_head_sees_the_agencys_queue_and_decisions_waiting(
    queue: dict[str, Case], role_users: dict[str, Any], tree: Tree
) -> None:
    case = queue["due_later"]
    services.request_extension(
        case, role_users["handler"], version=case.version, workdays=10, reason="需调取档案"
    )
    AnnualReportDraft.objects.create(agency=tree.city, year=2024)
    page = _home(role_users["head"])
    numbers = _numbers(_section(page, "home-queue"))
    assert numbers[0] == queue["overdue"].number and set(numbers) == {
        queue[k].number for k in ("overdue", "due_later", "colleagues")
    }
    decisions = _section(page, "home-decisions")
    assert case.number in decisions and "申请延长 10 个工作日：需调取档案" in decisions
    assert "2024 年度报告（本机关）" in decisions


def test_a_handler_has_no_decisions_panel(
    queue: dict[str, Case], role_users: dict[str, Any]
) -> None:
    assert 'data-testid="home-decisions"' not in _home(role_users["handler"])


def test_a_supervisor_sees_subordinates_overdue_cases_and_reports(
    queue: dict[str, Case], role_users: dict[str, Any], tree: Tree
) -> None:
    AnnualReportDraft.objects.create(agency=tree.city_dept, year=2024, state="submitted")
    page = _home(role_users["supervisor"])
    assert re.search(r'data-testid="home-overdue">2<', page)  # the city's and the district's
    lagging = _section(page, "home-lagging")
    assert "东湖区人民政府" in lagging and "临川市人民政府" in lagging
    assert "宁远市" not in page  # an unrelated agency's overdue case is not counted or named
    unsubmitted = _section(page, "home-unsubmitted")
    assert "2024年度报告未报送" in unsubmitted
    assert "东湖区湖滨街道办事处" in unsubmitted and "临川市教育局" not in unsubmitted
