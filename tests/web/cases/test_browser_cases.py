"""In Chromium: a handler takes an online application from intake to a partial reply and
downloads the letter; the head approves an extension on another case; a supervisor above
sees both in the subtree view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.web.cases import services
from gongkai.web.cases.models import Case
from tests.web.conftest import PASSWORD, make_user

from .conftest import register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(browser: Any) -> Iterator[Any]:
    """A tab of the shared Chromium (tests/web/browser_support.py) that accepts downloads."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def act(page: Any, key: str, fields: dict[str, str], selects: dict[str, str] | None = None) -> None:
    panel = page.locator(f'[data-testid="action-{key}"]').first
    panel.locator("summary").click()
    for name, value in fields.items():
        panel.locator(f'[name="{key}-{name}"]').fill(value)
    for name, value in (selects or {}).items():
        panel.locator(f'[name="{key}-{name}"]').select_option(value)
    with page.expect_response(lambda r: f"/do/{key}/" in r.url) as info:
        panel.locator(f'[data-testid="submit-{key}"]').click()
    response = info.value
    assert response.ok and "x-gongkai-status" not in response.headers, response.text()[:2000]


def test_handler_head_and_supervisor(
    browser_page: Any, live_server: Any, tree: Any, role_users: dict[str, Any]
) -> None:
    page, base = browser_page, live_server.url
    handler, head = role_users["handler"], role_users["head"]
    make_user("sheng-zhuguan", "supervisor", tree.province)
    other = register(tree.city, handler, applicant_name="李四")
    services.request_extension(
        other, handler, version=other.version, workdays=15, reason="需调取历史档案"
    )

    # 经办人: register an online application
    login(page, base, handler.username)
    page.goto(f"{base}/cases/new/")
    page.check('input[name="channel"][value="online"]')
    page.fill('input[name="received_on"]', "2025-03-14")
    page.check('input[name="applicant_type"][value="natural_person"]')
    page.fill('input[name="applicant_name"]', "王小明")
    page.select_option('select[name="id_type"]', "id_card")
    page.fill('input[name="id_number"]', "990101199001011230")
    page.fill('input[name="phone"]', "13912345678")
    page.fill('textarea[name="description"]', "临川市2024年城市道路改造工程的立项批复和环评文件")
    page.select_option('select[name="form_wanted"]', "electronic")
    page.select_option('select[name="delivery_wanted"]', "email")
    with page.expect_navigation():
        page.click('[data-testid="register"]')
    assert re.search(r"/cases/\d+/$", page.url), page.locator(
        "[data-testid=intake-form]"
    ).inner_text()
    expect(page.locator('[data-testid="case-state"]')).to_contain_text("办理中")
    case = Case.objects.get(applicant_name="王小明")
    assert case.channel == "online"

    act(page, "correction", {"items": "请写明所需环评文件的项目名称"})
    expect(page.locator('[data-testid="case-state"]')).to_contain_text("等待补正")
    act(page, "correction_received", {"description": "临川市文昌路改造工程的立项批复和环评文件"})
    expect(page.locator('[data-testid="case-state"]')).to_contain_text("办理中")
    act(page, "consultation", {"party": "临川宏远建设工程有限公司"})
    expect(page.locator('[data-testid="case-state"]')).to_contain_text("暂停")
    act(
        page,
        "reply",
        {"withheld_description": "涉及第三方商业秘密的报价部分", "provision_method": "电子邮件"},
        selects={"outcome": "partial", "withheld_reason": "denied_4"},
    )
    expect(page.locator('[data-testid="outcome"]')).to_contain_text("部分公开")
    with page.expect_download() as info:
        page.click('[data-testid="letter-reply_partial-pdf"]')
    download = info.value
    assert download.suggested_filename.endswith("部分公开告知书.pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    case.refresh_from_db()
    assert (case.outcome, case.state) == ("partial", "replied")

    # 负责人: approve the extension on the other case
    login(page, base, head.username)
    page.goto(f"{base}/cases/dashboard/")
    page.locator('[data-testid="pending-extensions"] a').first.click()
    act(page, "extension_decide", {}, selects={"approve": "1"})
    expect(page.locator('[data-testid="extensions"]')).to_contain_text("同意")

    # 主管 of the province: both cases in the subtree view, applicants masked
    login(page, base, "sheng-zhuguan")
    page.goto(f"{base}/cases/supervision/")
    assert case.number in page.locator('[data-testid="supervision-recent"]').inner_text()
    assert other.number in page.locator('[data-testid="supervision-extensions"]').inner_text()
    assert "王小明" not in page.content()
