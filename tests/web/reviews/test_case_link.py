"""A review is linked to the application it is about; a 纠正 result asks the cases app to
reopen it (through its service, when the cases app provides one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from gongkai.web.cases import services as case_services
from gongkai.web.reviews import services
from tests.web.cases.conftest import register
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


def test_link_and_reopen_through_the_cases_service(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler = make_user("h", "handler", tree.city)
    case = register(tree.city, handler)
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        case_services,
        "reopen_after_review",
        lambda c, **kw: calls.append({"case": c, **kw}),
        raising=False,
    )
    review = services.record_review(
        agency=tree.city, kind="review", filed=D(2025, 5, 6), by=handler, case=case
    )
    assert review.case_reference == case.number and list(case.reviews.all()) == [review]
    services.conclude_review(review, result="corrected", on=D(2025, 7, 1), by=handler)
    assert review.reopened_case
    assert calls == [
        {"case": case, "by": handler, "date": D(2025, 7, 1), "reason": "行政复议结果纠正，重新办理"}
    ]


def test_without_the_service_the_review_waits_for_staff(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler = make_user("h", "handler", tree.city)
    case = register(tree.city, handler)
    monkeypatch.delattr(case_services, "reopen_after_review", raising=False)
    review = services.record_review(
        agency=tree.city, kind="direct_suit", filed=D(2025, 5, 6), by=handler, case=case
    )
    services.conclude_review(review, result="corrected", on=D(2025, 7, 1), by=handler)
    assert not review.reopened_case


def test_a_case_of_another_agency_is_refused(tree: Tree) -> None:
    case = register(tree.other_city, make_user("o", "handler", tree.other_city))
    with pytest.raises(ValidationError, match="不是该机关"):
        services.record_review(
            agency=tree.city,
            kind="review",
            filed=D(2025, 5, 6),
            by=make_user("h", "handler", tree.city),
            case=case,
        )
