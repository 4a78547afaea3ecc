"""The auditors' pages: create a project, upload, watch progress, review a finding against
its highlighted source, re-run with the decision kept, compare two years; scoped access."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.web.audits.models import AuditFinding, AuditProject, AuditReport, Disposition
from tests.web.audits.reports import report_file, zip_of
from tests.web.conftest import PASSWORD, Tree, make_user


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _project_with_two_years(client: Client, tree: Tree) -> AuditProject:
    response = client.post("/audits/", {"name": "东湖区年报审核", "years": "2022,2023",
                                        "agency": tree.city.pk})  # fmt: skip
    project = AuditProject.objects.get(name="东湖区年报审核")
    assert response.status_code == 302 and response["Location"] == f"/audits/{project.pk}/"
    upload = zip_of({"2022.html": report_file("东湖区人民政府", 2022),
                     "2023.html": report_file("东湖区人民政府", 2023, review_total=9)})  # fmt: skip
    client.post(f"/audits/{project.pk}/upload/",
                {"documents": [SimpleUploadedFile("corpus.zip", upload)]})  # fmt: skip
    return project


def test_review_a_finding_against_its_source_and_keep_the_decision_on_re_run(tree: Tree) -> None:
    auditor = make_user("auditor", "supervisor", tree.city)
    client = _client(auditor)
    project = _project_with_two_years(client, tree)
    page = client.get(f"/audits/{project.pk}/").content.decode()
    assert "已提取 <strong>2</strong>" in page and "every 2s" not in page  # all done: no polling
    finding = AuditFinding.objects.get(project=project, rule="B3", year=2023)
    detail = client.get(f"/audits/{project.pk}/findings/{finding.pk}/").content.decode()
    assert "<mark>9</mark>" in detail  # the printed 总计 of 行政复议, singled out
    client.post(f"/audits/{project.pk}/findings/{finding.pk}/",
                {"verdict": "justified", "comment": "总计含上年结转案件"})  # fmt: skip
    client.post(f"/audits/{project.pk}/rerun/")
    again = AuditFinding.objects.get(project=project, rule="B3", year=2023)
    assert again.pk == finding.pk and again.resolved_at is None
    detail = client.get(f"/audits/{project.pk}/findings/{finding.pk}/").content.decode()
    assert "排除：有合理解释" in detail and "总计含上年结转案件" in detail
    assert Disposition.objects.get(fingerprint=finding.fingerprint).decided_by == auditor


def test_a_finding_whose_fingerprint_disappears_shows_as_resolved(tree: Tree) -> None:
    client = _client(make_user("auditor", "supervisor", tree.city))
    project = _project_with_two_years(client, tree)
    wrong = project.documents.get(name="2023.html")
    wrong.delete()  # the wrong report is withdrawn from the corpus
    project.documents.update(state="done")
    client.post(f"/audits/{project.pk}/rerun/")
    finding = AuditFinding.objects.get(project=project, rule="B3", year=2023)
    assert finding.resolved_at is not None
    resolved = client.get(f"/audits/{project.pk}/?show=resolved").content.decode()
    assert "已解决" in resolved and finding.location in resolved
    assert finding.location not in client.get(f"/audits/{project.pk}/").content.decode()


def test_progress_polls_while_documents_wait(tree: Tree) -> None:
    client = _client(make_user("auditor", "supervisor", tree.city))
    project = _project_with_two_years(client, tree)
    project.documents.filter(name="2023.html").update(state="queued")
    fragment = client.get(f"/audits/{project.pk}/progress/").content.decode()
    assert 'hx-trigger="every 2s"' in fragment and "排队中 <strong>1</strong>" in fragment


def test_comparison_of_two_years_and_its_pdf(tree: Tree) -> None:
    client = _client(make_user("auditor", "supervisor", tree.city))
    project = _project_with_two_years(client, tree)
    this = AuditReport.objects.get(document__project=project, year=2023)
    page = client.get(f"/audits/{project.pk}/reports/{this.pk}/compare/").content.decode()
    assert "2022→2023" in page and "重复率" in page
    assert "行政复议" in page  # the changed 总计 is listed among the cell deltas
    pdf = client.get(f"/audits/{project.pk}/reports/{this.pk}/compare.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    last = AuditReport.objects.get(document__project=project, year=2022)
    assert client.get(f"/audits/{project.pk}/reports/{last.pk}/compare/").status_code == 404


def test_manual_agency_override(tree: Tree) -> None:
    client = _client(make_user("auditor", "supervisor", tree.city))
    project = _project_with_two_years(client, tree)
    report = AuditReport.objects.get(document__project=project, year=2023)
    client.post(f"/audits/{project.pk}/reports/{report.pk}/match/", {"agency": tree.street.pk})
    report.refresh_from_db()
    assert report.matched_agency == tree.street and report.match_manual
    client.post(f"/audits/{project.pk}/rerun/")  # re-extraction keeps the override
    report = AuditReport.objects.get(document__project=project, year=2023)
    assert report.matched_agency == tree.street and report.match_manual
    outside = client.post(f"/audits/{project.pk}/reports/{report.pk}/match/",
                          {"agency": tree.other_city.pk})  # fmt: skip
    assert outside.status_code == 302
    report.refresh_from_db()
    assert report.matched_agency == tree.street


def test_projects_are_seen_by_their_agency_members_and_supervisors_above_only(tree: Tree) -> None:
    owner = make_user("owner", "head", tree.district)
    project = _project_with_two_years_for(owner, tree)
    url = f"/audits/{project.pk}/"
    above = _client(make_user("above", "supervisor", tree.city))
    assert above.get(url).status_code == 200
    assert above.post(f"{url}rerun/").status_code == 403  # supervisors read, members work
    other = _client(make_user("other", "supervisor", tree.other_city))
    assert other.get(url).status_code == 404
    assert "东湖区年报审核" not in other.get("/audits/").content.decode()
    member = make_user("member", "handler", tree.other_dept)
    project.members.add(member)
    assert _client(member).get(url).status_code == 200
    finding = project.findings.first()
    assert finding is not None
    assert other.post(f"{url}findings/{finding.pk}/",
                      {"verdict": "justified", "comment": "x"}).status_code == 404  # fmt: skip


def _project_with_two_years_for(owner: Any, tree: Tree) -> AuditProject:
    client = _client(owner)
    client.post("/audits/", {"name": "东湖区年报审核", "years": "2022,2023",
                             "agency": tree.district.pk})  # fmt: skip
    project = AuditProject.objects.get(name="东湖区年报审核")
    client.post(
        f"/audits/{project.pk}/upload/",
        {
            "documents": [
                SimpleUploadedFile("2023.html", report_file("东湖区人民政府", 2023, review_total=9))
            ]
        },
    )
    return project


def test_every_decision_is_kept_and_the_latest_is_current(tree: Tree) -> None:
    first = make_user("auditor", "supervisor", tree.city)
    second = make_user("second", "supervisor", tree.city)
    project = _project_with_two_years(_client(first), tree)
    finding = AuditFinding.objects.get(project=project, rule="B3", year=2023)
    url = f"/audits/{project.pk}/findings/{finding.pk}/"
    _client(first).post(url, {"verdict": "justified", "comment": "总计含上年结转案件"})
    _client(second).post(url, {"verdict": "report_error", "comment": "结转另列，总计有误"})
    kept = Disposition.objects.filter(project=project, fingerprint=finding.fingerprint)
    assert [(d.verdict, d.decided_by, d.current) for d in kept.order_by("pk")] == [
        ("justified", first, False), ("report_error", second, True),
    ]  # fmt: skip
    detail = _client(first).get(url).content.decode()
    history = detail[detail.index('data-testid="decision-history"') :]
    assert history.index("结转另列，总计有误") < history.index("总计含上年结转案件")
    assert "测试second" in history and "测试auditor" in history
    decision = detail[detail.index('data-testid="decision"') :]
    assert decision.index("确认：报告错误") < decision.index("</p>")
    listing = _client(first).get(f"/audits/{project.pk}/").content.decode()
    assert "确认：报告错误" in listing and "排除：有合理解释" not in listing
    client = _client(first)  # a re-run keeps the whole history
    client.post(f"/audits/{project.pk}/rerun/")
    assert kept.count() == 2 and kept.get(current=True).verdict == "report_error"


def test_a_pdf_finding_page_marks_the_printed_characters_of_its_cell(tree: Tree) -> None:
    client = _client(make_user("auditor", "supervisor", tree.city))
    client.post("/audits/", {"name": "PDF 审核", "years": "2023", "agency": tree.city.pk})
    project = AuditProject.objects.get(name="PDF 审核")
    pdf = report_file("东湖区人民政府", 2023, review_total=9, target="pdf")
    client.post(f"/audits/{project.pk}/upload/",
                {"documents": [SimpleUploadedFile("2023.pdf", pdf)]})  # fmt: skip
    finding = AuditFinding.objects.get(project=project, rule="B3", year=2023)
    detail = client.get(f"/audits/{project.pk}/findings/{finding.pk}/").content.decode()
    assert "1 0 0 0 <mark>9</mark> 0 0" in detail and detail.count("<mark>") == 1
