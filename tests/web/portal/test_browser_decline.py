"""Staff see the waiting online applications on the dashboard, decline one in the inbox
with a reason, and the applicant's status page shows 未受理 and the reason."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.web.portal import codes, services
from tests.web.browser_support import log_in
from tests.web.conftest import PASSWORD, build_tree, make_user
from tests.web.portal.conftest import FIELDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
REASON = "提交内容为投诉举报，不属于政府信息公开申请，请通过12345热线反映。"


def test_decline_from_the_inbox_and_read_it_as_the_applicant(
    page: Any, live_server: Any, transactional_db: None
) -> None:
    tree = build_tree()
    handler = make_user("handler-city", "handler", tree.city)
    sent = services.submit(tree.city, codes.new_form_token(), dict(FIELDS))
    application, code = sent.application, sent.access_code
    assert code is not None
    base = live_server.url
    log_in(page, base, handler.username, PASSWORD)
    assert "1 件网上申请等待确认收到" in page.text_content("[data-testid=home-online-waiting]")
    page.goto(f"{base}/cases/dashboard/")
    page.click("[data-testid=online-waiting]")
    page.wait_for_url(f"{base}/portal/inbox/")
    page.click("summary:has-text('不予受理')")
    page.fill(f"textarea[name=d{application.pk}-reason]", REASON)
    page.click(f"[data-testid=decline-{application.pk}]")
    expect(page.locator("main")).to_contain_text("没有待确认的网上申请")

    page.context.clear_cookies()
    page.goto(f"{base}/portal/track/")
    page.fill("input[name=tracking_number]", application.tracking_number)
    page.fill("input[name=access_code]", code)
    page.click("[data-testid=track-submit]")
    page.wait_for_url(f"{base}/portal/track/{application.tracking_number}/")
    assert page.text_content("[data-testid=status-label]").strip() == "未受理"
    assert REASON in page.text_content("[data-testid=decline-reason]")
