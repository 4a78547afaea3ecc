"""The report workflow: who may do what, when; published versions are fixed."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.web.annual import services
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.annual.workflow import TRANSITIONS, available
from tests.web.annual.records import filled, random_records
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree: Tree) -> dict[str, object]:
    return {
        "handler": make_user("jb", "handler", tree.city_dept),
        "head": make_user("fz", "head", tree.city_dept),
        "supervisor": make_user("zg", "supervisor", tree.city),
        "own_supervisor": make_user("zg2", "supervisor", tree.city_dept),
        "outsider": make_user("ws", "supervisor", tree.other_city),
    }


def _draft(tree: Tree, people: dict[str, object]) -> AnnualReportDraft:
    source = random_records(tree.city_dept.pk, random.Random(3))
    draft = services.build_report(tree.city_dept, 2024, by=people["handler"], source=source)
    return filled(draft, people["handler"])


def test_full_path_to_publication(tree: Tree, people: dict[str, object]) -> None:
    draft = _draft(tree, people)
    steps = [
        ("approve", "head"),
        ("submit", "handler"),
        ("accept", "supervisor"),
        ("publish", "head"),
    ]
    for action, who in steps:
        draft = services.perform(draft, action, by=people[who], today=dt.date(2025, 1, 20))
    assert draft.state == "published" and draft.published_version == 1
    version = draft.versions.get()
    assert version.data["published"] == "2025-01-20"
    assert [e.action for e in draft.events.all()] == [a for a, _ in steps]
    assert not [f for f in version.findings if f["rule"] == "E1"]  # on time for a department


@pytest.mark.parametrize(
    ("action", "who"),
    [
        ("approve", "handler"),
        ("approve", "supervisor"),
        ("submit", "supervisor"),
        ("accept", "head"),
        ("accept", "own_supervisor"),
        ("accept", "outsider"),
    ],
)
def test_the_wrong_person_is_refused(
    tree: Tree, people: dict[str, object], action: str, who: str
) -> None:
    draft = _draft(tree, people)
    for step, by in (("approve", "head"), ("submit", "handler")):
        if step == action:
            break
        draft = services.perform(draft, step, by=people[by])
    with pytest.raises(PermissionDenied):
        services.perform(draft, action, by=people[who])


def test_return_with_comments_then_resubmit(tree: Tree, people: dict[str, object]) -> None:
    draft = _draft(tree, people)
    services.perform(draft, "approve", by=people["head"])
    services.perform(draft, "submit", by=people["handler"])
    with pytest.raises(ValidationError, match="意见"):
        services.perform(draft, "return", by=people["supervisor"])
    draft = services.perform(draft, "return", by=people["supervisor"], comment="第五部分过于简略")
    assert draft.state == "returned"
    services.edit_section(
        draft, "5", "存在的问题：答复文书不够规范。改进：统一文书模板。", by=people["handler"]
    )
    draft = services.perform(draft, "approve", by=people["head"])
    assert draft.events.filter(action="return").get().comment == "第五部分过于简略"


def test_no_edits_outside_draft_states(tree: Tree, people: dict[str, object]) -> None:
    draft = _draft(tree, people)
    services.perform(draft, "approve", by=people["head"])
    draft.refresh_from_db()
    with pytest.raises(ValidationError):
        services.edit_section(draft, "5", "x", by=people["handler"])
    with pytest.raises(ValidationError):
        services.build_report(tree.city_dept, 2024, by=people["handler"])
    with pytest.raises(ValidationError):
        services.perform(draft, "publish", by=people["head"])


def test_correction_is_a_new_version_with_a_note(tree: Tree, people: dict[str, object]) -> None:
    draft = _draft(tree, people)
    for action, who in (
        ("approve", "head"),
        ("submit", "handler"),
        ("accept", "supervisor"),
        ("publish", "head"),
    ):
        draft = services.perform(draft, action, by=people[who])
    with pytest.raises(ValidationError):
        services.perform(draft, "correct", by=people["head"])
    draft = services.perform(draft, "correct", by=people["head"], comment="更正表2行政许可数量")
    services.edit_section(
        draft, "6", "本年度未收取信息处理费。更正说明：表2数据有误。", by=people["handler"]
    )
    for action, who in (
        ("approve", "head"),
        ("submit", "handler"),
        ("accept", "supervisor"),
        ("publish", "head"),
    ):
        draft = services.perform(draft, action, by=people[who])
    first, second = draft.versions.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert second.note == "更正表2行政许可数量" and second.data["correction"]["version"] == 2
    assert (
        "更正说明" in second.data["sections"]["6"] and "更正说明" not in first.data["sections"]["6"]
    )


def test_published_versions_cannot_change(tree: Tree, people: dict[str, object]) -> None:
    draft = _draft(tree, people)
    for action, who in (
        ("approve", "head"),
        ("submit", "handler"),
        ("accept", "supervisor"),
        ("publish", "head"),
    ):
        draft = services.perform(draft, action, by=people[who])
    version = ReportVersion.objects.get(draft=draft)
    version.note = "改动"
    with pytest.raises(ValueError):
        version.save()
    with pytest.raises(ValueError):
        version.delete()


def test_available_actions(tree: Tree, people: dict[str, object]) -> None:
    draft = _draft(tree, people)
    assert [t.key for t in available(people["head"], draft)] == ["approve"]
    assert available(people["handler"], draft) == []
    assert available(people["supervisor"], draft) == []
    assert set(TRANSITIONS) >= {"approve", "submit", "accept", "return", "publish", "correct"}


def test_region_report_is_the_supervisors_own(tree: Tree, people: dict[str, object]) -> None:
    draft = services.build_report(
        tree.city,
        2024,
        by=people["supervisor"],
        scope="region",
        source=random_records(tree.city.pk, random.Random(1)),
    )
    draft = filled(draft, people["supervisor"])
    assert [t.key for t in available(people["supervisor"], draft)] == ["approve"]
    provincial = make_user("sheng", "supervisor", tree.province)
    services.perform(draft, "approve", by=people["supervisor"])
    services.perform(draft, "submit", by=people["supervisor"])
    services.perform(draft, "accept", by=provincial)
    with pytest.raises(PermissionDenied):
        services.build_report(tree.city, 2024, by=people["handler"], scope="region")
