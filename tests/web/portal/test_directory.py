"""The public directory of agencies and their pages (no login)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.web.agencies import services as agency_services
from gongkai.web.portal import directory
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staffed(tree: Any, role_users: dict[str, Any]) -> Any:
    """The city (role_users) and the district and the city's education bureau take applications."""
    make_user("handler-district", "handler", tree.district)
    make_user("head-dept", "head", tree.city_dept)
    make_user("admin-x", "admin", None)  # platform admins do not make an agency accepting
    return tree


def test_only_agencies_with_staff_are_listed_in_tree_order(staffed: Any) -> None:
    names = [a.name for a in directory.accepting_agencies()]
    assert names == ["临川市人民政府", "东湖区人民政府", "临川市教育局"]
    assert "宁远市教育局" not in names
    (group,) = directory.directory()
    assert group.root.name == "江淮省人民政府"  # grouped under the top of the tree


def test_directory_page_is_public_and_searchable(staffed: Any) -> None:
    client = Client()
    page = client.get("/portal/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "临川市教育局" in html and "东湖区人民政府" in html and "宁远市" not in html
    found = client.get("/portal/", {"q": "教育"}).content.decode()
    assert "临川市教育局" in found and "东湖区人民政府" not in found
    assert "江淮省人民政府 › 临川市人民政府" in found  # where it sits in the tree
    assert "没有名称包含" in client.get("/portal/", {"q": "不存在的机关"}).content.decode()


def test_agency_page_shows_the_disclosure_office(staffed: Any, role_users: dict[str, Any]) -> None:
    agency_services.update_contact(
        staffed.city,
        by=role_users["head"],
        office_name="临川市人民政府办公室（政务公开科）",
        office_address="临川市府前路1号",
        office_phone="0791-88888888",
    )
    page = Client().get(f"/portal/agencies/{staffed.city.pk}/").content.decode()
    assert "临川市人民政府办公室（政务公开科）" in page
    assert "临川市府前路1号" in page
    assert f"/portal/agencies/{staffed.city.pk}/apply/" in page


def test_unlisted_agency_page_is_not_found(staffed: Any) -> None:
    assert Client().get(f"/portal/agencies/{staffed.other_dept.pk}/").status_code == 404


def test_login_page_links_to_the_portal(tree: Any) -> None:
    html = Client().get("/accounts/login/").content.decode()
    assert 'href="/portal/"' in html
