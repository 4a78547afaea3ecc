"""The administration site: Chinese, administrators only, tree-aware agency editing."""

from __future__ import annotations

import datetime as dt
from typing import Any

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


def _read_only_records(tree: Tree, user: User) -> list[tuple[Any, dict[str, str]]]:
    """One record of every model whose admin is read-only, and a POST that would change it."""
    from gongkai.web.catalogue import services as catalogue
    from gongkai.web.registers import services as registers
    from gongkai.web.reviews import services as reviews

    review = reviews.record_review(
        agency=tree.city, kind="review", filed=dt.date(2024, 3, 1), by=user
    )
    item = catalogue.register_item(
        agency=tree.city,
        title="2024年部门预算",
        category="07",
        issuing_body="临川市人民政府",
        formed=dt.date(2024, 3, 1),
        by=user,
    )
    doc = registers.register_document(
        agency=tree.city,
        kind="normative_documents",
        title="关于印发办法的通知",
        issued=dt.date(2024, 3, 1),
        by=user,
    )
    figure = registers.set_year_figures(
        agency=tree.city,
        year=2024,
        by=user,
        licensing=10,
        penalty=2,
        coercion=0,
        fees_10k_yuan=None,
    )
    return [
        # a 纠正 result without the reopening of the original application
        (review, {"agency": str(tree.city.pk), "kind": "review", "filed": "2024-03-01",
                  "concluded": "2024-04-01", "result": "corrected"}),
        # publication without the secrecy review
        (item, {"agency": str(tree.city.pk), "title": item.title, "category": "07",
                "formed": "2024-03-01", "published": "2024-03-05", "validity": "valid"}),
        (doc, {"agency": str(tree.city.pk), "kind": "normative_documents", "title": doc.title,
               "issued": "2024-03-01", "ended": "2024-04-01", "end_reason": "repealed"}),
        (figure, {"agency": str(tree.city.pk), "year": "2024", "licensing": "999"}),
    ]  # fmt: skip


def test_service_owned_records_are_read_only_in_admin(
    admin_client: Client, tree: Tree, role_users: dict[str, User]
) -> None:
    records = _read_only_records(tree, role_users["head"])
    for obj, data in records:
        meta = obj._meta
        base = f"/admin/{meta.app_label}/{meta.model_name}/"
        before = {f.attname: getattr(obj, f.attname) for f in meta.concrete_fields}
        page = admin_client.get(f"{base}{obj.pk}/change/")
        assert page.status_code == 200, base
        html = page.content.decode()
        assert "此处仅供查看" in html and 'type="submit"' not in html.split("<form")[-1], base
        assert admin_client.post(f"{base}{obj.pk}/change/", data).status_code == 403, base
        assert admin_client.post(f"{base}{obj.pk}/delete/", {"post": "yes"}).status_code == 403
        assert admin_client.post(f"{base}add/", data).status_code == 403, base
        assert admin_client.get(base).status_code == 200, base
        obj.refresh_from_db()
        assert {f.attname: getattr(obj, f.attname) for f in meta.concrete_fields} == before
        assert type(obj).objects.count() == 1, base


def test_a_catalogue_column_keeps_its_agency_and_category(
    admin_client: Client, tree: Tree, role_users: dict[str, User]
) -> None:
    from gongkai.web.catalogue import services as catalogue

    column = catalogue.create_column(
        agency=tree.city, name="财政预决算", category="07", by=role_users["head"]
    )
    response = admin_client.post(
        f"/admin/catalogue/cataloguecolumn/{column.pk}/change/",
        {"name": "预算决算", "agency": tree.other_city.pk, "category": "01", "order": "2"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    column.refresh_from_db()
    assert (column.name, column.order) == ("预算决算", 2)
    assert (column.agency_id, column.category) == (tree.city.pk, "07")
