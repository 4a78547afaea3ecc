"""Review pages: record, conclude; a correction asks for the case to be reopened."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from gongkai.web.reviews.models import DisclosureReview
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = pytest.mark.django_db


def test_record_and_correct(tree: Tree) -> None:
    client = Client()
    user = make_user("h", "handler", tree.city)
    assert client.login(username=user.username, password=PASSWORD)
    response = client.post(
        "/reviews/",
        {
            "agency": tree.city.pk,
            "kind": "direct_suit",
            "filed": "2024-04-01",
            "reference": "（2024）临0102行初12号",
            "body": "东湖区人民法院",
            "case_number": "GK-OLD-7",
        },
    )
    review = DisclosureReview.objects.get()
    assert (
        response.status_code == 302 and review.case_reference == "GK-OLD-7" and review.case is None
    )
    client.post(
        f"/reviews/{review.pk}/conclude/",
        {"result": "corrected", "on": "2024-09-01", "note": "判决重新答复"},
    )
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert "结果纠正" in page and 'data-testid="reopen-needed"' in page
    assert Client().get(f"/reviews/{review.pk}/").status_code == 302


def test_a_filing_date_after_today_is_refused(tree: Tree) -> None:
    client = Client()
    user = make_user("h", "handler", tree.city)
    assert client.login(username=user.username, password=PASSWORD)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        "/reviews/",
        {"agency": tree.city.pk, "kind": "review", "filed": tomorrow.isoformat()},
    )
    assert response.status_code == 200 and "晚于今天" in response.content.decode()
    assert not DisclosureReview.objects.exists()


def test_concluding_with_a_date_after_today_says_why(tree: Tree) -> None:
    client = Client()
    user = make_user("h", "handler", tree.city)
    assert client.login(username=user.username, password=PASSWORD)
    client.post("/reviews/", {"agency": tree.city.pk, "kind": "review", "filed": "2024-04-01"})
    review = DisclosureReview.objects.get()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        f"/reviews/{review.pk}/conclude/",
        {"result": "upheld", "on": tomorrow.isoformat()},
        follow=True,
    )
    assert "审结日期" in response.content.decode() and "晚于今天" in response.content.decode()
    review.refresh_from_db()
    assert review.concluded is None
