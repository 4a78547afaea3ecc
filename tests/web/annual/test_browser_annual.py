"""In Chromium: staff generate the report, edit a section (htmx), the head approves and
submits it, the supervisor above accepts, the head publishes and downloads the DOCX; the
supervisor's roll-up equals the sum of the subtree's reports, and the ranking lists them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.web.annual import services
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.registers import services as registers
from gongkai.web.reviews import services as reviews
from tests.web.annual.records import FILLED_SECTIONS
from tests.web.browser_support import log_in
from tests.web.conftest import PASSWORD, Tree, build_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
YEAR = 2024


@pytest.fixture
def world(transactional_db: None) -> tuple[Tree, dict[str, Any]]:
    tree = build_tree()
    people = {
        "handler": make_user("jb", "handler", tree.city_dept),
        "head": make_user("fz", "head", tree.city_dept),
        "supervisor": make_user("zg", "supervisor", tree.city),
    }
    admin = make_user("gly", "admin", None)
    for n, agency in enumerate((tree.city, tree.city_dept, tree.district, tree.street), start=1):
        registers.register_document(
            agency=agency,
            kind="normative_documents",
            title=f"文件{n}",
            issued=dt.date(YEAR, 3, n),
            by=admin,
        )
        registers.set_year_figures(
            agency=agency,
            year=YEAR,
            by=admin,
            licensing=10 * n,
            penalty=n,
            coercion=0,
            fees_10k_yuan=Decimal("0"),
        )
        reviews.record_review(agency=agency, kind="review", filed=dt.date(YEAR, 5, n), by=admin)
        if agency != tree.city_dept:  # the department's report is made in the browser
            services.build_report(agency, YEAR, by=admin)
    return tree, people


def _login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, base, username, PASSWORD)


def test_report_from_draft_to_published_and_rollup(
    page: Any, live_server: Any, world: tuple[Tree, dict[str, Any]]
) -> None:
    tree, _ = world
    base = live_server.url
    _login(page, base, "jb")
    page.goto(f"{base}/annual/")
    page.fill("#id_year", str(YEAR))
    page.click("[data-testid=build-form] button[type=submit]")
    page.wait_for_selector("[data-testid=report-title]")
    assert "临川市教育局2024年政府信息公开工作年度报告" in page.text_content(
        "[data-testid=report-title]"
    )
    assert page.text_content("[data-testid=report-state]").strip() == "起草中"
    # A cell links to the records behind it.
    page.click("[data-testid=table4] [data-cell='table4/3'] a")  # 行政复议·尚未审结
    assert page.text_content("[data-testid=record-count]").strip() == "1"
    page.go_back()

    # Replace the template text of 一、五、六 in place (htmx swaps the section, no reload).
    texts = {
        **FILLED_SECTIONS,
        "5": "存在的主要问题：部分栏目更新不及时。改进情况：建立栏目更新台账，每月检查。",
    }
    for number, text in texts.items():
        section = page.locator(f"[data-testid=section-{number}]")
        section.locator("summary").click()
        section.locator("textarea").fill(text)
        section.locator("button[type=submit]").click()
        expect(section.locator("[data-testid=section-saved]")).to_be_visible()
    assert "建立栏目更新台账" in page.text_content("[data-testid=section-5] .section-text")
    expect(page.locator("#findings td.mono", has_text="E7")).to_have_count(0)
    assert page.locator("[data-testid=action-approve]").count() == 0  # a handler cannot approve

    _login(page, base, "fz")
    draft = AnnualReportDraft.objects.get(agency=tree.city_dept, year=YEAR)
    page.goto(f"{base}/annual/{draft.pk}/")
    page.click("[data-testid=action-approve]")
    page.wait_for_selector("[data-testid=action-submit]")
    page.click("[data-testid=action-submit]")
    page.wait_for_selector("text=已报送上级")

    _login(page, base, "zg")
    page.goto(f"{base}/annual/{draft.pk}/")
    page.click("[data-testid=action-accept]")
    page.wait_for_selector("text=上级已审核通过")

    _login(page, base, "fz")
    page.goto(f"{base}/annual/{draft.pk}/")
    page.click("[data-testid=action-publish]")
    page.wait_for_selector("text=已公开第 1 版")
    with page.expect_download() as download_info:
        page.click("[data-testid=export-docx]")
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as handle:
        assert handle.read(2) == b"PK"
    page.goto(f"{base}/annual/public/{tree.city_dept.pk}/")
    assert "临川市教育局2024年政府信息公开工作年度报告" in page.text_content(
        "[data-testid=public-reports]"
    )

    # The supervisor rolls up the subtree; the roll-up equals the sum of its reports.
    _login(page, base, "zg")
    page.goto(f"{base}/annual/overview/?year={YEAR}")
    page.click("[data-testid=build-region]")
    page.wait_for_selector("[data-testid=report-title]")
    region = AnnualReportDraft.objects.get(agency=tree.city, year=YEAR, scope="region")
    assert region.data["table2"]["licensing"] == [10 + 20 + 30 + 40]
    assert region.data["table4"][4] == 4
    page.goto(f"{base}/annual/overview/?year={YEAR}")
    assert page.text_content("[data-testid=rollup-check]").strip() == "汇总数与各机关报告之和一致。"

    # … and ranks its agencies: the department published today, long after 2025-01-31.
    page.click("[data-testid=ranking-link]")
    rows = page.locator("[data-testid=ranking] tbody tr")
    expect(rows).to_have_count(4)
    department = page.locator(f"[data-testid=ranking] tr[data-agency='{tree.city_dept.pk}']")
    expect(department.locator("[data-criterion=report_published]")).to_contain_text("超过期限")
