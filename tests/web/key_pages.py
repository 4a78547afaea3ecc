"""The key pages of every role on the demo province, for the page-wide checks (no raw codes
shown, layouts that hold): one list, so both checks look at the same pages.

``demo_world()`` loads the demo province (``gongkai demo``) and adds what the demo lacks: an
audit project with a good and a broken report. ``pages_of(role)`` names each page (in the
words of the menu, for the failure message) and gives its address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import User
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.audits.models import AuditFinding, AuditReport
from gongkai.web.audits.services import ingest
from gongkai.web.cases import queries
from gongkai.web.cases.models import Case
from gongkai.web.core.demo import DEMO_PASSWORD, run_demo
from tests.web.audits.reports import report_file

# One demo account per role (README's table), and who the applicant is on the portal.
ACCOUNTS = {
    "handler": "lcjyj-jingban",
    "head": "lcjyj-fuze",
    "supervisor": "lc-zhuguan",
    "admin": "admin",
}
PASSWORD = DEMO_PASSWORD
PUBLIC = "applicant"
ROLES = (*ACCOUNTS, PUBLIC)
CASE_PAGES = 24  # one case page per state and outcome, at most this many


@dataclass(frozen=True)
class Page:
    name: str  # in the words of the menu, for the failure message
    url: str
    post: dict[str, str] | None = None  # posted (a form sent back with its errors, a fragment)


@dataclass(frozen=True)
class World:
    tracking: list[tuple[str, str]]  # the demo's online applications: (number, access code)
    audit_pages: list[Page]  # the audit project's pages


def demo_world() -> World:
    report = run_demo()
    printed = "".join(report.lines)
    tracking = re.findall(r"(\d{8}-[A-Z0-9]{6}) / ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})", printed)
    assert tracking, "the demo printed no tracking numbers"
    supervisor = User.objects.get(username=ACCOUNTS["supervisor"])
    assert supervisor.agency is not None
    project = ingest.create_project(
        name="临川市年报审核", years=[2022, 2023], agency=supervisor.agency, by=supervisor
    )
    files = [
        ("临川市教育局2022年报.html", report_file("临川市教育局", 2022)),
        ("临川市教育局2023年报.html", report_file("临川市教育局", 2023, review_total=9)),
        ("损坏的年报.pdf", b"%PDF-1.7\n" + b"\x00broken" * 64),
    ]
    ingest.add_files(project, files, by=supervisor)
    later = AuditReport.objects.filter(document__project=project, year=2023).first()
    finding = AuditFinding.objects.filter(project=project).order_by("pk").first()
    assert later is not None and finding is not None, "the 2023 report was not audited"
    audit_pages = [
        Page("审核项目", f"/audits/{project.pk}/"),
        Page("审核发现", f"/audits/{project.pk}/findings/{finding.pk}/"),
        Page("两年对比", f"/audits/{project.pk}/reports/{later.pk}/compare/"),
        Page("统计分析", f"/audits/{project.pk}/analytics/"),
    ]
    return World(tracking=tracking, audit_pages=audit_pages)


def _case_pages(user: User, limit: int) -> list[Page]:
    """Case pages the user may open: one per state and outcome, newest first."""
    seen: set[tuple[str, str]] = set()
    pages = []
    for pk, number, state, outcome in (
        queries.visible_cases(user)
        .order_by("-received", "-pk")
        .values_list("pk", "number", "state", "outcome")
    ):
        if (state, outcome) in seen:
            continue
        seen.add((state, outcome))
        pages.append(Page(f"案件页 {number}", f"/cases/{pk}/"))
        if len(pages) == limit:
            break
    return pages


def _duplicate_hint(user: User) -> list[Page]:
    """The repeated-application hint shown while an earlier application is typed again."""
    earlier = Case.objects.filter(agency=user.agency_id).order_by("-received").first()
    if earlier is None:
        return []
    typed = {
        "applicant_name": earlier.applicant_name,
        "id_number": earlier.id_number,
        "description": earlier.description,
    }
    return [Page("重复申请提示", "/cases/new/duplicates/", typed)]


def _report_page(user: User) -> list[Page]:
    report = (
        AnnualReportDraft.objects.filter(agency__in=permissions.visible_agencies(user))
        .order_by("-year", "-pk")
        .first()
    )
    return [] if report is None else [Page(f"年度报告 {report.year}", f"/annual/{report.pk}/")]


def pages_of(role: str, world: World, case_pages: int = CASE_PAGES) -> list[Page]:
    if role == PUBLIC:
        first = Case.objects.filter(agency__users__username=ACCOUNTS["handler"]).first()
        assert first is not None
        agency = first.agency_id
        return [
            Page("网上申请首页", "/portal/"),
            Page("机关公开指南", f"/portal/agencies/{agency}/"),
            Page("填写申请", f"/portal/agencies/{agency}/apply/"),
            Page("提交空白申请", f"/portal/agencies/{agency}/apply/", {}),
            Page("查询办理进度", "/portal/track/"),
        ] + [Page(f"办理进度 {number}", f"/portal/track/{number}/") for number, _ in world.tracking]
    user = User.objects.get(username=ACCOUNTS[role])
    common = [
        Page("首页", "/"),
        Page("机关", "/agencies/"),
        Page("案件列表", "/cases/"),
        Page("年度报告", "/annual/"),
        Page("主动公开", "/catalogue/"),
        Page("文件登记", "/registers/"),
        Page("复议诉讼", "/reviews/"),
        Page("年报审核", "/audits/"),
    ]
    if role in ("handler", "head"):
        return [
            *common,
            Page("工作台", "/cases/dashboard/"),
            Page("登记申请", "/cases/new/"),
            Page("登记空白申请", "/cases/new/", {}),
            *_duplicate_hint(user),
            Page("网上申请", "/portal/inbox/"),
            Page("提醒", "/cases/notifications/"),
            *_case_pages(user, case_pages),
            *_report_page(user),
        ]
    if role == "supervisor":
        return [
            *common,
            Page("下级机关案件", "/cases/supervision/"),
            Page("年报报送情况", "/annual/overview/"),
            Page("年度排名", "/annual/ranking/"),
            *world.audit_pages,
            *_case_pages(user, case_pages),
            *_report_page(user),
        ]
    return common
