"""Yearly statistics: one agency's figures from its current published version, and a
region's roll-up as the cell-by-cell sum of its agencies' published reports."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.report import numeric
from tests.web.api.conftest import get_json
from tests.web.api.world import World

pytestmark = pytest.mark.django_db


def _applications(data: dict[str, object]) -> int:
    table3 = data["table3"]
    assert isinstance(table3, dict)
    return sum(int(numeric(table3[row][-1]) or 0) for row in ("new_received", "carried_over"))


def test_agency_figures_come_from_the_current_version(client: Client, world: World) -> None:
    body = get_json(client, "/api/v1/statistics/agencies?year=2024")
    by_agency = {s["agency"]["id"]: s for s in body["items"]}
    tree = world.tree
    assert set(by_agency) == {tree.city_dept.pk, tree.district.pk}  # the street is unpublished
    dept = by_agency[tree.city_dept.pk]
    v2 = world.versions["dept_v2"]
    assert dept["report_id"] == v2.pk and dept["version"] == 2
    assert dept["figures"]["applications"] == _applications(v2.data)
    assert dept["errors"] == sum(1 for f in v2.findings if f["severity"] == "error")
    disclosed = dept["figures"]["disclosed"]
    assert 0 <= disclosed["numerator"] <= disclosed["denominator"]


def test_region_rollup_sums_the_published_reports(client: Client, world: World) -> None:
    tree = world.tree
    body = get_json(client, f"/api/v1/statistics/regions/{tree.city.pk}?year=2024")
    members = [world.versions["dept_v2"], world.versions["district"]]
    assert sorted(body["report_ids"]) == sorted(v.pk for v in members)
    assert set(body["agencies_without_report"]) == {tree.city.pk, tree.street.pk}
    assert body["agencies"] == 4
    summed = body["report"]["table3"]
    for row, cells in summed.items():
        for i, cell in enumerate(cells):
            expected = sum(numeric(v.data["table3"][row][i]) or 0 for v in members)
            assert numeric(cell) == expected, (row, i)
    assert body["figures"]["applications"] == sum(_applications(v.data) for v in members)
    empty = get_json(client, f"/api/v1/statistics/regions/{tree.other_city.pk}?year=2024")
    assert empty["report"] is None and empty["report_ids"] == [] and empty["figures"] is None


def test_region_rollup_follows_a_new_version(client: Client, world: World) -> None:
    from gongkai.web.annual import services as annual
    from tests.web.api.world import PUBLISH_STEPS

    url = f"/api/v1/statistics/regions/{world.tree.city.pk}?year=2024"
    before = get_json(client, url)["report_ids"]
    district = world.people["district"] | {"supervisor": world.people["supervisor"]}
    draft = world.versions["district"].draft
    draft = annual.perform(draft, "correct", by=district["head"], comment="更正")
    for action, who in (*PUBLISH_STEPS, ("publish", "head")):
        draft = annual.perform(draft, action, by=district[who])
    after = get_json(client, url)["report_ids"]
    newest = draft.versions.order_by("-number").first()
    assert newest is not None and newest.pk in after and world.versions["district"].pk in before
    assert world.versions["district"].pk not in after
