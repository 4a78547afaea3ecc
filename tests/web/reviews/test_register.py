"""The reconsideration and litigation register and what table 4 counts from it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.statistics import table4_for_year
from gongkai.web.reviews import services
from gongkai.web.reviews.statistics import review_records
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


def test_results_and_pending_land_in_table4(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    review = services.record_review(
        agency=tree.city, kind="review", filed=D(2023, 11, 1), by=user, reference="临复〔2023〕9号"
    )
    direct = services.record_review(
        agency=tree.city, kind="direct_suit", filed=D(2024, 2, 1), by=user
    )
    services.record_review(agency=tree.city, kind="suit_after_review", filed=D(2024, 5, 1), by=user)
    services.conclude_review(review, result="upheld", on=D(2024, 1, 20), by=user)
    services.conclude_review(
        direct, result="corrected", on=D(2024, 9, 1), by=user, note="责令重新答复"
    )
    cells = table4_for_year(review_records([tree.city.pk]), 2024).values
    assert cells == [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]
    # Last year the reconsideration was still pending (rule C3 expects it resolved now).
    assert table4_for_year(review_records([tree.city.pk]), 2023).values[:5] == [0, 0, 0, 1, 1]


def test_conclusion_needs_a_valid_result_and_date(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    review = services.record_review(agency=tree.city, kind="review", filed=D(2024, 3, 1), by=user)
    with pytest.raises(ValidationError):
        services.conclude_review(review, result="upheld", on=D(2024, 2, 1), by=user)
    review.refresh_from_db()
    with pytest.raises(ValidationError):
        services.conclude_review(review, result="won", on=D(2024, 4, 1), by=user)
    review.refresh_from_db()
    services.conclude_review(review, result="other", on=D(2024, 4, 1), by=user)
    with pytest.raises(ValidationError, match="已于"):
        services.conclude_review(review, result="upheld", on=D(2024, 5, 1), by=user)


def test_scope(tree: Tree) -> None:
    with pytest.raises(PermissionDenied):
        services.record_review(
            agency=tree.city,
            kind="review",
            filed=D(2024, 3, 1),
            by=make_user("o", "handler", tree.other_city),
        )
