"""Staff confirm online applications of their own agency; the case is registered then."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.web.cases.models import Case
from tests.web.conftest import PASSWORD, make_user
from tests.web.portal.conftest import D, submitted

pytestmark = pytest.mark.django_db


def logged_in(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_inbox_needs_a_login(tree: Any, handler: Any) -> None:
    response = Client().get("/portal/inbox/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_handler_confirms_and_lands_on_the_case(tree: Any, handler: Any, today: Any) -> None:
    application, _ = submitted(tree.city)
    today.day = D(2025, 3, 5)
    client = logged_in(handler)
    inbox = client.get("/portal/inbox/").content.decode()
    assert application.tracking_number in inbox and "张三明" in inbox  # own agency's staff
    assert 'value="2025-03-05"' in inbox  # confirmed today unless staff say otherwise
    response = client.post(
        f"/portal/inbox/{application.pk}/confirm/", {f"a{application.pk}-received_on": "2025-03-04"}
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    assert case.received == D(2025, 3, 4) and case.channel == "online"
    assert client.get("/portal/inbox/").context["rows"] == []
    again = client.post(
        f"/portal/inbox/{application.pk}/confirm/", {f"a{application.pk}-received_on": "2025-03-04"}
    )
    assert again.status_code == 302 and Case.objects.count() == 1


def test_other_agencies_staff_cannot_see_or_confirm(tree: Any, handler: Any) -> None:
    application, _ = submitted(tree.city)
    outsider = logged_in(make_user("handler-ny", "handler", tree.other_city))
    assert application.tracking_number not in outsider.get("/portal/inbox/").content.decode()
    response = outsider.post(
        f"/portal/inbox/{application.pk}/confirm/", {f"a{application.pk}-received_on": "2025-03-03"}
    )
    assert response.status_code == 404
    assert Case.objects.count() == 0


def test_confirm_is_post_only(tree: Any, handler: Any) -> None:
    application, _ = submitted(tree.city)
    assert logged_in(handler).get(f"/portal/inbox/{application.pk}/confirm/").status_code == 405
