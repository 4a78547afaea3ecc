"""An applicant applies online in a real browser, the agency confirms, the applicant
follows the case with the tracking number and access code."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.web.portal import services
from gongkai.web.portal.models import OnlineApplication
from tests.web.conftest import build_tree, make_user
from tests.web.portal.conftest import FORM, ID_NUMBER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db: None) -> tuple[Any, Any]:
    tree = build_tree()
    return tree, make_user("handler-city", "handler", tree.city)


def test_apply_online_then_follow_the_case(
    page: Any, live_server: Any, world: tuple[Any, Any]
) -> None:
    _tree, handler = world
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.click("text=申请政府信息公开")
    page.wait_for_url(f"{base}/portal/")
    page.fill("input[name=q]", "临川")
    page.click("button:has-text('搜索')")
    page.click("[data-testid=agency-link]:has-text('临川市人民政府')")
    page.click("[data-testid=apply-link]")

    form = page.locator("[data-testid=application-form]")
    page.check("input[name=applicant_kind][value=natural_person]")
    for name in ("applicant_name", "id_number", "phone", "email", "address", "postcode"):
        page.fill(f"input[name={name}]", FORM[name])
    page.select_option("select[name=id_type]", "id_card")
    page.fill("textarea[name=description]", "短")  # too short: refused, in Chinese
    page.check("input[name=form_wanted][value=electronic]")
    page.check("input[name=delivery_wanted][value=email]")
    page.check("input[name=declaration]")
    page.click("[data-testid=submit-application]")
    expect(form).to_contain_text("不少于 10 个字")
    page.fill("textarea[name=description]", FORM["description"])
    page.check("input[name=declaration]")
    page.click("[data-testid=submit-application]")

    tracking = page.text_content("[data-testid=tracking-number]").strip()
    code = page.text_content("[data-testid=access-code]").strip()
    application = OnlineApplication.objects.get()
    assert application.tracking_number == tracking
    page.reload()
    assert page.locator("[data-testid=access-code]").count() == 0  # shown once

    services.confirm_receipt(application, handler)  # the agency confirms receipt

    page.context.clear_cookies()  # a new visit: the code is needed again
    page.goto(f"{base}/portal/track/")
    page.fill("input[name=tracking_number]", tracking)
    page.fill("input[name=access_code]", code)
    page.click("[data-testid=track-submit]")
    page.wait_for_url(f"{base}/portal/track/{tracking}/")
    assert page.text_content("[data-testid=status-label]").strip() == "已受理"
    assert "年" in page.text_content("[data-testid=reply-due]")
    html = page.content()
    assert "张**" in html and "张三明" not in html and ID_NUMBER not in html
