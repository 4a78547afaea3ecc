"""Content review in the browser: a handler's catalogue item with a mobile and an identity
number is refused publication with the findings shown; one is marked not a problem; the head
overrides with a reason and it publishes. An annual report's publish step shows its findings."""

from __future__ import annotations

import random
from typing import Any

import pytest

from gongkai.web.annual import services as annual_services
from gongkai.web.catalogue import services as catalogue_services
from gongkai.web.catalogue.models import DisclosureItem
from gongkai.web.contentreview.models import ReviewEvent
from tests.review.fakes import fake_id
from tests.web import browser_support
from tests.web.annual.records import filled, random_records
from tests.web.conftest import PASSWORD, build_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ID_NUMBER = fake_id()


def log_in(browser: Any, base: str, username: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    browser_support.log_in(page, base, username, PASSWORD)
    return page


def finding_row(page: Any, kind: str) -> Any:
    return page.locator(f"[data-testid=content-finding][data-kind={kind}]")


def test_catalogue_item_with_personal_data(
    page: Any, browser: Any, live_server: Any, transactional_db: None
) -> None:
    tree = build_tree()
    make_user("jb", "handler", tree.city)
    head = make_user("fz", "head", tree.city)
    base = live_server.url
    browser_support.log_in(page, base, "jb", PASSWORD)

    page.goto(f"{base}/catalogue/")
    page.fill("#id_title", "关于某申请的答复")
    page.fill("#id_issuing_body", "临川市人民政府")
    page.fill("#id_formed", "2024-03-01")
    page.fill("#id_summary", f"申请人：王小明，身份证号{ID_NUMBER}，手机13912345678。")
    page.locator(
        "form:has(#id_title) button[type=submit], form:has(#id_title) button"
    ).first.click()
    page.wait_for_url(f"{base}/catalogue/*/")
    item = DisclosureItem.objects.get()
    catalogue_services.approve_secrecy_review(item, by=head)  # 保密审查 is not under test

    page.goto(f"{base}/catalogue/{item.pk}/")
    page.click("button:text-is('公开')")
    assert "内容审查发现" in page.text_content(".messages")
    assert finding_row(page, "身份证号").get_attribute("data-severity") == "error"
    id_row = finding_row(page, "身份证号").text_content()
    assert ID_NUMBER not in id_row and f"{ID_NUMBER[:3]}***********{ID_NUMBER[-4:]}" in id_row
    mobile = finding_row(page, "手机号")
    assert "139****5678" in mobile.text_content()
    assert page.locator("[data-testid=content-review-blocking]").is_visible()
    assert page.locator("[data-testid=content-review-override-form]").count() == 0  # handler

    mobile.locator("select[name=decision]").select_option("dismissed")
    mobile.locator("input[name=comment]").fill("本机关公开的公务手机")
    mobile.locator("[data-testid=content-finding-decide]").click()
    assert finding_row(page, "手机号").get_attribute("data-disposition") == "dismissed"
    page.click("button:text-is('公开')")
    assert "内容审查发现" in page.text_content(".messages")  # the identity number is still open
    item.refresh_from_db()
    assert item.published is None

    head_page = log_in(browser, base, "fz")
    head_page.goto(f"{base}/catalogue/{item.pk}/")
    head_page.fill(
        "[data-testid=content-review-override-form] input[name=reason]", "已取得本人书面同意"
    )
    head_page.click("[data-testid=content-review-override-form] button")
    assert "已取得本人书面同意" in head_page.text_content("[data-testid=content-review-override]")
    head_page.click("button:text-is('公开')")
    assert "已公开" in head_page.text_content(".messages")
    item.refresh_from_db()
    assert item.published is not None
    assert list(ReviewEvent.objects.values_list("action", flat=True)) == [
        "run",
        "blocked",
        "dismissed",
        "blocked",
        "override",
    ]
    head_page.context.close()


def test_annual_report_publish_step_shows_the_findings(
    page: Any, live_server: Any, transactional_db: None
) -> None:
    tree = build_tree()
    handler = make_user("jb", "handler", tree.city_dept)
    head = make_user("fz", "head", tree.city_dept)
    supervisor = make_user("zg", "supervisor", tree.city)
    source = random_records(tree.city_dept.pk, random.Random(3))
    draft = annual_services.build_report(tree.city_dept, 2024, by=handler, source=source)
    draft = filled(draft, handler)  # no template text left (rule E7)
    text = draft.data["sections"]["5"] + "如有疑问请联系经办人张三，手机13800001111。"
    draft = annual_services.edit_section(draft, "5", text, by=handler)
    for action, who in (("approve", head), ("submit", handler), ("accept", supervisor)):
        draft = annual_services.perform(draft, action, by=who)

    browser_support.log_in(page, live_server.url, "fz", PASSWORD)
    page.goto(f"{live_server.url}/annual/{draft.pk}/")
    page.click("[data-testid=action-publish]")
    assert "内容审查发现" in page.text_content(".messages")
    row = finding_row(page, "手机号")
    assert "138****1111" in row.text_content() and "第5部分" in row.text_content()
    assert page.text_content("[data-testid=report-state]").strip() == "上级已审核通过"
