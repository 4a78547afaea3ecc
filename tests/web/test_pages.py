"""Home pages per role, agency pages, the htmx contact editor, Chinese error pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.accounts.models import User
from tests.web.conftest import PASSWORD, Tree


def login(client: Client, user: User) -> Client:
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.parametrize(
    ("role", "marks"),
    [
        ("handler", ["临川市人民政府", "本机关用户", "经办人", "测试handler-city"]),
        ("head", ["临川市人民政府", "本机关用户", 'data-testid="edit-contact"']),
        ("supervisor", ["所辖机关", "东湖区湖滨街道办事处", "临川市教育局"]),
        ("admin", ["平台概况", "进入系统管理", "政府部门"]),
    ],
)
def test_home_page_per_role(
    role: str, marks: list[str], client: Client, role_users: dict[str, User]
) -> None:
    html = login(client, role_users[role]).get("/").content.decode()
    for mark in marks:
        assert mark in html, mark


def test_handler_home_has_no_edit_button_and_no_other_agencies(
    client: Client, role_users: dict[str, User]
) -> None:
    html = login(client, role_users["handler"]).get("/").content.decode()
    assert 'data-testid="edit-contact"' not in html
    assert "宁远市" not in html and "东湖区" not in html


def test_supervisor_home_counts_the_subtree_only(
    client: Client, role_users: dict[str, User]
) -> None:
    response = login(client, role_users["supervisor"]).get("/")
    html = response.content.decode()
    assert len(response.context["agencies"]) == 4
    assert "宁远市" not in html and "江淮省教育厅" not in html
    kinds = {k.key: k.count for k in response.context["kinds"]}
    assert kinds == {
        "government": 2,
        "department": 1,
        "development_zone": 0,
        "township": 1,
        "other": 0,
    }


def test_agency_list_search_and_htmx_partial(client: Client, role_users: dict[str, User]) -> None:
    login(client, role_users["admin"])
    full = client.get(reverse("agencies:list"), {"q": "教育"})
    assert full.context["total"] == 3 and "<html" in full.content.decode()
    partial = client.get(reverse("agencies:list"), {"kind": "township"}, HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "<html" not in html and "东湖区湖滨街道办事处" in html and "临川市教育局" not in html


def test_out_of_scope_agency_is_a_chinese_404(
    client: Client, role_users: dict[str, User], tree: Tree
) -> None:
    response = login(client, role_users["head"]).get(
        reverse("agencies:detail", args=[tree.other_dept.pk])
    )
    assert response.status_code == 404
    html = response.content.decode()
    assert "未找到" in html and "无权访问" in html and "宁远市教育局" not in html


def test_missing_agency_looks_like_a_refused_one(
    client: Client, role_users: dict[str, User]
) -> None:
    response = login(client, role_users["head"]).get(reverse("agencies:detail", args=[999999]))
    assert response.status_code == 404 and "无权访问" in response.content.decode()


def test_refused_edit_is_a_chinese_403(
    client: Client, role_users: dict[str, User], tree: Tree
) -> None:
    response = login(client, role_users["supervisor"]).get(
        reverse("agencies:edit", args=[tree.city_dept.pk])
    )
    assert response.status_code == 403
    assert "无权操作" in response.content.decode()


def test_htmx_contact_edit_returns_the_card(
    client: Client, role_users: dict[str, User], tree: Tree
) -> None:
    login(client, role_users["head"])
    url = reverse("agencies:edit", args=[tree.city.pk])
    form = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in form and 'hx-post="' in form
    saved = client.post(
        url,
        {
            "office_name": "办公室",
            "office_phone": "0552-8888888",
            "office_postcode": "990100",
            "website": "gk.example.gov.cn",
        },
        HTTP_HX_REQUEST="true",
    )
    html = saved.content.decode()
    assert saved.status_code == 200 and "联系信息已保存" in html and "0552-8888888" in html
    tree.city.refresh_from_db()
    assert (
        tree.city.office_phone == "0552-8888888"
        and tree.city.website == "https://gk.example.gov.cn"
    )


def test_invalid_contact_shows_errors_in_place(
    client: Client, role_users: dict[str, User], tree: Tree
) -> None:
    login(client, role_users["head"])
    response = client.post(
        reverse("agencies:edit", args=[tree.city.pk]),
        {"office_postcode": "12ab", "office_email": "not-an-email"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert (
        response.status_code == 200
        and "邮政编码应为 6 位数字" in html
        and "有效的 Email 地址" in html
    )
    tree.city.refresh_from_db()
    assert tree.city.office_postcode == ""


def test_plain_post_redirects_to_the_detail_page(
    client: Client, role_users: dict[str, User], tree: Tree
) -> None:
    login(client, role_users["admin"])
    response = client.post(
        reverse("agencies:edit", args=[tree.street.pk]), {"office_hours": "工作日"}
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "agencies:detail", args=[tree.street.pk]
    )
    detail = client.get(response["Location"]).content.decode()
    assert "联系信息已保存" in detail and "工作日" in detail


def test_detail_lists_visible_children_and_members(
    client: Client, role_users: dict[str, User], tree: Tree
) -> None:
    response = login(client, role_users["supervisor"]).get(
        reverse("agencies:detail", args=[tree.city.pk])
    )
    html = response.content.decode()
    assert "临川市教育局" in html and "东湖区人民政府" in html
    assert "测试head-city" in html
