"""Searching: every word must be there; filters by agency (with its subtree), year, kind and
Art. 20 category; title matches first, then the newest. Same answers on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.text.search import parse_query
from gongkai.web.search.query import Filters, Results, search
from tests.web.conftest import Tree
from tests.web.search.published import Staff, catalogue_item, regulatory_document

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def published(tree: Tree) -> Tree:
    staff = Staff()
    catalogue_item(staff, tree.city, "2024年部门预算", published=D(2025, 3, 5))
    catalogue_item(
        staff,
        tree.district,
        "东湖区2023年部门决算",
        published=D(2024, 5, 6),
        summary="附件包括一般公共预算财政拨款支出决算表。",
    )
    catalogue_item(
        staff, tree.street, "湖滨街道办事处预算公开", published=D(2025, 2, 3), category="02"
    )
    catalogue_item(staff, tree.other_city, "宁远市部门预算", published=D(2025, 3, 10))
    catalogue_item(
        staff, tree.city_dept, "义务教育招生划片范围", published=D(2025, 1, 6), category="11"
    )
    regulatory_document(staff, tree.city, "临川市财政专项资金预算管理办法")
    return tree


def _titles(words: str, **filters: object) -> list[str]:
    return [e.title for e in search(parse_query(words), Filters(**filters))]  # type: ignore[arg-type]


def test_title_matches_first_then_the_newest(published: Tree) -> None:
    assert _titles("预算") == [
        "宁远市部门预算",  # 2025-03-10
        "2024年部门预算",  # 2025-03-05
        "湖滨街道办事处预算公开",  # 2025-02-03
        "临川市财政专项资金预算管理办法",  # 2024-06-03
        "东湖区2023年部门决算",  # only its text says 预算
    ]


def test_every_word_must_be_present(published: Tree) -> None:
    assert _titles("部门 决算") == ["东湖区2023年部门决算"]
    assert _titles("财政拨款") == ["东湖区2023年部门决算"]
    assert _titles("部门预算 宁远") == ["宁远市部门预算"]
    assert _titles("招生划片") == ["义务教育招生划片范围"]
    assert _titles("不存在的词语组合") == []


def test_agency_with_its_subtree_or_alone(published: Tree) -> None:
    assert _titles("预算", agency=published.district) == [
        "湖滨街道办事处预算公开",
        "东湖区2023年部门决算",
    ]
    assert _titles("预算", agency=published.district, subtree=False) == ["东湖区2023年部门决算"]
    assert "宁远市部门预算" not in _titles("预算", agency=published.city)


def test_year_kind_and_category(published: Tree) -> None:
    assert _titles("预算", year=2024) == ["临川市财政专项资金预算管理办法", "东湖区2023年部门决算"]
    assert _titles("预算", kind="normative_documents") == ["临川市财政专项资金预算管理办法"]
    assert _titles("预算", kind="catalogue", category="02") == ["湖滨街道办事处预算公开"]
    assert _titles("招生", category="07") == []


def test_an_empty_query_finds_nothing(published: Tree) -> None:
    assert _titles("") == [] and _titles("，。") == []


def test_pages_run_on_from_the_title_matches_to_the_others(published: Tree) -> None:
    everything = _titles("预算")
    results = Results(parse_query("预算"), Filters())
    assert results.count() == 5 and not results.more
    assert [e.title for e in results[3:5]] == everything[3:5]  # across the boundary
    assert results[4].title == "东湖区2023年部门决算"
    with pytest.raises(IndexError):
        results[5]


def test_counting_stops_at_the_cap(published: Tree) -> None:
    results = Results(parse_query("预算"), Filters(), cap=3)
    assert results.count() == 3 and results.more
    assert [e.title for e in results] == _titles("预算")[:3]
    assert len(results[2:10]) == 1
