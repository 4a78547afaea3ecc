"""In a real browser under the strict Content-Security-Policy: the analytics page draws its
chart (the SVG image loads and has a size) above its table, with no policy violation."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.report import dumps
from gongkai.web.audits.models import AuditDocument, AuditProject, AuditReport
from tests.web import browser_support
from tests.web.audits.test_analytics import _report
from tests.web.conftest import PASSWORD, build_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_chart_is_drawn_above_its_table_within_the_policy(
    page: Any, live_server: Any, transactional_db: None
) -> None:
    tree = build_tree()
    auditor = make_user("auditor", "supervisor", tree.city)
    project = AuditProject.objects.create(
        name="临川年报审核", years=[2023], agency=tree.city, created_by=auditor
    )
    document = AuditDocument.objects.create(project=project, name="a.html", state="done")
    AuditReport.objects.create(
        document=document,
        source="a.html",
        kind="html",
        agency_name="临川市教育局",
        year=2023,
        report_json=dumps(_report("临川市教育局", 2023, granted=45, denied=5)),
        matched_agency=tree.city_dept,
    )
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    browser_support.log_in(page, live_server.url, "auditor", PASSWORD)
    page.goto(f"{live_server.url}/audits/{project.pk}/analytics/")
    chart = page.locator("[data-testid=summary-chart]")
    chart.wait_for()
    page.wait_for_function("() => document.querySelector('[data-testid=summary-chart]').complete")
    assert chart.evaluate("img => img.naturalWidth") > 100
    table = page.locator("[data-testid=summary-table]")
    assert "90.0%" in table.inner_text()
    assert chart.bounding_box()["y"] < table.bounding_box()["y"]
    assert violations == []
