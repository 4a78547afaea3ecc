"""In a browser: staff record a 纠正 result on the review page; the application is open
again, with the new reply period shown on its page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.web.cases import services as case_services
from gongkai.web.reviews import services
from tests.web.browser_support import log_in
from tests.web.cases.conftest import register
from tests.web.conftest import PASSWORD, build_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date


def test_corrected_review_reopens_the_case_on_its_page(
    page: Any, live_server: Any, transactional_db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_services, "today", lambda: D(2025, 7, 10))
    tree = build_tree()
    handler = make_user("handler-city", "handler", tree.city)
    case = register(tree.city, handler, submitted_on=D(2024, 12, 2))
    case_services.reply(
        case, handler, version=case.version, date=D(2024, 12, 10), outcome_key="unable_1"
    )
    review = services.record_review(
        agency=tree.city, kind="review", filed=D(2025, 3, 6), by=handler, case=case
    )
    base = live_server.url
    log_in(page, base, handler.username, PASSWORD)
    page.goto(f"{base}/reviews/{review.pk}/")
    page.select_option("select[name=result]", "corrected")
    page.fill("input[name=on]", "2025-07-01")
    page.fill("textarea[name=note]", "责令重新作出答复")
    page.click("button:has-text('保存')")
    page.wait_for_selector("[data-testid=reopened]")
    assert "2025年7月29日" in page.text_content("[data-testid=reopened]")
    page.click("[data-testid=reopened] a")
    page.wait_for_url(f"{base}/cases/{case.pk}/")
    assert page.text_content("[data-testid=reply-due]").strip() == "2025年7月29日"
    assert "重新办理" in page.text_content("[data-testid=reopened]")
    assert page.text_content("[data-testid=case-state]").strip() == "办理中"
