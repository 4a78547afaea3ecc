"""In Chromium: a case is answered, its reply is downloaded by staff and by the applicant,
the registration is corrected (更正, with a reason), and both download the same bytes
again; the case page's change log shows the old and new values."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from typing import Any

import docx
import pytest
from playwright.sync_api import expect

from gongkai.web.cases.models import AuditEntry, Case
from gongkai.web.portal import services as portal_services
from tests.web.browser_support import ARTIFACTS
from tests.web.conftest import PASSWORD
from tests.web.portal.conftest import submitted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def applicant_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def download(page: Any, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def names_in(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def test_the_reply_stays_as_issued_after_a_correction(
    staff_page: Any, applicant_page: Any, live_server: Any, tree: Any, role_users: dict[str, Any]
) -> None:
    base, handler = live_server.url, role_users["handler"]
    application, code = submitted(tree.city)
    case = portal_services.confirm_receipt(application, handler)

    # 经办人: answer the case on its page and download the reply letter
    page = staff_page
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", handler.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/cases/{case.pk}/")
    panel = page.locator('[data-testid="action-reply"]')
    panel.locator("summary").click()
    panel.locator('[name="reply-outcome"]').select_option("granted")
    panel.locator('[name="reply-reply_detail"]').fill("所申请的招标文件见附件。")
    panel.locator('[name="reply-provision_method"]').fill("电子邮件")
    panel.locator('[data-testid="submit-reply"]').click()
    expect(page.locator('[data-testid="outcome"]')).to_contain_text("予以公开")
    staff_first = download(page, '[data-testid="letter-reply_granted-docx"]')
    assert "张三明" in names_in(staff_first)

    # 申请人: the same letter on the portal, by tracking number and code
    portal = applicant_page
    portal.goto(f"{base}/portal/track/")
    portal.fill("input[name=tracking_number]", application.tracking_number)
    portal.fill("input[name=access_code]", code)
    portal.click('[data-testid="track-submit"]')
    expect(portal.locator('[data-testid="letters"]')).to_contain_text("予以公开")
    portal_first = download(portal, '[data-testid="letter-reply_granted-docx"]')
    assert portal_first == staff_first

    # 经办人: ordinary editing is gone after the reply; the 更正 needs a reason
    page.reload()
    expect(page.locator('[data-testid="edit-details"]')).to_have_count(0)
    correct = page.locator('[data-testid="correct-details"]')
    correct.locator("summary").click()
    expect(correct.locator('[name="correct-reason"]')).to_have_attribute("required", "")
    correct.locator('[name="correct-applicant_name"]').fill("张山明")
    correct.locator('[name="correct-reason"]').fill("申请人来电：姓名登记有误，已核对身份证")
    correct.locator('[data-testid="submit-correct"]').click()
    log = page.locator('[data-testid="change-log"]')
    expect(log).to_contain_text("申请人姓名或名称 张三明 → 张山明")
    expect(log).to_contain_text("申请人来电：姓名登记有误")
    expect(page.locator('[data-testid="applicant-name"]')).to_contain_text("张山明")

    # both download the letter as issued: byte for byte the first one
    staff_again = download(page, '[data-testid="letter-reply_granted-docx"]')
    portal.reload()
    portal_again = download(portal, '[data-testid="letter-reply_granted-docx"]')
    assert staff_again == staff_first and portal_again == staff_first
    assert hashlib.sha256(staff_again).hexdigest() == hashlib.sha256(staff_first).hexdigest()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "issued-letters-case-page.png"), full_page=True)
    case = Case.objects.get(pk=case.pk)
    assert case.applicant_name == "张山明"
    entry = AuditEntry.objects.get(case=case, action="correct_details")
    assert entry.changes["applicant_name"] == {"from": "张三明", "to": "张山明"}


def test_the_intake_duplicate_hint_takes_a_long_description(
    staff_page: Any, live_server: Any, tree: Any, role_users: dict[str, Any]
) -> None:
    from gongkai.web.cases import services

    base, handler = live_server.url, role_users["handler"]
    long = ("2024年临川市老旧小区改造项目的招标文件、中标通知书和施工合同" * 200)[:5000]
    earlier = services.register(
        tree.city,
        handler,
        channel="in_person",
        submitted_on=services.today(),
        applicant_type="natural_person",
        applicant_name="王小明",
        id_type="id_card",
        id_number="110105198506120026",
        phone="13912345678",
        description=long,
        form_wanted="electronic",
        delivery_wanted="email",
    )
    page = staff_page
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", handler.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/cases/new/")
    page.fill('input[name="applicant_name"]', "王小明")
    page.fill('input[name="id_number"]', "110105198506120026")
    with page.expect_response(lambda r: "/cases/new/duplicates/" in r.url) as info:
        page.fill('textarea[name="description"]', long)
        page.locator('textarea[name="description"]').dispatch_event("change")
    assert info.value.request.method == "POST" and info.value.ok
    expect(page.locator('[data-testid="duplicates"]')).to_contain_text(earlier.number)
