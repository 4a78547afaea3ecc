"""The index follows publication: published objects are in it, nothing else ever is."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from gongkai.text.search import parse_query
from gongkai.web.annual import services as annual_services
from gongkai.web.catalogue import services as catalogue
from gongkai.web.registers import services as registers
from gongkai.web.search import services
from gongkai.web.search.models import SearchEntry
from gongkai.web.search.query import search
from tests.web.conftest import Tree, make_user
from tests.web.search.published import Staff, annual_report, catalogue_item, regulatory_document

pytestmark = pytest.mark.django_db
D = dt.date


def _titles(words: str) -> list[str]:
    return [e.title for e in search(parse_query(words))]


@pytest.fixture
def staff() -> Staff:
    return Staff()


def test_a_published_catalogue_item_is_found_by_a_two_character_word(
    tree: Tree, staff: Staff
) -> None:
    catalogue_item(staff, tree.city, "2024年部门预算")
    assert _titles("预算") == ["2024年部门预算"]


def test_an_unpublished_item_is_never_indexed(tree: Tree, staff: Staff) -> None:
    catalogue_item(staff, tree.city, "2024年部门预算草稿", published=None)
    item = catalogue.register_item(
        agency=tree.city,
        title="已保密审查未公开的预算",
        category="07",
        issuing_body="临川市人民政府",
        formed=D(2025, 3, 3),
        by=staff(tree.city),
    )
    catalogue.approve_secrecy_review(item, by=staff(tree.city, "head"))
    assert not SearchEntry.objects.exists() and _titles("预算") == []


def test_a_withdrawn_item_disappears_and_returns_when_published_again(
    tree: Tree, staff: Staff
) -> None:
    item = catalogue_item(staff, tree.city, "老旧小区改造项目清单")
    assert _titles("改造") == ["老旧小区改造项目清单"]
    catalogue.record_change(item, changed=D(2025, 4, 1), by=staff(tree.city))  # back to 待公开
    assert _titles("改造") == [] and not SearchEntry.objects.exists()
    catalogue.approve_secrecy_review(item, by=staff(tree.city, "head"))
    catalogue.publish_item(item, on=D(2025, 4, 2), by=staff(tree.city))
    entry = SearchEntry.objects.get()
    assert entry.title == "老旧小区改造项目清单" and entry.date == D(2025, 4, 2)


def test_validity_is_shown_after_a_change(tree: Tree, staff: Staff) -> None:
    item = catalogue_item(staff, tree.city, "收费项目目录")
    catalogue.set_validity(item, validity="repealed", by=staff(tree.city))
    assert SearchEntry.objects.get().status == "废止"


def test_register_documents_are_found_once_published(tree: Tree, staff: Staff) -> None:
    regulatory_document(staff, tree.city, "临川市城市绿化管理办法", published=None)
    doc = regulatory_document(staff, tree.city, "临川市户外广告设置管理规定", kind="regulations")
    assert _titles("管理") == ["临川市户外广告设置管理规定"]
    registers.end_document(doc, on=D(2025, 1, 1), reason="repealed", by=staff(tree.city))
    entry = SearchEntry.objects.get()
    assert (entry.kind, entry.status, entry.number) == ("regulations", "废止", "临政规〔2024〕3号")
    assert entry.link == f"/search/{entry.pk}/"  # the register has no public page of its own


def test_an_annual_report_is_found_once_published_and_a_correction_replaces_it(
    tree: Tree, staff: Staff
) -> None:
    supervisor = make_user("zg", "supervisor", tree.city)
    draft = annual_report(staff, tree.city_dept, supervisor, publish=False)
    assert not SearchEntry.objects.exists()  # accepted is not published
    draft = annual_services.perform(draft, "publish", by=staff(tree.city_dept, "head"))
    entry = SearchEntry.objects.get()
    version = draft.versions.get()
    assert (entry.kind, entry.year, entry.agency_id) == ("annual", 2024, tree.city_dept.pk)
    assert entry.url == f"/annual/public/versions/{version.pk}/html/"
    draft = annual_services.perform(
        draft, "correct", by=staff(tree.city_dept, "head"), comment="更正表2"
    )
    annual_services.edit_section(
        draft, "6", "本年度未收取信息处理费。更正说明：表2数据有误。", by=staff(tree.city_dept)
    )
    for action, by in (
        ("approve", staff(tree.city_dept, "head")),
        ("submit", staff(tree.city_dept)),
        ("accept", supervisor),
        ("publish", staff(tree.city_dept, "head")),
    ):
        draft = annual_services.perform(draft, action, by=by)
    entry = SearchEntry.objects.get()
    assert entry.status == "第2版" and "更正说明" in entry.excerpt
    assert [e.pk for e in search(parse_query("更正说明"))] == [entry.pk]


def test_a_failed_publication_leaves_nothing_in_the_index(tree: Tree, staff: Staff) -> None:
    item = catalogue_item(staff, tree.city, "采购项目目录", published=None)
    catalogue.approve_secrecy_review(item, by=staff(tree.city, "head"))
    with pytest.raises(Exception, match="公开日期不能早于形成日期"):
        catalogue.publish_item(item, on=D(2020, 1, 1), by=staff(tree.city))
    assert not SearchEntry.objects.exists()


def test_rebuild_gives_the_same_index_as_the_services(tree: Tree, staff: Staff) -> None:
    supervisor = make_user("zg", "supervisor", tree.city)
    catalogue_item(staff, tree.city, "2024年部门预算", summary="收入预算和支出预算")
    catalogue_item(staff, tree.district, "草稿", published=None)
    regulatory_document(staff, tree.city, "临川市户外广告设置管理规定")
    annual_report(staff, tree.city_dept, supervisor)

    def snapshot() -> list[tuple[object, ...]]:
        return sorted(
            SearchEntry.objects.values_list("source", "object_id", "title", "tokens", "url", "date")
        )

    before = snapshot()
    SearchEntry.objects.all().delete()
    assert services.rebuild() == {"catalogue": 1, "register": 1, "annual": 1}
    assert snapshot() == before
    SearchEntry.objects.all().delete()
    call_command("search_rebuild", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before
