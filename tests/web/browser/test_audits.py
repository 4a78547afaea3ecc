"""The auditors' workspace in the browser, on real published reports (skips without them):
create a project, upload a ZIP of two years of 淮安市洪泽区 plus two other reports, watch the
progress, open a finding and see its cell marked in the PDF page's text, dismiss it with a
comment, re-run the audit and find the dismissal kept, then compare 2023→2024 and download
the comparison as PDF."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.web.agencies import services as agency_services
from gongkai.web.audits.models import AuditFinding, AuditReport, Disposition
from tests.web import browser_support
from tests.web.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF_TIMEOUT_MS = 60_000
REPORTS = ("012.pdf", "013.pdf", "014.pdf", "001.txt")  # 洪泽区 2023, 2024; 淮安市; 河北省科技厅


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in REPORTS:
            archive.write(folder / name, f"年报/{name}")
    return buffer.getvalue()


def test_corpus_finding_dismissal_rerun_and_comparison(
    page: Any, live_server: Any, transactional_db: None, shared_data: Path
) -> None:
    create = agency_services.create_agency
    province = create(name="江苏省人民政府", kind="government")
    city = create(name="淮安市人民政府", kind="government", parent=province)
    district = create(name="淮安市洪泽区人民政府", kind="government", parent=city)
    make_user("auditor", "supervisor", province)
    base = live_server.url
    browser_support.log_in(page, base, "auditor", PASSWORD)

    page.click("nav >> text=年报审核")
    page.fill("#id_name", "2023—2024 年度报告审核")
    page.fill("#id_years", "2023,2024")
    page.select_option("#id_agency", label="江苏省人民政府")
    page.click("form:has(#id_name) button[type=submit]")
    page.wait_for_url(f"{base}/audits/*/")
    project_url = page.url

    page.set_input_files("#id_documents", files=[{
        "name": "年报.zip", "mimeType": "application/zip", "buffer": _zip(shared_data / "reports"),
    }])  # fmt: skip
    page.click("form:has(#id_documents) button[type=submit]")
    page.wait_for_selector("[data-testid=progress-done]")
    assert page.text_content("[data-state=done] strong") == "4"
    assert page.text_content("[data-state=failed] strong") == "0"
    documents = page.text_content("[data-testid=documents]") or ""
    assert "淮安市洪泽区人民政府" in documents and "淮安市人民政府" in documents
    assert AuditReport.objects.filter(matched_agency=district).count() == 2

    finding = AuditFinding.objects.get(rule="B3", year=2023, location__contains="行政复议")
    page.click(f"[data-testid=findings] a[href$='/findings/{finding.pk}/']")
    marked = page.locator("[data-testid=source] mark")  # the printed 总计 only, not its line
    expect(marked).to_have_count(1)
    expect(marked).to_have_text(finding.actual)
    line = page.locator("[data-testid=source] div:has(mark)")
    expect(line).to_contain_text("10 1 0 0 0")
    page.check("input[name=verdict][value=justified]")
    page.fill("#id_comment", "总计栏按报告附注口径填写，另有说明")
    page.click("form:has(#id_comment) button[type=submit]")
    assert "排除：有合理解释" in (page.text_content("[data-testid=decision]") or "")

    page.goto(project_url)
    page.click("button:text-is('重新审核全部文件')")
    page.wait_for_selector("[data-testid=progress-done]")
    again = AuditFinding.objects.get(rule="B3", year=2023, location__contains="行政复议")
    assert again.pk == finding.pk and again.resolved_at is None
    row = page.locator("[data-testid=findings] tr", has=page.locator(
        f"a[href$='/findings/{finding.pk}/']"))  # fmt: skip
    assert "排除：有合理解释" in (row.text_content() or "")
    assert Disposition.objects.get().comment == "总计栏按报告附注口径填写，另有说明"

    page.click("[data-testid=documents] a:text-is('与上年对比')")
    page.wait_for_url(f"{base}/audits/*/reports/*/compare/")
    assert "2023→2024" in (page.text_content("h1") or "")
    assert "%" in (page.text_content("[data-testid=sections]") or "")
    # rendering the comparison PDF takes seconds of CPU; a loaded machine needs more
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download_info:
        page.click("[data-testid=pdf]", timeout=PDF_TIMEOUT_MS)
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
