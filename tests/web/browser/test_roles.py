"""Log in as each role in a real browser, see the right home page, be refused another
agency's page; a head edits the contact details inline (htmx, served locally)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.web.accounts.models import User
from tests.web import browser_support
from tests.web.conftest import PASSWORD, Tree, build_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOME_TITLES = {
    "handler": "临川市人民政府",
    "head": "临川市人民政府",
    "supervisor": "临川市人民政府 · 所辖机关",
    "admin": "平台概况",
}


@pytest.fixture
def world(transactional_db: None) -> tuple[Tree, dict[str, User]]:
    tree = build_tree()
    users = {role: make_user(f"{role}-city", role, tree.city) for role in HOME_TITLES}
    return tree, users


def log_in(page: Any, base: str, username: str) -> None:
    browser_support.log_in(page, base, username, PASSWORD)


@pytest.mark.parametrize("role", ["handler", "head", "supervisor"])
def test_role_home_and_refusal(
    role: str, page: Any, live_server: Any, world: tuple[Tree, dict[str, User]]
) -> None:
    tree, _ = world
    log_in(page, live_server.url, f"{role}-city")
    assert page.text_content("[data-testid=home-title]").strip() == HOME_TITLES[role]
    assert page.locator(".role-badge").first.text_content() in {"经办人", "负责人", "主管"}
    response = page.goto(f"{live_server.url}/agencies/{tree.other_dept.pk}/")
    assert response.status == 404
    assert "无权访问" in page.text_content("main")
    assert "宁远市教育局" not in page.content()


def test_admin_home_and_admin_site(
    page: Any, live_server: Any, world: tuple[Tree, dict[str, User]]
) -> None:
    log_in(page, live_server.url, "admin-city")
    assert page.text_content("[data-testid=home-title]").strip() == HOME_TITLES["admin"]
    page.click("text=进入系统管理")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert "系统管理" in page.title()


def test_head_edits_contact_inline_with_htmx(
    page: Any, live_server: Any, world: tuple[Tree, dict[str, User]]
) -> None:
    tree, _ = world
    log_in(page, live_server.url, "head-city")
    page.click("[data-testid=edit-contact]")
    page.wait_for_selector("#id_office_phone")
    assert page.url == f"{live_server.url}/"  # swapped in place, no navigation
    page.fill("#id_office_phone", "0552-6200123")
    page.click("#contact-card button[type=submit]")
    page.wait_for_selector("text=联系信息已保存")
    assert "0552-6200123" in page.text_content("#contact-card")
    tree.city.refresh_from_db()
    assert tree.city.office_phone == "0552-6200123"
