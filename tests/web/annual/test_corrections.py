"""A published report corrected as a new version: its dates come from the publication
history (the current one shown, earlier ones greyed), E1 and the ranking judge the first
publication, and the page shows only the review results of the text as it is now."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from gongkai.web.agencies.models import Agency
from gongkai.web.annual import services
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.annual.ranking import places
from gongkai.web.contentreview import services as content_review
from tests.review.fakes import fake_id
from tests.web.annual.records import filled, random_records
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date
FIRST, SECOND = D(2025, 1, 20), D(2025, 3, 5)  # the department's deadline is 2025-01-31
STEPS = (("approve", "head"), ("submit", "handler"), ("accept", "supervisor"))


@pytest.fixture
def people(tree: Tree) -> dict[str, Any]:
    return {
        "handler": make_user("jb", "handler", tree.city_dept),
        "head": make_user("fz", "head", tree.city_dept),
        "supervisor": make_user("zg", "supervisor", tree.city),
    }


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _publish(draft: AnnualReportDraft, people: dict[str, Any], day: D) -> AnnualReportDraft:
    for action, who in STEPS:
        draft = services.perform(draft, action, by=people[who])
    return services.perform(draft, "publish", by=people["head"], today=day)


def _corrected(tree: Tree, people: dict[str, Any], first: D = FIRST) -> AnnualReportDraft:
    source = random_records(tree.city_dept.pk, random.Random(3))
    draft = services.build_report(tree.city_dept, 2024, by=people["handler"], source=source)
    draft = _publish(filled(draft, people["handler"]), people, first)
    draft = services.perform(draft, "correct", by=people["head"], comment="更正第六部分")
    text = "本年度未收取信息处理费。更正说明：补充说明其他事项。"
    draft = services.edit_section(draft, "6", text, by=people["handler"])
    return _publish(draft, people, SECOND)


def _e1(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["rule"] == "E1"]


def test_a_correction_is_not_late_when_the_first_publication_was_on_time(
    tree: Tree, people: dict[str, Any]
) -> None:
    draft = _corrected(tree, people)
    first, second = draft.versions.order_by("number")
    assert (first.published_on, second.published_on) == (FIRST, SECOND)
    assert second.data["published"] == SECOND.isoformat()
    assert second.data["correction"]["first_published"] == FIRST.isoformat()
    assert _e1(second.findings) == [] and _e1(draft.findings) == []


def test_a_late_first_publication_stays_late_in_the_correction(
    tree: Tree, people: dict[str, Any]
) -> None:
    draft = _corrected(tree, people, first=D(2025, 2, 10))
    (late,) = _e1(draft.versions.get(number=2).findings)
    assert late["actual"] == "2025-02-10" and "首次公开" in late["message"]


def test_the_working_copy_of_a_correction_has_no_publication_date(
    tree: Tree, people: dict[str, Any]
) -> None:
    source = random_records(tree.city_dept.pk, random.Random(3))
    draft = services.build_report(tree.city_dept, 2024, by=people["handler"], source=source)
    draft = _publish(filled(draft, people["handler"]), people, D(2025, 2, 10))  # late: E1
    assert _e1(draft.findings)
    draft = services.perform(draft, "correct", by=people["head"], comment="更正")
    assert "published" not in draft.data
    assert _e1(draft.findings) == []  # the findings are of the copy now being corrected
    assert draft.versions.get().data["published"] == "2025-02-10"  # the history keeps it


def test_the_pages_show_the_current_date_and_grey_the_history(
    tree: Tree, people: dict[str, Any]
) -> None:
    draft = _corrected(tree, people)
    page = _client("fz").get(f"/annual/{draft.pk}/").content.decode()
    assert re.search(r'data-testid="published-on">公开日期 2025年3月5日<', page)
    rows = re.findall(r'<tr data-testid="version-row"[^>]*>.*?</tr>', page, re.S)
    assert len(rows) == 2
    assert "第 2 版</a>（现行）" in rows[0] and "2025年3月5日" in rows[0]
    assert "data-superseded" not in rows[0]
    assert 'class="muted" data-superseded="true"' in rows[1] and "2025年1月20日" in rows[1]
    old = _client("fz").get(f"/annual/{draft.pk}/?version=1").content.decode()
    assert "已被 2025年3月5日 公开的第 2 版更正" in old
    public = Client().get(f"/annual/public/{tree.city_dept.pk}/").content.decode()
    current, earlier = re.findall(r"<tr[^>]*>.*?</tr>", public.split("<tbody>", 1)[1], re.S)[:2]
    assert "2025年3月5日" in current and "data-superseded" not in current
    assert "2025年1月20日" in earlier and 'class="muted" data-superseded="true"' in earlier
    overview = _client("zg").get("/annual/overview/?year=2024").content.decode()
    cell = overview.split(f'href="/annual/{draft.pk}/"', 1)[1].split('data-testid="published-on">')
    shown = cell[1].split("</td>", 1)[0]
    assert shown.startswith("2025-03-05（第 2 版）") and "首次公开 2025-01-20" in shown
    assert "逾期" not in shown  # judged by the first publication


def test_the_review_panel_forgets_the_last_versions_override_after_a_correction(
    tree: Tree, people: dict[str, Any]
) -> None:
    source = random_records(tree.city_dept.pk, random.Random(3))
    draft = services.build_report(tree.city_dept, 2024, by=people["handler"], source=source)
    draft = filled(draft, people["handler"])
    personal = f"如有疑问请联系张三，手机13800001111，身份证{fake_id()}。"
    text = draft.data["sections"]["5"] + personal
    draft = services.edit_section(draft, "5", text, by=people["handler"])
    for action, who in STEPS:
        draft = services.perform(draft, action, by=people[who])
    with pytest.raises(ValidationError, match="内容审查发现"):
        services.perform(draft, "publish", by=people["head"], today=FIRST)
    run = content_review.latest_run("annual", draft.pk)
    assert run is not None
    content_review.override(run, reason="经本人同意公开联系方式", by=people["head"])
    draft = services.perform(draft, "publish", by=people["head"], today=FIRST)
    published = _client("fz").get(f"/annual/{draft.pk}/").content.decode()
    assert 'data-testid="content-review-override"' in published  # this text's review

    draft = services.perform(draft, "correct", by=people["head"], comment="删除个人信息")
    text = text.replace(personal, "")
    draft = services.edit_section(draft, "5", text, by=people["handler"])
    page = _client("fz").get(f"/annual/{draft.pk}/").content.decode()
    assert 'data-testid="content-review-override"' not in page
    assert "经本人同意公开联系方式" not in page and "138****1111" not in page
    assert "内容在上次审查后已修改" in page


def test_the_ranking_scores_the_first_publication_and_the_current_version(
    tree: Tree, people: dict[str, Any]
) -> None:
    draft = _corrected(tree, people)
    # The district has a clean draft but never published it.
    district = make_user("qjb", "handler", tree.district)
    unpublished = services.build_report(
        tree.district, 2024, by=district, source=random_records(tree.district.pk, random.Random(4))
    )
    unpublished = filled(unpublished, district)
    assert unpublished.error_count == 0
    subtree = Agency.objects.subtree(tree.city).in_tree_order()
    by_agency = {p.agency: p for p in places(subtree, 2024, D(2025, 3, 10))}

    dept = {part.criterion.key: part for part in by_agency[tree.city_dept].score.parts}
    assert dept["report_published"].points == 20
    assert dept["report_published"].why.startswith("2025年1月20日公开")
    current = draft.versions.get(number=2).findings
    errors = sum(f["severity"] == "error" for f in current)
    warnings = sum(f["severity"] == "warning" for f in current)
    assert dept["report_consistent"].points == max(0, 20 - 5 * errors - warnings)
    assert f"警告 {warnings} 项" in dept["report_consistent"].why

    for agency in (tree.district, tree.street):  # a draft, and no report at all
        parts = {p.criterion.key: p for p in by_agency[agency].score.parts}
        assert (parts["report_published"].points, parts["report_consistent"].points) == (0, 0)
        assert parts["report_consistent"].why == "未发布年度报告"
        assert parts["report_published"].why.startswith("未发布年度报告")
