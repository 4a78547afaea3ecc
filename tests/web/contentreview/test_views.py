"""The content review actions over HTTP: scoped to the agency, recorded, shown masked."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.web.contentreview import services
from gongkai.web.contentreview.models import ContentFinding, ReviewRun
from tests.web.conftest import Tree, make_user
from tests.web.contentreview.support import reviewed_item

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_run_from_the_page_then_the_panel_lists_masked_findings(tree: Tree, people) -> None:
    item = reviewed_item(tree, people)
    client = _client(people["handler"])
    response = client.post(f"/content-review/run/catalogue/{item.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/catalogue/{item.pk}/"
    page = client.get(f"/catalogue/{item.pk}/").content.decode()
    assert 'data-kind="身份证号"' in page and "139****5678" in page
    assert ReviewRun.objects.count() == 1


def test_another_agency_sees_nothing(tree: Tree, people) -> None:
    item = reviewed_item(tree, people)
    run = services.review("catalogue", item, by=people["handler"])
    finding = run.findings.first()
    outsider = _client(people["other"])
    assert outsider.post(f"/content-review/run/catalogue/{item.pk}/").status_code == 404
    decide = outsider.post(
        f"/content-review/findings/{finding.pk}/decide/", {"decision": "dismissed", "comment": "x"}
    )
    assert decide.status_code == 404
    assert (
        outsider.post(f"/content-review/runs/{run.pk}/override/", {"reason": "x"}).status_code
        == 404
    )
    assert ContentFinding.objects.get(pk=finding.pk).disposition == "open"


def test_a_supervisor_above_sees_the_panel_but_cannot_override(tree: Tree, people) -> None:
    item = reviewed_item(tree, people)
    run = services.review("catalogue", item, by=people["handler"])
    supervisor = make_user("zg", "supervisor", tree.province)
    client = _client(supervisor)
    page = client.get(f"/catalogue/{item.pk}/").content.decode()
    assert 'data-testid="content-review"' in page and "content-review-override-form" not in page
    client.post(f"/content-review/runs/{run.pk}/override/", {"reason": "同意"})
    run.refresh_from_db()
    assert run.override_at is None
