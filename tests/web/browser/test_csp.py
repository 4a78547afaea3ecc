"""The pages work under the strict Content-Security-Policy in a real browser: no policy
violation anywhere, htmx still swaps, tree levels still indent, print buttons still print."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web import browser_support
from tests.web.cases.conftest import register
from tests.web.conftest import PASSWORD, build_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _watch_violations(page: Any) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def test_staff_pages_keep_to_the_policy(
    page: Any, live_server: Any, transactional_db: None
) -> None:
    tree = build_tree()
    handler = make_user("handler-city", "handler", tree.city)
    make_user("supervisor-city", "supervisor", tree.city)
    case = register(tree.city, handler, applicant_name="王晓明")
    violations = _watch_violations(page)
    base = live_server.url
    browser_support.log_in(page, base, "supervisor-city", PASSWORD)
    street = page.locator("td.tree", has_text="东湖区湖滨街道办事处").first
    city = page.locator("td.tree", has_text="临川市教育局").first
    indent = "el => parseFloat(getComputedStyle(el).paddingLeft)"
    assert street.evaluate(indent) > city.evaluate(indent)  # level-2 deeper than level-1
    page.click("button:has-text('退出')")
    browser_support.log_in(page, base, "handler-city", PASSWORD)
    page.goto(f"{base}/cases/")
    page.fill("input[name=q]", case.number)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"text={case.number}")
    page.goto(f"{base}/cases/{case.pk}/")
    page.goto(f"{base}/accounts/password/")
    page.goto(f"{base}/admin/login/")
    assert violations == []


def test_portal_pages_keep_to_the_policy_and_print(
    page: Any, live_server: Any, transactional_db: None
) -> None:
    from tests.web.portal.conftest import FORM

    tree = build_tree()
    make_user("handler-city", "handler", tree.city)
    violations = _watch_violations(page)
    page.add_init_script("window.print = () => { window.printed = true; };")
    base = live_server.url
    page.goto(f"{base}/portal/")
    page.goto(f"{base}/portal/agencies/{tree.city.pk}/apply/")
    page.check("input[name=applicant_kind][value=natural_person]")
    for name in ("applicant_name", "id_number", "phone", "email", "address", "postcode"):
        page.fill(f"input[name={name}]", FORM[name])
    page.select_option("select[name=id_type]", "id_card")
    page.fill("textarea[name=description]", FORM["description"])
    page.check("input[name=form_wanted][value=electronic]")
    page.check("input[name=delivery_wanted][value=email]")
    page.check("input[name=declaration]")
    page.click("[data-testid=submit-application]")
    page.wait_for_selector("[data-testid=tracking-number]")
    page.click("button[data-print]")
    assert page.evaluate("window.printed === true")
    assert violations == []
