"""Staff may decline an online submission with a reason; the applicant sees 未受理 and why.
The agency dashboard and the staff home page show how many submissions wait."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from gongkai.web.cases.models import Case
from gongkai.web.portal import services
from gongkai.web.portal.models import OnlineApplication
from tests.web.conftest import PASSWORD, make_user
from tests.web.portal.conftest import submitted, unlock

pytestmark = pytest.mark.django_db
REASON = "提交内容为投诉举报，不属于政府信息公开申请，请通过12345热线反映。"


def logged_in(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_declining_from_the_inbox_shows_the_reason_to_the_applicant(
    tree: Any, handler: Any
) -> None:
    application, code = submitted(tree.city)
    staff = logged_in(handler)
    assert f'data-testid="decline-{application.pk}"' in staff.get("/portal/inbox/").content.decode()
    empty = staff.post(
        f"/portal/inbox/{application.pk}/decline/", {f"d{application.pk}-reason": ""}
    )
    assert empty.status_code == 302
    assert OnlineApplication.objects.get().pending
    response = staff.post(
        f"/portal/inbox/{application.pk}/decline/", {f"d{application.pk}-reason": REASON}
    )
    assert response.status_code == 302 and response["Location"] == "/portal/inbox/"
    stored = OnlineApplication.objects.get()
    assert stored.declined and stored.declined_by == handler and stored.decline_reason == REASON
    assert staff.get("/portal/inbox/").context["rows"] == []  # no longer waiting
    assert Case.objects.count() == 0
    # the applicant's status page
    applicant = Client()
    page = applicant.get(unlock(applicant, application, code)["Location"])
    assert page.context["status"].key == "declined"
    html = page.content.decode()
    assert "未受理" in html and 'data-testid="decline-reason"' in html and REASON in html
    # confirming afterwards is refused
    staff.post(
        f"/portal/inbox/{application.pk}/confirm/", {f"a{application.pk}-received_on": "2025-03-03"}
    )
    assert Case.objects.count() == 0


def test_decline_rules(tree: Any, handler: Any) -> None:
    application, _ = submitted(tree.city)
    with pytest.raises(ValidationError, match="理由"):
        services.decline(application, handler, reason="  ")
    outsider = make_user("handler-ny", "handler", tree.other_city)
    with pytest.raises(PermissionDenied):
        services.decline(application, outsider, reason=REASON)
    services.decline(application, handler, reason=REASON)
    with pytest.raises(ValidationError, match="已不予受理"):
        services.decline(application, handler, reason=REASON)
    with pytest.raises(ValidationError, match="已不予受理"):
        services.confirm_receipt(application, handler)
    confirmed, _ = submitted(tree.city)
    services.confirm_receipt(confirmed, handler)
    with pytest.raises(ValidationError, match="已确认收到"):
        services.decline(confirmed, handler, reason=REASON)


def test_other_agencies_staff_cannot_decline(tree: Any, handler: Any) -> None:
    application, _ = submitted(tree.city)
    outsider = logged_in(make_user("handler-ny", "handler", tree.other_city))
    response = outsider.post(
        f"/portal/inbox/{application.pk}/decline/", {f"d{application.pk}-reason": REASON}
    )
    assert response.status_code == 404 and not OnlineApplication.objects.get().declined
    assert outsider.get(f"/portal/inbox/{application.pk}/decline/").status_code == 405


def test_dashboard_and_home_show_the_waiting_count(tree: Any, handler: Any) -> None:
    first, _ = submitted(tree.city)
    submitted(tree.city)
    make_user("handler-ny", "handler", tree.other_city)  # so that it takes applications
    submitted(tree.other_city)  # not this agency's
    staff = logged_in(handler)
    dashboard = staff.get("/cases/dashboard/")
    assert dashboard.context["online_waiting"] == 2
    assert 'href="/portal/inbox/" data-testid="online-waiting"' in dashboard.content.decode()
    home = staff.get("/").content.decode()
    assert 'data-testid="home-online-waiting"' in home and "<strong>2</strong>" in home
    services.decline(first, handler, reason=REASON)
    assert staff.get("/cases/dashboard/").context["online_waiting"] == 1
