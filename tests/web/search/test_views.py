"""The public search page: no login, Chinese messages, marked and escaped snippets, htmx."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from gongkai.web.search.models import SearchEntry
from tests.web.conftest import Tree
from tests.web.search.published import Staff, catalogue_item, regulatory_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Staff:
    return Staff()


def test_the_page_is_public_and_linked_from_the_header_and_the_portal(tree: Tree) -> None:
    page = Client().get("/search/")
    assert page.status_code == 200 and "政府信息检索" in page.content.decode()
    assert 'href="/search/"' in Client().get("/portal/").content.decode()
    assert 'href="/search/"' in Client().get(f"/catalogue/public/{tree.city.pk}/").content.decode()


def test_results_mark_the_words_and_escape_everything_else(tree: Tree, staff: Staff) -> None:
    catalogue_item(
        staff,
        tree.city,
        "2024年<b>部门预算</b>",
        summary="本单位2024年收入预算合计<script>alert(1)</script>万元。",
        url="https://www.example.gov.cn/yusuan.html",
    )
    html = Client().get("/search/", {"q": "预算"}).content.decode()
    assert "共找到 1 条" in html
    assert "2024年&lt;b&gt;部门<mark>预算</mark>&lt;/b&gt;" in html
    assert "收入<mark>预算</mark>合计&lt;script&gt;alert(1)&lt;/script&gt;万元" in html
    assert "<script>alert" not in html and "<b>部门" not in html
    assert 'href="https://www.example.gov.cn/yusuan.html"' in html


def test_unpublished_items_never_appear(tree: Tree, staff: Staff) -> None:
    catalogue_item(staff, tree.city, "未公开的预算草稿", published=None)
    regulatory_document(staff, tree.city, "未公开的预算管理办法", published=None)
    html = Client().get("/search/", {"q": "预算"}).content.decode()
    assert "共找到 0 条" in html and "未公开" not in html
    assert "没有找到符合条件的已公开信息" in html


def test_filters_on_the_page(tree: Tree, staff: Staff) -> None:
    catalogue_item(staff, tree.street, "湖滨街道预算公开", published=dt.date(2025, 2, 3))
    catalogue_item(staff, tree.other_city, "宁远市部门预算", published=dt.date(2025, 3, 10))
    client = Client()
    own = client.get("/search/", {"q": "预算", "agency": tree.city.pk}).content.decode()
    assert "湖滨街道" in own and "宁远市部门" not in own
    alone = client.get("/search/", {"q": "预算", "agency": tree.city.pk, "scope": "self"})
    assert "共找到 0 条" in alone.content.decode()
    assert "共找到 0 条" in client.get("/search/", {"q": "预算", "year": 2024}).content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "预算", "year": "二〇二四"}, "年度应填写四位数字"),
        ({"q": "预算", "year": "1999"}, "年度不能早于 2008 年"),
        ({"q": "预算", "kind": "secret"}, "没有这个类别"),
        ({"q": "预算", "agency": "999999"}, "没有这个机关"),
        ({"q": "预" * 101}, "检索词不能超过 100 个字"),
        ({"q": "……！"}, "没有可检索的汉字、字母或数字"),
    ],
)
def test_bad_input_is_named_in_chinese(params: dict[str, str], message: str) -> None:
    html = Client().get("/search/", params).content.decode()
    assert message in html and 'data-testid="search-error"' in html


def test_htmx_gets_only_the_results(tree: Tree, staff: Staff) -> None:
    catalogue_item(staff, tree.city, "2024年部门预算")
    partial = Client().get("/search/", {"q": "预算"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="search-results"' in partial and "<html" not in partial


def test_a_register_document_has_its_own_public_page(tree: Tree, staff: Staff) -> None:
    regulatory_document(staff, tree.city, "临川市户外广告设置管理规定", kind="regulations")
    entry = SearchEntry.objects.get()
    html = Client().get("/search/", {"q": "广告"}).content.decode()
    assert f'href="/search/{entry.pk}/"' in html
    page = Client().get(f"/search/{entry.pk}/").content.decode()
    assert (
        "临川市户外广告设置管理规定" in page and "临政规〔2024〕3号" in page and "现行有效" in page
    )
    assert Client().get("/search/999999/").status_code == 404


def test_many_results_are_paged(tree: Tree, staff: Staff) -> None:
    for i in range(21):
        catalogue_item(staff, tree.city, f"第{i + 1}批预算项目", published=dt.date(2025, 3, 5))
    client = Client()
    first = client.get("/search/", {"q": "预算"}).content.decode()
    assert "共找到 21 条" in first and first.count('data-testid="search-hit"') == 20
    second = client.get("/search/", {"q": "预算", "page": 2}).content.decode()
    assert second.count('data-testid="search-hit"') == 1


def test_a_capped_count_says_so(tree: Tree, staff: Staff, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.web.search import query

    monkeypatch.setattr(query, "RESULT_CAP", 2)
    for i in range(3):
        catalogue_item(staff, tree.city, f"第{i + 1}批预算项目")
    html = Client().get("/search/", {"q": "预算"}).content.decode()
    assert "超过 2 条，仅列出前 2 条" in html and html.count('data-testid="search-hit"') == 2
