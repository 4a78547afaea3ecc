"""Reports are matched to the agency tree by name, region and year; what the name and the
report's text cannot tell apart is left unmatched for the reviewers."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.report import AnnualReport
from gongkai.web.agencies import services as agency_services
from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import AuditReport
from gongkai.web.audits.services import ingest
from gongkai.web.audits.services.matching import index_for, match_agency, place_of
from tests.web.audits.reports import report_file
from tests.web.conftest import Tree, make_user


@pytest.fixture
def bureaus(tree: Tree) -> dict[str, Agency]:
    """Three agencies named 卫生健康局: one in each city and one in a district of 临川市."""
    create = agency_services.create_agency
    return {
        "临川": create(name="卫生健康局", kind="department", parent=tree.city),
        "宁远": create(name="卫生健康局", kind="department", parent=tree.other_city),
        "东湖": create(name="卫生健康局", kind="department", parent=tree.district),
    }


@pytest.fixture
def project(tree: Tree) -> Any:
    auditor = make_user("auditor", "supervisor", tree.province)
    return ingest.create_project(name="全省审核", years=[2023], agency=tree.province, by=auditor)


def _match(project: Any, agency: str, *, title: str | None = None, preamble: str | None = None,
           year: int = 2023) -> Agency | None:  # fmt: skip
    extra = {"preamble": preamble} if preamble else {}
    report = AnnualReport(agency=agency, year=year, title=title, extra=extra)
    return match_agency(project, report, index_for(project))


def test_a_government_names_its_place_and_other_kinds_do_not(tree: Tree) -> None:
    assert place_of(tree.district) == "东湖区" and place_of(tree.province) == "江淮省"
    assert place_of(tree.city_dept) is None and place_of(tree.street) is None


def test_a_region_prefix_in_the_printed_name_picks_the_agency_of_that_region(
    project: Any, bureaus: dict[str, Agency]
) -> None:
    assert _match(project, "临川市卫生健康局") == bureaus["临川"]
    assert _match(project, "江淮省临川市东湖区卫生健康局") == bureaus["东湖"]
    assert _match(project, "临川市东湖区卫生健康局") == bureaus["东湖"]


def test_the_full_name_still_matches_and_a_foreign_region_does_not(
    project: Any, tree: Tree, bureaus: dict[str, Agency]
) -> None:
    assert _match(project, "东湖区人民政府") == tree.district
    assert _match(project, "宁远市教育局") == tree.other_dept  # the exact name comes first
    assert _match(project, "宁远市卫生健康局") == bureaus["宁远"]
    assert _match(project, "宁远市东湖区卫生健康局") is None  # 东湖区 lies in 临川市, not 宁远市


def test_an_ambiguous_name_is_matched_by_the_region_the_report_text_names(
    project: Any, bureaus: dict[str, Agency]
) -> None:
    by_title = _match(project, "卫生健康局", title="宁远市卫生健康局2023年政府信息公开工作年度报告")
    assert by_title == bureaus["宁远"]
    by_preamble = _match(
        project, "卫生健康局", preamble="根据临川市人民政府办公室的要求，发布本报告。"
    )
    assert by_preamble == bureaus["临川"]  # not the 东湖区 one, though 东湖区 lies in 临川市
    in_district = _match(project, "卫生健康局", preamble="临川市东湖区卫生健康局根据……")
    assert in_district == bureaus["东湖"]


def test_what_the_text_cannot_tell_apart_is_left_for_a_reviewer(
    project: Any, bureaus: dict[str, Agency]
) -> None:
    assert _match(project, "卫生健康局") is None
    assert _match(project, "卫生健康局", title="卫生健康局2023年政府信息公开工作年度报告") is None
    assert _match(project, "卫生健康局", preamble="临川市、宁远市两地卫生健康部门") is None


def test_a_report_of_another_year_is_not_matched(project: Any, tree: Tree) -> None:
    assert _match(project, "东湖区人民政府", year=2021) is None


def test_an_uploaded_report_is_matched_by_region_and_its_override_resets_to_it(
    project: Any, tree: Tree, bureaus: dict[str, Agency]
) -> None:
    auditor = project.created_by
    ingest.add_files(project, [("a.html", report_file("宁远市教育局", 2023)),
                               ("b.html", report_file("临川市东湖区卫生健康局", 2023))],
                     by=auditor)  # fmt: skip
    matched = {r.agency_name: r.matched_agency for r in AuditReport.objects.all()}
    assert matched == {"宁远市教育局": tree.other_dept, "临川市东湖区卫生健康局": bureaus["东湖"]}
    from gongkai.web.audits.services.matching import set_match

    report = AuditReport.objects.get(agency_name="临川市东湖区卫生健康局")
    set_match(report, bureaus["临川"], by=auditor)
    set_match(report, None, by=auditor)  # back to automatic matching
    report.refresh_from_db()
    assert report.matched_agency == bureaus["东湖"] and not report.match_manual
