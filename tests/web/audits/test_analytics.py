"""The oversight analytics page: a project's reports per region/agency/year, each chart (SVG)
with its table and CSV/XLSX export, small samples marked, findings per report, the ranking,
and the supervisor's view of its subtree's published reports — scoped like every page."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.formats import FORMAT_2021
from gongkai.report import AnnualReport, dumps
from gongkai.report.canonical import to_dict
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.audits.models import (
    AuditDocument,
    AuditFinding,
    AuditProject,
    AuditReport,
    Disposition,
)
from tests.web.conftest import PASSWORD, Tree, make_user


def _report(agency: str, year: int, granted: int, denied: int, other: int = 0) -> AnnualReport:
    rows = {row.key: [None] * 6 + [0] for row in FORMAT_2021.table3.rows}
    rows["new_received"][-1] = granted + denied + other
    rows["granted"][-1], rows["denied_4"][-1], rows["other_3"][-1] = granted, denied, other
    rows["total"][-1] = granted + denied + other
    table4 = [3, 1, 0, 0, 4] + [0] * 10
    return AnnualReport(
        agency=agency,
        year=year,
        format="2021",
        published=dt.date(year + 1, 1, 20),
        table3=rows,  # type: ignore[arg-type]
        table4=table4,  # type: ignore[arg-type]
    )


def _login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def auditor(tree: Tree) -> Any:
    return make_user("auditor", "supervisor", tree.city)


@pytest.fixture
def project(tree: Tree, auditor: Any) -> AuditProject:
    project = AuditProject.objects.create(
        name="临川年报审核", years=[2022, 2023], agency=tree.city, created_by=auditor
    )
    document = AuditDocument.objects.create(project=project, name="corpus.zip", state="done")
    reports = [
        (tree.city_dept, _report("临川市教育局", 2022, granted=30, denied=10, other=25)),
        (tree.city_dept, _report("临川市教育局", 2023, granted=45, denied=5)),
        (tree.street, _report("东湖区湖滨街道办事处", 2023, granted=2, denied=1)),
    ]
    for position, (agency, report) in enumerate(reports):
        AuditReport.objects.create(
            document=document,
            source=f"corpus.zip#{position}",
            position=position,
            kind="html",
            agency_name=report.agency or "",
            year=report.year,
            report_json=dumps(report),
            matched_agency=agency,
        )
    return project


def _page(client: Client, project: AuditProject, **query: str) -> str:
    url = reverse("audits:analytics", args=[project.pk])
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_each_chart_above_its_table_with_rates_and_intervals(
    project: AuditProject, auditor: Any
) -> None:
    html = _page(_login(auditor), project)
    chart = reverse("audits:analytics_chart", args=[project.pk, "summary"])
    assert f'src="{chart}?by=region&amp;rate=disclosed"' in html
    assert html.index('data-testid="summary-chart"') < html.index('data-testid="summary-table"')
    # 临川市 (the education bureau's region): (30 + 45) of (40 + 50) decided; 其他处理 left out
    assert "83.3%（95%置信区间 74.3%–89.6%，n=90）" in html
    # 东湖区: 2 of 3 decided is too few to state a rate
    assert "样本不足（n=3）" in html
    assert "style=" not in html and "<script>" not in html


def test_grouping_by_year_shows_the_trend_and_by_agency_names_each_agency(
    project: AuditProject, auditor: Any
) -> None:
    client = _login(auditor)
    by_year = _page(client, project, by="year")
    assert "2022" in by_year and "2023" in by_year
    by_agency = _page(client, project, by="agency")
    assert "临川市教育局" in by_agency and "东湖区湖滨街道办事处" in by_agency


def test_the_chart_is_an_svg_drawn_from_the_rates_above_the_sample_floor(
    project: AuditProject, auditor: Any
) -> None:
    url = reverse("audits:analytics_chart", args=[project.pk, "summary"])
    response = _login(auditor).get(url, {"by": "agency", "rate": "disclosed"})
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert "临川市教育局" in svg and "东湖区湖滨街道办事处" not in svg
    assert "<script" not in svg
    trend = _login(auditor).get(reverse("audits:analytics_chart", args=[project.pk, "trend"]))
    assert trend.status_code == 200 and "2023" in trend.content.decode()


def test_the_table_exports_as_csv_and_xlsx_with_text_never_a_formula(
    project: AuditProject, auditor: Any
) -> None:
    AuditReport.objects.filter(year=2022).update(matched_agency=None)
    AuditReport.objects.filter(year=2022).update(
        report_json=dumps(_report("=HYPERLINK(1)", 2022, granted=30, denied=10))
    )
    client = _login(auditor)
    url = reverse("audits:analytics_export", args=[project.pk, "summary", "csv"])
    rows = list(
        csv.reader(io.StringIO(client.get(url, {"by": "agency"}).content.decode("utf-8-sig")))
    )
    assert rows[0][:3] == ["机关", "报告数", "申请数量"]
    by_name = {row[0]: row for row in rows[1:]}
    assert "'=HYPERLINK(1)" in by_name
    assert by_name["东湖区湖滨街道办事处"][5] == "样本不足"
    xlsx = client.get(
        reverse("audits:analytics_export", args=[project.pk, "summary", "xlsx"]), {"by": "agency"}
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    cell = next(row[0] for row in sheet.iter_rows(min_row=2) if row[0].value == "=HYPERLINK(1)")
    assert cell.data_type == "s" and "临川市教育局" in names


def test_findings_per_report_count_open_findings_the_reviewers_did_not_excuse(
    project: AuditProject, auditor: Any
) -> None:
    report = AuditReport.objects.get(year=2023, agency_name="临川市教育局")
    for n, severity in enumerate(("error", "warning", "error")):
        AuditFinding.objects.create(
            project=project,
            fingerprint=f"f{n}",
            report=report,
            rule="A1",
            severity=severity,
            finding_class="report",
            location="表三",
            message="不符",
        )
    Disposition.objects.create(
        project=project, fingerprint="f2", verdict="justified", comment="有说明", decided_by=auditor
    )
    url = reverse("audits:analytics_export", args=[project.pk, "summary", "csv"])
    rows = list(
        csv.reader(
            io.StringIO(_login(auditor).get(url, {"by": "agency"}).content.decode("utf-8-sig"))
        )
    )
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["临川市教育局"][4] == "1.0"  # 2 findings over its 2 reports


def test_the_ranking_scores_each_report_by_the_published_criteria(
    project: AuditProject, auditor: Any
) -> None:
    AuditReport.objects.filter(agency_name="东湖区湖滨街道办事处").update(
        report_json=dumps(
            AnnualReport(
                **{
                    **vars(_report("东湖区湖滨街道办事处", 2023, 2, 1)),
                    "published": dt.date(2024, 5, 1),
                }
            )
        )
    )
    url = reverse("audits:analytics_export", args=[project.pk, "ranking", "csv"])
    rows = list(csv.reader(io.StringIO(_login(auditor).get(url).content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["名次", "机关", "年度", "总分", "满分"]
    last = rows[-1]
    assert last[1] == "东湖区湖滨街道办事处" and last[3] == "30.0" and last[4] == "40"


def test_another_agencys_staff_cannot_see_the_project(project: AuditProject, tree: Tree) -> None:
    outsider = _login(make_user("outsider", "supervisor", tree.other_city))
    for url in (
        reverse("audits:analytics", args=[project.pk]),
        reverse("audits:analytics_chart", args=[project.pk, "summary"]),
        reverse("audits:analytics_export", args=[project.pk, "summary", "csv"]),
    ):
        assert outsider.get(url).status_code == 404


def _publish(agency: Any, report: AnnualReport, by: Any) -> None:
    data = to_dict(report)
    draft = AnnualReportDraft.objects.create(
        agency=agency, year=report.year, state="published", data=data, published_version=1
    )
    ReportVersion.objects.create(
        draft=draft,
        number=1,
        data=data,
        published_on=dt.date(report.year + 1, 1, 25),
        published_by=by,
    )


def test_a_supervisor_sees_the_published_reports_of_its_subtree_only(
    tree: Tree, auditor: Any
) -> None:
    _publish(tree.city_dept, _report("临川市教育局", 2023, granted=40, denied=10), auditor)
    _publish(tree.other_dept, _report("宁远市教育局", 2023, granted=1, denied=99), auditor)
    client = _login(auditor)
    html = client.get(reverse("audits:subtree_analytics"), {"by": "agency"}).content.decode()
    assert "临川市教育局" in html and "宁远市教育局" not in html
    assert "80.0%（95%置信区间" in html
    assert "超期答复率" in html  # the platform's case records give the overdue rate
    csv_url = reverse("audits:subtree_analytics_export", args=["summary", "csv"])
    assert "宁远市教育局" not in client.get(csv_url, {"by": "agency"}).content.decode("utf-8-sig")


def test_a_report_read_again_with_new_figures_changes_the_page(
    project: AuditProject, auditor: Any
) -> None:
    client = _login(auditor)
    assert "83.3%（95%置信区间" in _page(client, project)
    AuditReport.objects.filter(year=2022).update(
        report_json=dumps(_report("临川市教育局", 2022, granted=10, denied=30))
    )
    assert "61.1%（95%置信区间" in _page(client, project)  # (10 + 45) of (40 + 50)


def test_the_subtree_view_shows_late_replies_from_the_case_records(
    tree: Tree, auditor: Any
) -> None:
    from gongkai.web.cases.models import Case
    from tests.web.cases.conftest import register

    handler = make_user("handler-dept", "handler", tree.city_dept)
    _publish(tree.city_dept, _report("临川市教育局", 2025, granted=30, denied=20), auditor)
    for n in range(12):
        case = register(tree.city_dept, handler, submitted_on=dt.date(2025, 3, 3))
        replied = dt.date(2025, 5, 20) if n < 3 else dt.date(2025, 3, 20)  # 3 after the due date
        Case.objects.filter(pk=case.pk).update(
            replied_on=replied, reply_due=dt.date(2025, 3, 31), outcome="granted"
        )
    url = reverse("audits:subtree_analytics_export", args=["summary", "csv"])
    text = _login(auditor).get(url, {"by": "agency"}).content.decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(text))}
    header = next(iter(rows.values()))
    late = rows["临川市教育局"][header.index("超期答复率") :][:4]
    assert late[0] == "0.25" and late[3] == "12"
    assert rows["临川市教育局"][header.index("实质公开率")] == "0.6"  # this test's report, 30 of 50


def test_the_project_and_the_project_list_link_to_the_analytics(
    project: AuditProject, auditor: Any
) -> None:
    client = _login(auditor)
    detail = client.get(reverse("audits:detail", args=[project.pk])).content.decode()
    assert f'href="{reverse("audits:analytics", args=[project.pk])}"' in detail
    listing = client.get(reverse("audits:list")).content.decode()
    assert f'href="{reverse("audits:subtree_analytics")}"' in listing
