"""The annual-report pages: build, linked cells, section editing, workflow, exports, public
page, overview — and that nobody sees another agency's drafts."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.test import Client

from gongkai.web.annual import services
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.reviews import services as review_services
from tests.web.annual.records import filled, random_records
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


@pytest.fixture
def draft(tree: Tree) -> AnnualReportDraft:
    builder = make_user("builder", "handler", tree.city_dept)
    draft = services.build_report(
        tree.city_dept, 2024, by=builder, source=random_records(tree.city_dept.pk, random.Random(5))
    )
    return filled(draft, builder)


def test_build_from_the_platform_records(tree: Tree) -> None:
    head = make_user("fz", "head", tree.city_dept)
    review_services.record_review(
        agency=tree.city_dept, kind="review", filed=dt.date(2024, 3, 1), by=head
    )
    response = _client(head).post(
        "/annual/build/", {"agency": tree.city_dept.pk, "year": 2024, "scope": "agency"}
    )
    draft = AnnualReportDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/annual/{draft.pk}/"
    assert draft.data["table4"][3:5] == [1, 1]
    page = _client(head).get(f"/annual/{draft.pk}/").content.decode()
    assert "表3 收到和处理政府信息公开申请情况" in page and "负责人审批" in page
    # the counting rules it was built with are shown next to the tables
    assert "统计口径" in page and "计为重新办理之日收到的一件申请" in page


def test_cell_page_lists_the_records(tree: Tree, draft: AnnualReportDraft) -> None:
    client = _client(make_user("jb", "handler", tree.city_dept))
    value = draft.data["table3"]["new_received"][0]
    page = client.get(f"/annual/{draft.pk}/cell/table3/new_received/0/").content.decode()
    assert f'data-testid="record-count">{value}<' in page
    assert client.get(f"/annual/{draft.pk}/cell/table3/nonsense/0/").status_code == 404


def test_report_page_shows_the_official_layout_with_linked_cells(
    tree: Tree, draft: AnnualReportDraft
) -> None:
    page = _client(make_user("jb", "handler", tree.city_dept)).get(f"/annual/{draft.pk}/")
    html = page.content.decode()
    assert '<th colspan="7">申请人情况</th>' in html  # the national merged header
    assert '<th colspan="5">法人或其他组织</th>' in html
    assert "三、本年度办理结果</td>" in html  # group caption spanning its rows
    assert "第一项加第二项之和" in html  # the 勾稽 note in the corner
    value = draft.data["table3"]["granted"][6]
    link = f'data-cell="granted/6"><a href="/annual/{draft.pk}/cell/table3/granted/6/"'
    assert link in html and f">{value}</a>" in html.split(link, 1)[1][:200]


def test_section_edit_by_htmx(tree: Tree, draft: AnnualReportDraft) -> None:
    client = _client(make_user("jb", "handler", tree.city_dept))
    response = client.post(
        f"/annual/{draft.pk}/sections/5/",
        {"text": "问题：栏目更新不及时。改进：建立更新台账。"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "已保存" in body
    assert 'hx-swap-oob="true"' in body  # the findings are refreshed with the section
    draft.refresh_from_db()
    assert draft.data["sections"]["5"].startswith("问题：")


def test_workflow_buttons_and_export(tree: Tree, draft: AnnualReportDraft) -> None:
    head, supervisor = (
        make_user("fz", "head", tree.city_dept),
        make_user("zg", "supervisor", tree.city),
    )
    assert (
        _client(head).post(f"/annual/{draft.pk}/action/", {"action": "approve"}).status_code == 302
    )
    _client(head).post(f"/annual/{draft.pk}/action/", {"action": "submit"})
    # The handler-level refusal is reported as a 403, not a crash.
    assert (
        _client(head).post(f"/annual/{draft.pk}/action/", {"action": "accept"}).status_code == 403
    )
    _client(supervisor).post(f"/annual/{draft.pk}/action/", {"action": "accept"})
    _client(head).post(f"/annual/{draft.pk}/action/", {"action": "publish"})
    draft.refresh_from_db()
    assert draft.state == "published"
    response = _client(head).get(f"/annual/{draft.pk}/export/docx/")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert "attachment" in response["Content-Disposition"]
    public = Client().get(f"/annual/public/{tree.city_dept.pk}/").content.decode()
    assert draft.data["title"] in public
    version = draft.versions.get()
    frozen = _client(head).get(f"/annual/{draft.pk}/?version=1").content.decode()
    assert 'data-testid="version-banner"' in frozen and "?version=1" in frozen
    download = Client().get(f"/annual/public/versions/{version.pk}/json/")
    assert download.status_code == 200 and b'"schema"' in download.content


def test_every_export_format(tree: Tree, draft: AnnualReportDraft) -> None:
    client = _client(make_user("jb", "handler", tree.city_dept))
    starts = {"docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF", "json": b"{", "html": b"<!"}
    for target, start in starts.items():
        response = client.get(f"/annual/{draft.pk}/export/{target}/")
        assert response.status_code == 200, target
        assert response.content.lstrip()[: len(start)].upper() == start.upper(), target
    assert client.get(f"/annual/{draft.pk}/export/exe/").status_code == 404


def test_drafts_are_not_public_and_are_scoped(tree: Tree, draft: AnnualReportDraft) -> None:
    assert "暂无已公开" in Client().get(f"/annual/public/{tree.city_dept.pk}/").content.decode()
    outsider = _client(make_user("ws", "head", tree.other_city))
    assert outsider.get(f"/annual/{draft.pk}/").status_code == 404
    assert outsider.get(f"/annual/{draft.pk}/export/json/").status_code == 404
    assert Client().get(f"/annual/{draft.pk}/").status_code == 302  # to the login page


def test_overview_counts_and_rollup_check(tree: Tree, draft: AnnualReportDraft) -> None:
    supervisor = make_user("zg", "supervisor", tree.city)
    client = _client(supervisor)
    page = client.get("/annual/overview/?year=2024").content.decode()
    assert 'data-testid="not-submitted">4<' in page  # city, its department, district, street
    response = client.post(
        "/annual/build/", {"agency": tree.city.pk, "year": 2024, "scope": "region"}
    )
    assert response.status_code == 302
    page = client.get("/annual/overview/?year=2024").content.decode()
    assert "尚未编制报告" in page
