"""Reports built from records: every cell equals the number of records linked to it, and the
in-year rules A1 and B1–B4 hold by construction."""

from __future__ import annotations

import random

import pytest

from gongkai.formats.national import TABLE4
from gongkai.web.annual import services
from gongkai.web.annual.models import AnnualReportDraft
from tests.web.annual.records import MemorySource, merged, random_records
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
IN_YEAR = ("A1", "B1", "B2", "B3", "B4")


def _source(tree: Tree) -> MemorySource:
    rng = random.Random(7)
    return merged(*(random_records(a.pk, rng) for a in tree.all()))


def _linked(draft: AnnualReportDraft, table: str, row: str, column: int) -> int:
    cells = draft.sources[table] if table == "table4" else draft.sources[table].get(row, {})
    return len(cells.get(str(column), []))


def assert_cells_equal_linked_records(draft: AnnualReportDraft) -> None:
    data = draft.data
    for row, values in data["table3"].items():
        for column, value in enumerate(values):
            assert value == _linked(draft, "table3", row, column), (draft.year, row, column)
    for index, value in enumerate(data["table4"]):
        assert value == _linked(draft, "table4", "", index), (draft.year, index)
    for row in ("regulations", "normative_documents"):
        for column, value in enumerate(data["table2"][row]):
            assert value == _linked(draft, "table2", row, column), (draft.year, row, column)


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025])
def test_every_cell_is_the_sum_of_its_records(tree: Tree, year: int) -> None:
    source = _source(tree)
    for agency in (tree.city, tree.city_dept, tree.street):
        draft = services.build_report(
            agency, year, by=make_user(f"h{agency.pk}", "head", agency), source=source
        )
        assert_cells_equal_linked_records(draft)
        assert sum(draft.data["table3"]["new_received"][:6]) > 0 or year == 2025
        in_year = [f for f in draft.findings if f["rule"] in IN_YEAR]
        assert in_year == [], in_year


def test_format_2019_for_earlier_years(tree: Tree) -> None:
    source = _source(tree)
    draft = services.build_report(
        tree.city, 2020, by=make_user("h", "head", tree.city), source=source
    )
    assert draft.data["format"] == "2019"
    assert "other" in draft.data["table3"] and "other_1" not in draft.data["table3"]
    assert_cells_equal_linked_records(draft)
    assert not [f for f in draft.findings if f["rule"] in ("A1", "B1", "B2", "B3")]


def test_region_rollup_equals_the_sum_of_the_subtree(tree: Tree) -> None:
    source = _source(tree)
    supervisor = make_user("s", "supervisor", tree.city)
    region = services.build_report(tree.city, 2024, by=supervisor, scope="region", source=source)
    members = [tree.city, tree.city_dept, tree.district, tree.street]
    parts = [
        services.build_report(a, 2024, by=make_user(f"h{a.pk}", "head", a), source=source).data
        for a in members
    ]
    for row, values in region.data["table3"].items():
        assert values == [sum(p["table3"][row][i] for p in parts) for i in range(len(values))]
    assert region.data["table4"] == [sum(p["table4"][i] for p in parts) for i in range(TABLE4.size)]
    for row in ("regulations", "normative_documents", "licensing", "penalty"):
        assert region.data["table2"][row] == [
            sum(p["table2"][row][i] for p in parts) for i in range(len(region.data["table2"][row]))
        ]
    assert region.data["title"].endswith("（汇总）")


def test_rebuild_keeps_edited_sections_and_redrafts_the_others(tree: Tree) -> None:
    head = make_user("h", "head", tree.city)
    source = _source(tree)
    draft = services.build_report(tree.city, 2024, by=head, source=source)
    services.edit_section(draft, "5", "一是公开栏目更新不够及时。下一步将加强督促。", by=head)
    source.applications[tree.city.pk] = source.applications[tree.city.pk][:10]
    draft = services.build_report(tree.city, 2024, by=head, source=source)
    assert draft.data["sections"]["5"].startswith("一是公开栏目")
    new = draft.data["table3"]["new_received"][-1]
    assert f"本年度共收到政府信息公开申请{new}件" in draft.data["sections"]["3"]
    assert draft.edited_sections == ["5"]


def test_a_narrative_edit_that_contradicts_the_tables_is_flagged(tree: Tree) -> None:
    head = make_user("h", "head", tree.city)
    draft = services.build_report(tree.city, 2024, by=head, source=_source(tree))
    real = draft.data["table3"]["new_received"][-1]
    services.edit_section(draft, "3", f"本年度共收到政府信息公开申请{real + 5}件。", by=head)
    assert any(f["rule"] == "D1" for f in draft.findings)


def test_unconnected_applications_are_said(tree: Tree) -> None:
    head = make_user("h", "head", tree.city)
    draft = services.build_report(
        tree.city, 2024, by=head, source=MemorySource(applications_connected=False)
    )
    assert any("尚未接入" in w for w in draft.build_warnings)
    assert any("未录入" in w for w in draft.build_warnings)


def test_an_inconsistent_record_is_named_not_a_crash(tree: Tree) -> None:
    import datetime as dt

    from django.core.exceptions import ValidationError

    from gongkai.statistics import ApplicationRecord

    source = _source(tree)
    bad = ApplicationRecord(
        "c-999", "natural_person", dt.date(2024, 3, 1), dt.date(2024, 3, 9), "no_such_outcome"
    )
    source.applications[tree.city.pk].append(bad)
    with pytest.raises(ValidationError, match="c-999"):
        services.build_report(tree.city, 2024, by=make_user("h", "head", tree.city), source=source)
    assert not AnnualReportDraft.objects.filter(agency=tree.city, data__has_key="table3").exists()
