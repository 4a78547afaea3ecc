"""Content review before publishing: findings recorded, decisions, the 负责人's override."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.web.annual import services as annual_services
from gongkai.web.catalogue import services as catalogue_services
from gongkai.web.contentreview import services
from gongkai.web.contentreview.models import ReviewEvent, ReviewRun
from tests.review.fakes import fake_card, fake_id
from tests.web.annual.records import filled, random_records
from tests.web.conftest import Tree, make_user
from tests.web.contentreview.support import reviewed_item

pytestmark = pytest.mark.django_db
D = dt.date


def test_publishing_personal_data_is_refused_and_the_refusal_recorded(tree, people) -> None:
    item = reviewed_item(tree, people)
    with pytest.raises(ValidationError, match="内容审查发现"):
        catalogue_services.publish_item(item, on=D(2024, 3, 5), by=people["handler"])
    item.refresh_from_db()
    assert item.published is None
    run = ReviewRun.objects.get()
    kinds = {(f.kind, f.severity, f.section) for f in run.findings.all()}
    assert {("身份证号", "error", "内容概述"), ("手机号", "error", "内容概述")} <= kinds
    assert [e.action for e in run.events.all()] == ["run", "blocked"]


def test_clean_item_publishes_and_reviewing_unchanged_content_reuses_the_run(tree, people) -> None:
    item = reviewed_item(tree, people, summary="本机关2024年部门预算。")
    catalogue_services.publish_item(item, on=D(2024, 3, 5), by=people["handler"])
    item.refresh_from_db()
    assert item.published == D(2024, 3, 5)
    assert services.review("catalogue", item, by=people["handler"]) == ReviewRun.objects.get()


def test_dismissing_every_error_with_a_comment_lets_it_publish(tree, people) -> None:
    item = reviewed_item(tree, people)
    run = services.review("catalogue", item, by=people["handler"])
    errors = [f for f in run.findings.all() if f.severity == "error"]
    with pytest.raises(ValidationError, match="理由"):
        services.decide(errors[0], decision="dismissed", comment=" ", by=people["handler"])
    for finding in errors:
        services.decide(finding, decision="dismissed", comment="虚构示例数据", by=people["handler"])
    catalogue_services.publish_item(item, on=D(2024, 3, 5), by=people["handler"])
    item.refresh_from_db()
    assert item.published is not None
    dismissed = ReviewEvent.objects.filter(action="dismissed")
    assert dismissed.count() == len(errors) and dismissed.first().by == people["handler"]


def test_confirmed_errors_still_block_and_only_the_head_overrides(tree, people) -> None:
    item = reviewed_item(tree, people)
    run = services.review("catalogue", item, by=people["handler"])
    first = run.findings.filter(severity="error").first()
    services.decide(first, decision="confirmed", comment="", by=people["handler"])
    with pytest.raises(ValidationError):
        catalogue_services.publish_item(item, on=D(2024, 3, 5), by=people["handler"])
    with pytest.raises(PermissionDenied):
        services.override(run, reason="已征得本人同意", by=people["handler"])
    with pytest.raises(ValidationError, match="理由"):
        services.override(run, reason="", by=people["head"])
    services.override(run, reason="已征得本人书面同意公开", by=people["head"])
    catalogue_services.publish_item(item, on=D(2024, 3, 5), by=people["handler"])
    item.refresh_from_db()
    assert item.published is not None
    event = ReviewEvent.objects.get(action="override")
    assert (event.by, event.comment) == (people["head"], "已征得本人书面同意公开")


def test_changed_content_needs_a_new_review_but_keeps_decisions_on_unchanged_wording(
    tree, people
) -> None:
    item = reviewed_item(tree, people)
    run = services.review("catalogue", item, by=people["handler"])
    for finding in run.findings.filter(severity="error"):
        services.decide(finding, decision="dismissed", comment="虚构示例", by=people["handler"])
    services.override(run, reason="理由", by=people["head"])
    item.summary += f"银行卡号{fake_card()}。"
    item.save()
    new = services.review("catalogue", item, by=people["handler"])
    assert new != run and new.override_at is None  # the override was for the old content
    assert {f.kind for f in services.blocking(new)} == {"银行卡号"}


def test_other_agencies_cannot_decide(tree, people) -> None:
    item = reviewed_item(tree, people)
    run = services.review("catalogue", item, by=people["handler"])
    with pytest.raises(PermissionDenied):
        services.decide(run.findings.first(), decision="confirmed", comment="", by=people["other"])


def test_annual_publication_passes_content_review(tree: Tree) -> None:
    handler, head = (
        make_user("jb", "handler", tree.city_dept),
        make_user("fz", "head", tree.city_dept),
    )
    supervisor = make_user("zg", "supervisor", tree.city)
    source = random_records(tree.city_dept.pk, random.Random(3))
    draft = annual_services.build_report(tree.city_dept, 2024, by=handler, source=source)
    draft = filled(draft, handler)  # no template text left (rule E7)
    text = draft.data["sections"]["5"] + f"如有疑问请联系张三，手机13800001111，身份证{fake_id()}。"
    draft = annual_services.edit_section(draft, "5", text, by=handler)
    for action, who in (("approve", head), ("submit", handler), ("accept", supervisor)):
        draft = annual_services.perform(draft, action, by=who)
    with pytest.raises(ValidationError, match="内容审查发现"):
        annual_services.perform(draft, "publish", by=head, today=D(2025, 1, 20))
    draft.refresh_from_db()
    assert draft.state == "accepted"
    run = ReviewRun.objects.get(subject="annual")
    assert {f.section for f in run.findings.filter(kind="手机号")} == {"5"}
    services.override(run, reason="经本人同意", by=head)
    draft = annual_services.perform(draft, "publish", by=head, today=D(2025, 1, 20))
    assert draft.state == "published"
