"""Rule E7 on the platform: a draft still holding the drafting's template text （请填写…）
cannot be approved or published, the refusal names the section, and filling the text in
lets it through; the auditors' projects report the same rule on uploaded reports."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from gongkai.render import render
from gongkai.web.annual import services
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.audits.models import AuditFinding
from gongkai.web.audits.services import ingest
from tests.rules.builders import SECTIONS, report
from tests.web.annual.records import FILLED_SECTIONS, filled, random_records
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = pytest.mark.django_db
SECTION_6 = "六、其他需要报告的事项"


@pytest.fixture
def people(tree: Tree) -> dict[str, Any]:
    return {
        "handler": make_user("jb", "handler", tree.city_dept),
        "head": make_user("fz", "head", tree.city_dept),
        "supervisor": make_user("zg", "supervisor", tree.city),
    }


@pytest.fixture
def draft(tree: Tree, people: dict[str, Any]) -> AnnualReportDraft:
    source = random_records(tree.city_dept.pk, random.Random(3))
    return services.build_report(tree.city_dept, 2024, by=people["handler"], source=source)


def _blanks(draft: AnnualReportDraft) -> dict[str, str]:
    return {f["row"]: f["where"] for f in draft.findings if f["rule"] == "E7"}


def test_a_generated_draft_cannot_be_approved_until_its_blanks_are_filled(
    draft: AnnualReportDraft, people: dict[str, Any]
) -> None:
    assert _blanks(draft) == {
        "1": "正文 · 一、总体情况",
        "5": "正文 · 五、存在的主要问题及改进情况",
        "6": f"正文 · {SECTION_6}",
    }
    with pytest.raises(ValidationError) as refused:
        services.perform(draft, "approve", by=people["head"])
    message = refused.value.messages[0]
    assert "不能负责人审批" in message and "一、总体情况" in message and "（请补充" in message
    draft.refresh_from_db()
    assert draft.state == "draft" and not draft.events.exists()

    # Filling two of the three sections is not enough: the refusal names the one left.
    draft = services.edit_sections(
        draft, {n: FILLED_SECTIONS[n] for n in ("1", "5")}, by=people["handler"]
    )
    with pytest.raises(ValidationError, match=SECTION_6):
        services.perform(draft, "approve", by=people["head"])

    draft = filled(draft, people["handler"])
    assert _blanks(draft) == {}
    draft = services.perform(draft, "approve", by=people["head"])
    assert draft.state == "approved"


def test_the_refusal_is_shown_on_the_report_page(
    draft: AnnualReportDraft, people: dict[str, Any]
) -> None:
    client = Client()
    assert client.login(username="fz", password=PASSWORD)
    response = client.post(f"/annual/{draft.pk}/action/", {"action": "approve"}, follow=True)
    page = response.content.decode()
    assert "不能负责人审批" in page and SECTION_6 in page
    assert "无未填写的模板文字" in page  # the rule's title on its finding row
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_template_text_written_in_after_approval_blocks_publication(
    draft: AnnualReportDraft, people: dict[str, Any]
) -> None:
    """A report approved before the rule existed (or changed outside the services) is still
    checked when it is published."""
    draft = filled(draft, people["handler"])
    for action, who in (("approve", "head"), ("submit", "handler"), ("accept", "supervisor")):
        draft = services.perform(draft, action, by=people[who])
    data = dict(draft.data)
    data["sections"] = {**data["sections"], "6": "本年度信息处理费收取情况：（请填写）。"}
    AnnualReportDraft.objects.filter(pk=draft.pk).update(data=data)
    draft.refresh_from_db()
    with pytest.raises(ValidationError, match=r"不能公开发布.*六、其他需要报告的事项"):
        services.perform(draft, "publish", by=people["head"], today=dt.date(2025, 1, 20))
    draft.refresh_from_db()
    assert draft.state == "accepted" and not ReportVersion.objects.filter(draft=draft).exists()


def test_the_auditors_projects_report_template_text(tree: Tree) -> None:
    auditor = make_user("auditor", "supervisor", tree.city)
    project = ingest.create_project(
        name="2023 年报审核", years=[2023], agency=tree.city, by=auditor
    )
    published = report(year=2023, agency="东湖区人民政府")
    published.sections = {**SECTIONS, "6": "本年度未收取信息处理费。（请填写其他需要报告的事项。）"}
    ingest.add_files(project, [("2023.html", render(published, "html"))], by=auditor)
    finding = AuditFinding.objects.get(project=project, rule="E7")
    assert finding.severity == "error" and finding.location == f"正文 · {SECTION_6}"
    assert "（请填写其他需要报告的事项。）" in finding.message
