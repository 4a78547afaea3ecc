"""The applicant sends a correction with a file from the status page; staff confirm it in
the inbox; the applicant's page shows the pending state and then the normal state."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.web.cases import services as case_services
from gongkai.web.portal import codes, services
from tests.web.browser_support import log_in
from tests.web.conftest import PASSWORD, build_tree, make_user
from tests.web.portal.conftest import FIELDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("PORTAL_SCREENSHOTS")  # a folder, to look at the pages


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_correction_from_status_page_to_case(
    page: Any, live_server: Any, transactional_db: None, tmp_path: Path, today: Any
) -> None:
    tree = build_tree()
    handler = make_user("handler-city", "handler", tree.city)
    sent = services.submit(tree.city, codes.new_form_token(), dict(FIELDS))
    application, code = sent.application, sent.access_code
    assert code is not None
    case = services.confirm_receipt(application, handler)
    today.day = dt.date(2025, 3, 5)
    case_services.request_correction(
        case, handler, version=case.version, date=today.day, items=["请写明项目名称"]
    )
    base = live_server.url
    status_url = f"{base}/portal/track/{application.tracking_number}/"
    page.goto(f"{base}/portal/track/")
    page.fill("input[name=tracking_number]", application.tracking_number)
    page.fill("input[name=access_code]", code)
    page.click("[data-testid=track-submit]")
    page.wait_for_url(status_url)
    assert page.text_content("[data-testid=status-label]").strip() == "需补正"
    _shot(page, "correction-form")
    attachment = tmp_path / "补正说明.pdf"
    attachment.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.fill("textarea[name=text]", "项目名称为老旧小区改造一期工程（人民路片区）。")
    page.set_input_files("input[name=attachment]", str(attachment))
    page.click("[data-testid=correction-submit]")
    # The form posts back to the status page itself: wait for the new text, not the URL.
    expect(page.locator("[data-testid=status-label]")).to_have_text("补正材料已提交（待机关确认）")
    _shot(page, "correction-pending")

    page.context.clear_cookies()
    log_in(page, base, handler.username, PASSWORD)
    page.goto(f"{base}/portal/inbox/")
    _shot(page, "correction-inbox")
    page.click("[data-testid^=confirm-correction-]")
    page.wait_for_url(f"{base}/cases/{case.pk}/")

    page.context.clear_cookies()
    page.goto(f"{base}/portal/track/")
    page.fill("input[name=tracking_number]", application.tracking_number)
    page.fill("input[name=access_code]", code)
    page.click("[data-testid=track-submit]")
    page.wait_for_url(status_url)
    assert page.text_content("[data-testid=status-label]").strip() == "已受理"
