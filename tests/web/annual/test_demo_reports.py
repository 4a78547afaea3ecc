"""The demo province's generated reports: A1 and B1–B4 hold, every cell is the number of
records linked to it, and each roll-up equals the sum of its subtree's reports.

The demo runs with fewer cases per agency than ``gongkai demo`` (same generator) so the test
stays fast.
"""

from __future__ import annotations

import pytest
from django.apps import apps

from gongkai.rules import check
from gongkai.web.agencies.models import Agency
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.annual.overview import rollup_differences
from gongkai.web.core.demo import run_demo
from tests.web.annual.test_builder import IN_YEAR, assert_cells_equal_linked_records

pytestmark = pytest.mark.django_db

if not apps.is_installed("gongkai.web.cases"):  # pragma: no cover - until the cases app is wired
    pytest.skip("案件应用未安装：演示年报缺少表3数据", allow_module_level=True)


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.web.cases import demo as cases_demo

    monkeypatch.setattr(cases_demo, "STAFFED_CASES", 45, raising=False)
    monkeypatch.setattr(cases_demo, "OTHER_CASES", 8, raising=False)
    run_demo()


def test_demo_reports_pass_the_in_year_rules_and_roll_up(demo: None) -> None:
    drafts = list(AnnualReportDraft.objects.select_related("agency"))
    assert len(drafts) > 40 and {d.year for d in drafts} >= {2024, 2025}
    assert sum(d.data["table3"]["new_received"][-1] for d in drafts) > 0
    for draft in drafts:
        assert_cells_equal_linked_records(draft)
        stored = [f for f in draft.findings if f["rule"] in IN_YEAR]
        fresh = [f for f in check(draft.report(), rules=IN_YEAR)]
        assert stored == [] and fresh == [], (draft, stored, fresh)
        for version in draft.versions.all():
            assert check(version.report(), rules=IN_YEAR) == []
    # The same demo: each roll-up equals the sum of its subtree's reports.
    regions = list(AnnualReportDraft.objects.filter(scope="region").select_related("agency"))
    assert regions
    for region in regions:
        subtree = Agency.objects.subtree(region.agency)
        members = list(
            AnnualReportDraft.objects.filter(agency__in=subtree, year=region.year, scope="agency")
        )
        assert len(members) == subtree.count()
        # Published reports are frozen; compare the tables, which the workflow never changes.
        assert rollup_differences(region, members) == []
    # One agency's cell changed: the roll-up is reported different at exactly that cell.
    region = regions[0]
    members = list(
        AnnualReportDraft.objects.filter(
            agency__in=Agency.objects.subtree(region.agency), year=region.year, scope="agency"
        )
    )
    members[0].data["table3"]["granted"][0] += 1
    assert rollup_differences(region, members) == ["表3 · （一）予以公开 · 自然人"]
