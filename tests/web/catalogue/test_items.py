"""Catalogue items: index numbers, the Art. 26 limit, secrecy review before publication."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.calendar import add_workdays
from gongkai.web.catalogue import services
from gongkai.web.catalogue.categories import ART20_ITEMS
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


def _item(tree: Tree, user: object, formed: dt.date) -> object:
    return services.register_item(
        agency=tree.city,
        title="2024年部门预算",
        category="07",
        issuing_body="临川市人民政府",
        formed=formed,
        by=user,
    )


def test_art20_has_fifteen_items() -> None:
    assert len(ART20_ITEMS) == 15 and ART20_ITEMS[6].label == "财政预算、决算信息"


def test_due_is_twenty_working_days_over_the_national_day(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    item = _item(tree, user, D(2024, 9, 27))
    # 2024: 国庆 1–7 Oct off, 29 Sep and 12 Oct are 调休 working days.
    assert item.due == add_workdays(D(2024, 9, 27), 20)
    assert item.due == D(2024, 10, 30)  # 29 Sep, 30 Sep, 8–12 Oct, … 30 Oct
    assert not item.due_provisional


def test_index_numbers_run_per_agency_and_year(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    first, second = _item(tree, user, D(2024, 1, 5)), _item(tree, user, D(2024, 2, 5))
    third = _item(tree, user, D(2025, 1, 6))
    prefix = f"GK{tree.city.pk:07d}"
    assert [first.index_number, second.index_number, third.index_number] == [
        f"{prefix}/2024-00001",
        f"{prefix}/2024-00002",
        f"{prefix}/2025-00001",
    ]


def test_publication_requires_the_heads_secrecy_review(tree: Tree) -> None:
    handler, head = make_user("h", "handler", tree.city), make_user("f", "head", tree.city)
    item = _item(tree, handler, D(2024, 3, 1))
    with pytest.raises(ValidationError, match="保密审查"):
        services.publish_item(item, on=D(2024, 3, 5), by=handler)
    with pytest.raises(PermissionDenied):
        services.approve_secrecy_review(item, by=handler)
    services.approve_secrecy_review(item, by=head, note="不涉密")
    services.publish_item(item, on=D(2024, 3, 5), by=handler)
    assert item.status_label == "已公开" and not item.overdue_on(D(2025, 1, 1))


def test_late_and_overdue(tree: Tree) -> None:
    handler, head = make_user("h", "handler", tree.city), make_user("f", "head", tree.city)
    item = _item(tree, handler, D(2024, 3, 1))
    assert not item.overdue_on(item.due) and item.overdue_on(item.due + dt.timedelta(days=1))
    services.approve_secrecy_review(item, by=head)
    services.publish_item(item, on=item.due + dt.timedelta(days=3), by=handler)
    assert item.published_late


def test_a_change_restarts_the_limit_and_the_review(tree: Tree) -> None:
    handler, head = make_user("h", "handler", tree.city), make_user("f", "head", tree.city)
    item = _item(tree, handler, D(2024, 3, 1))
    services.approve_secrecy_review(item, by=head)
    services.publish_item(item, on=D(2024, 3, 4), by=handler)
    services.record_change(item, changed=D(2024, 6, 3), by=handler)
    assert item.due == add_workdays(D(2024, 6, 3), 20)
    assert item.published is None and item.secrecy_reviewed_at is None
