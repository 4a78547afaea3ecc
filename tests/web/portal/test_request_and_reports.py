"""The tracking page shows what the applicant asked for (personal data still masked), and
the portal links every agency's published annual reports."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.portal import directory

from .conftest import FIELDS, D, submitted, unlock

pytestmark = pytest.mark.django_db

ASKED = "2024年临川市老旧小区改造项目的招标文件\n及中标结果公告"


def test_the_tracking_page_shows_the_request_as_submitted(
    tree: Any, role_users: dict[str, Any]
) -> None:
    application, code = submitted(
        tree.city, description=ASKED, purpose="了解本小区改造进度", form_wanted="paper"
    )
    client = Client()
    unlock(client, application, code)
    page = client.get(f"/portal/track/{application.tracking_number}/")
    html = page.content.decode()
    rows = dict(page.context["request_rows"])
    assert rows["所需政府信息"] == ASKED and rows["用途"] == "了解本小区改造进度"
    assert rows["载体形式"] == "纸质" and rows["获取方式"] == "电子邮件"
    assert "2024年临川市老旧小区改造项目的招标文件<br>及中标结果公告" in html
    assert "了解本小区改造进度" in html and "纸质" in html
    # the applicant is still masked
    assert FIELDS["applicant_name"] not in html and FIELDS["id_number"] not in html
    assert FIELDS["phone"] not in html and FIELDS["address"] not in html
    receipt = client.get(f"/portal/track/{application.tracking_number}/receipt/")
    assert "了解本小区改造进度" in receipt.content.decode()


def test_without_a_purpose_the_row_is_left_out(tree: Any, role_users: dict[str, Any]) -> None:
    application, code = submitted(tree.city)
    client = Client()
    unlock(client, application, code)
    page = client.get(f"/portal/track/{application.tracking_number}/")
    assert [label for label, _ in page.context["request_rows"]] == [
        "所需政府信息",
        "载体形式",
        "获取方式",
    ]


def _publish(agency: Any, year: int) -> None:
    draft = AnnualReportDraft.objects.create(
        agency=agency, year=year, state="published", data={}, published_version=1
    )
    ReportVersion.objects.create(
        draft=draft, number=1, data={}, published_on=D(year + 1, 1, 20), published_by=None
    )


def test_the_portal_lists_every_agency_with_published_reports(
    tree: Any, role_users: dict[str, Any]
) -> None:
    _publish(tree.city, 2024)
    _publish(tree.other_dept, 2024)  # takes no online applications, still listed
    AnnualReportDraft.objects.create(agency=tree.district, year=2024)  # a draft only
    assert [a.name for a in directory.reporting_agencies()] == ["临川市人民政府", "宁远市教育局"]
    client = Client()
    home = client.get("/portal/").content.decode()
    assert 'href="/portal/reports/"' in home
    page = client.get("/portal/reports/").content.decode()
    assert f'href="/annual/public/{tree.city.pk}/"' in page
    assert f'href="/annual/public/{tree.other_dept.pk}/"' in page
    assert "东湖区人民政府" not in page
    found = client.get("/portal/reports/", {"q": "宁远"}).content.decode()
    assert "宁远市教育局" in found and "临川市人民政府</a>" not in found
    nothing = client.get("/portal/reports/", {"q": "不存在"}).content.decode()
    assert "没有名称包含“不存在”且已公开年度报告的机关" in nothing


def test_the_agency_page_links_its_reports(tree: Any, role_users: dict[str, Any]) -> None:
    client = Client()
    before = client.get(f"/portal/agencies/{tree.city.pk}/").content.decode()
    assert "reports-link" not in before
    _publish(tree.city, 2024)
    after = client.get(f"/portal/agencies/{tree.city.pk}/").content.decode()
    assert f'href="/annual/public/{tree.city.pk}/"' in after


def test_the_directory_lists_every_accepting_agency(tree: Any, role_users: dict[str, Any]) -> None:
    from tests.web.conftest import make_user

    make_user("handler-street", "handler", tree.street)
    listed = {e.agency.pk for g in directory.directory() for e in g.entries}
    assert listed == set(directory.accepting_agencies().values_list("pk", flat=True))
    assert listed == {tree.city.pk, tree.street.pk}
    page = Client().get("/portal/").content.decode()
    assert "临川市人民政府" in page and "东湖区湖滨街道办事处" in page
