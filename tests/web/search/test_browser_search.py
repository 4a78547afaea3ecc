"""Public search in the browser: from the portal's header to marked results (htmx, under the
strict CSP), a filter, and nothing unpublished."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.text.search import parse_query
from tests.web.conftest import build_tree
from tests.web.search.published import Staff, catalogue_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_header(page: Any, live_server: Any) -> None:
    tree = build_tree()
    staff = Staff()
    catalogue_item(staff, tree.city, "2024年部门预算", summary="收入预算合计1200万元。")
    catalogue_item(staff, tree.other_city, "宁远市部门预算")
    catalogue_item(staff, tree.city, "未公开的预算草稿", published=None)
    parse_query("预算")  # jieba loads once per process, the live server's thread included
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/portal/")
    page.get_by_role("link", name="信息检索").click()
    expect(page.get_by_role("heading", name="政府信息检索")).to_be_visible()
    page.get_by_test_id("search-q").fill("预算")
    page.get_by_role("button", name="检索").click()
    hits = page.get_by_test_id("search-hit")
    expect(hits).to_have_count(2)
    expect(page).to_have_url(
        f"{live_server.url}/search/?q=%E9%A2%84%E7%AE%97&agency=&scope=subtree&year=&kind=&category="
    )
    expect(hits.first.locator("mark").first).to_have_text("预算")
    expect(page.get_by_text("未公开的预算草稿")).to_have_count(0)

    page.locator("select[name=agency]").select_option(label=f"　{tree.city.name}")
    page.get_by_role("button", name="检索").click()
    expect(hits).to_have_count(1)
    expect(hits.first).to_contain_text("2024年部门预算")
    expect(hits.first.locator(".hit-snippet mark")).to_have_text("预算")
    assert not [e for e in errors if "Content Security Policy" in e], errors
