"""In a real browser and over real HTTP: the docs page works under the strict CSP (no
violation, the operations listed, a request tried out), the token page creates a token,
and an external client gets the same numbers as the published report's own download."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.report import numeric
from tests.web import browser_support
from tests.web.api.world import build_world
from tests.web.conftest import PASSWORD, build_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fetch(url: str, **headers: str) -> Any:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:  # the live server
        return json.loads(response.read())


def test_docs_page_works_under_the_policy(page: Any, live_server: Any) -> None:
    build_world(build_tree())
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".info .title")).to_contain_text("政务公开开放数据接口")
    operation = page.locator(".opblock-summary", has_text="/api/v1/agencies").first
    expect(operation).to_be_visible()
    operation.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    live = page.locator(".live-responses-table")
    expect(live.locator(".response .response-col_status").first).to_contain_text("200")
    expect(live).to_contain_text("临川市人民政府")
    assert violations == []


def test_token_page_creates_and_revokes(page: Any, live_server: Any) -> None:
    build_world(build_tree())
    browser_support.log_in(page, live_server.url, "api-zg", PASSWORD)
    page.goto(f"{live_server.url}/api/tokens/")
    page.fill("input[name=name]", "市数据开放平台")
    page.select_option("select[name=scope]", "subtree")
    page.click("button:has-text('创建')")
    secret = page.get_by_test_id("secret").inner_text()
    overdue = _fetch(
        f"{live_server.url}/api/v1/private/cases/overdue", Authorization=f"Bearer {secret}"
    )
    assert len(overdue["items"]) == 1
    page.goto(f"{live_server.url}/api/tokens/")
    expect(page.get_by_test_id("secret")).to_have_count(0)  # shown once only
    page.click("button:has-text('吊销')")
    expect(page.get_by_test_id("tokens")).to_contain_text("已吊销")


def test_an_external_client_gets_the_report_pages_numbers(live_server: Any) -> None:
    world = build_world(build_tree())
    base = live_server.url
    version = world.versions["dept_v2"]
    downloaded = _fetch(f"{base}/annual/public/versions/{version.pk}/json/")
    served = _fetch(f"{base}/api/v1/reports/{version.pk}")["report"]
    assert served["table3"] == downloaded["table3"] and served["table2"] == downloaded["table2"]
    assert served["table4"] == downloaded["table4"]
    stats = _fetch(f"{base}/api/v1/statistics/agencies?agency={world.tree.city_dept.pk}")
    received = sum(
        int(numeric(downloaded["table3"][row][-1]) or 0) for row in ("new_received", "carried_over")
    )
    assert stats["items"][0]["figures"]["applications"] == received
