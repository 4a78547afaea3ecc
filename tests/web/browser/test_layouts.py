"""Layouts that hold: every key page of every role (and the portal) at 1366 px and 390 px.

A page fails when it is wider than the window (``document.scrollingElement.scrollWidth >
window.innerWidth``) or when any element sticks out of the viewport other than inside a
scroll container (a table scrolls inside its card). The failure names the width, the role,
the page and the offending element. Screenshots of every page are kept in
test-artifacts/browser/ (layout-<width>-<role>-<page>.png).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web import browser_support, key_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1366, 390)
CASE_PAGES = 3  # case pages per role: their layout is one template

# The page's width, then each outermost visible element outside the viewport that no
# scrolling (or deliberately clipping) ancestor holds, named by tag, id, classes and text.
OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const problems = [];
  const page = document.scrollingElement.scrollWidth;
  if (page > width) problems.push(`页面宽 ${page}px，超出窗口 ${width}px`);
  const held = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (["auto", "scroll", "hidden"].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    if (el.classList.length) s += "." + [...el.classList].join(".");
    const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 30);
    return text ? `${s}「${text}」` : s;
  };
  const reported = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (reported.some((r) => r.contains(el))) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right <= width + 1 && box.left >= -1) continue;
    if (getComputedStyle(el).position === "fixed" || held(el)) continue;
    reported.push(el);
    problems.push(`${name(el)} 伸出窗口（左 ${Math.round(box.left)}，右 ${Math.round(box.right)}）`);
  }
  return problems;
}"""


def _slug(url: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", url).strip("-") or "home"


def _enter(page: Any, base: str, role: str, world: key_pages.World) -> None:
    """Log in as the role's demo account; the applicant opens each tracked application."""
    if role != key_pages.PUBLIC:
        browser_support.log_in(page, base, key_pages.ACCOUNTS[role], key_pages.PASSWORD)
        return
    for number, code in world.tracking:
        page.goto(f"{base}/portal/track/")
        page.fill("input[name=tracking_number]", number)
        page.fill("input[name=access_code]", code)
        page.click("[data-testid=track-submit]")
        expect(page).to_have_url(re.compile(rf"/portal/track/{number}/"))


def test_key_pages_fit_the_window_at_1366_and_390(browser: Any, live_server: Any) -> None:
    world = key_pages.demo_world()
    browser_support.ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for role in key_pages.ROLES:
        pages = [p for p in key_pages.pages_of(role, world, CASE_PAGES) if p.post is None]
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
            page = context.new_page()
            page.set_default_timeout(20_000)
            _enter(page, live_server.url, role, world)
            for shown in pages:
                response = page.goto(live_server.url + shown.url)
                assert response is not None and response.ok, f"{role} {shown.name} {shown.url}"
                expect(page.locator("main.page")).to_be_visible()
                shot = f"layout-{width}-{role}-{_slug(shown.url)}.png"
                page.screenshot(path=str(browser_support.ARTIFACTS / shot), full_page=True)
                for problem in page.evaluate(OVERFLOW_JS):
                    problems.append(f"{width}px · {role} · {shown.name}（{shown.url}）：{problem}")
            context.close()
    assert not problems, "页面超出窗口宽度：\n" + "\n".join(problems)


def test_the_menu_folds_at_390_and_logout_stays_reachable(browser: Any, live_server: Any) -> None:
    from tests.web.conftest import PASSWORD, build_tree, make_user

    tree = build_tree()
    make_user("handler-city", "handler", tree.city)
    for width, folded in ((1366, False), (390, True)):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
        page = context.new_page()
        browser_support.log_in(page, live_server.url, "handler-city", PASSWORD)
        menu = page.locator(".nav-toggle-label")
        logout = page.get_by_role("button", name="退出")
        annual = page.locator(".mainnav").get_by_role("link", name="年度报告")
        if folded:
            expect(menu).to_be_visible()
            expect(annual).to_be_hidden()
            menu.click()
        else:
            expect(menu).to_be_hidden()
        expect(annual).to_be_visible()
        expect(logout).to_be_visible()
        box = logout.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate(OVERFLOW_JS) == []
        if folded:
            menu.click()
            expect(annual).to_be_hidden()
        page.screenshot(path=str(browser_support.ARTIFACTS / f"layout-{width}-menu.png"))
        context.close()
