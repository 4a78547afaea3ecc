"""The administration site: Chinese, administrators only, tree-aware agency editing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from gongkai.web.accounts.models import User
from gongkai.web.agencies.models import Agency
from gongkai.web.workcalendar import services as calendar
from gongkai.web.workcalendar.models import CalendarOverride, HolidayNotice
from tests.web.conftest import PASSWORD, Tree

PAGES = (
    "/admin/",
    "/admin/agencies/agency/",
    "/admin/agencies/agency/add/",
    "/admin/accounts/user/",
    "/admin/accounts/user/add/",
    "/admin/workcalendar/holidaynotice/",
    "/admin/workcalendar/holidaynotice/add/",
    "/admin/workcalendar/calendaroverride/",
)


@pytest.fixture
def admin_client(client: Client, role_users: dict[str, User]) -> Client:
    assert client.login(username="admin-city", password=PASSWORD)
    return client


def test_admin_pages_are_chinese(admin_client: Client) -> None:
    for page in PAGES:
        response = admin_client.get(page)
        assert response.status_code == 200, page
    html = admin_client.get("/admin/").content.decode()
    assert "系统管理" in html and "机关" in html and "节假日安排通知" in html and "日历调整" in html


@pytest.mark.parametrize("role", ["handler", "head", "supervisor"])
def test_other_roles_are_kept_out(role: str, client: Client, role_users: dict[str, User]) -> None:
    assert client.login(username=f"{role}-city", password=PASSWORD)
    for page in PAGES:
        response = client.get(page)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], page


def test_adding_an_agency_in_admin_sets_its_path(admin_client: Client, tree: Tree) -> None:
    response = admin_client.post(
        "/admin/agencies/agency/add/",
        {"name": "临川市统计局", "kind": "department", "parent": tree.city.pk, "is_active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    agency = Agency.objects.get(name="临川市统计局")
    assert agency.level == 2 and agency.path.startswith(tree.city.path)
    assert agency in Agency.objects.subtree(tree.city)


def test_moving_an_agency_in_admin_moves_its_subtree(admin_client: Client, tree: Tree) -> None:
    url = f"/admin/agencies/agency/{tree.district.pk}/change/"
    data = {
        "name": tree.district.name,
        "kind": "government",
        "parent": tree.other_city.pk,
        "is_active": "on",
    }
    assert admin_client.post(url, data).status_code == 302
    tree.street.refresh_from_db()
    assert tree.street.is_in_subtree_of(tree.other_city) and tree.street.level == 3
    refused = admin_client.post(
        f"/admin/agencies/agency/{tree.other_city.pk}/change/",
        {
            "name": tree.other_city.name,
            "kind": "government",
            "parent": tree.street.pk,
            "is_active": "on",
        },
    )
    assert refused.status_code == 200 and "下级机关" in refused.content.decode()


def test_creating_a_user_in_admin_applies_password_rules(admin_client: Client, tree: Tree) -> None:
    base = {
        "username": "new-user",
        "full_name": "新用户",
        "agency": tree.city.pk,
        "role": "handler",
    }
    weak = admin_client.post(
        "/admin/accounts/user/add/", base | {"password1": "12345", "password2": "12345"}
    )
    assert weak.status_code == 200 and not User.objects.filter(username="new-user").exists()
    good = {
        "password1": "Long-Enough-Pass-9",
        "password2": "Long-Enough-Pass-9",
        "usable_password": "true",
    }
    assert admin_client.post("/admin/accounts/user/add/", base | good).status_code == 302
    assert User.objects.get(username="new-user").check_password("Long-Enough-Pass-9")


def test_loading_a_holiday_notice(db: None) -> None:
    days = [
        calendar.DayOverride(dt.date(2027, 2, 6), False, "春节"),
        calendar.DayOverride(dt.date(2027, 2, 14), True, "春节"),
    ]
    notice = calendar.load_notice(
        document_number="国办发明电〔2026〕9号",
        title="关于2027年部分节假日安排的通知",
        year=2027,
        days=days,
    )
    assert notice.overrides.count() == 2
    assert calendar.overrides()[dt.date(2027, 2, 14)].is_workday
    # Loading it again replaces its days instead of duplicating them.
    calendar.load_notice(
        document_number="国办发明电〔2026〕9号",
        title="关于2027年部分节假日安排的通知",
        year=2027,
        days=days[:1],
    )
    assert HolidayNotice.objects.count() == 1 and CalendarOverride.objects.count() == 1
    with pytest.raises(ValidationError, match="已由"):
        calendar.load_notice(document_number="另一通知", title="x", year=2027, days=days[:1])
    with pytest.raises(ValidationError, match="不符"):
        calendar.load_notice(document_number="错年", title="x", year=2030, days=days)


def test_calendar_override_admin_inline(admin_client: Client) -> None:
    data = {
        "document_number": "国办发明电〔2026〕9号",
        "title": "关于2027年部分节假日安排的通知",
        "year": "2027",
        "overrides-TOTAL_FORMS": "1",
        "overrides-INITIAL_FORMS": "0",
        "overrides-0-date": "2027-10-01",
        "overrides-0-name": "国庆节",
    }
    response = admin_client.post("/admin/workcalendar/holidaynotice/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    notice = HolidayNotice.objects.get()
    assert notice.loaded_by is not None and notice.loaded_by.username == "admin-city"
    assert notice.overrides.get().date == dt.date(2027, 10, 1)
