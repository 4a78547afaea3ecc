"""One overdue rule, the clock's: a case paused after its due date had passed is overdue in
every list, count, reminder and ranking; a case paused in time is not."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.agencies.models import Agency
from gongkai.web.annual.ranking import places
from gongkai.web.cases import queries, services
from gongkai.web.cases.models import Case, Notification
from tests.web.conftest import PASSWORD, Tree, make_user

from .conftest import D, register

pytestmark = pytest.mark.django_db
TODAY = D(2025, 4, 3)  # received 2025-03-03 in person: due 2025-03-31


def _login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def cases(tree: Tree, handler: Any, today: Any) -> dict[str, Case]:
    late = register(tree.city, handler, applicant_name="李四", id_number="ID000001")
    in_time = register(tree.city, handler, applicant_name="王五", id_number="ID000002")
    running = register(tree.city, handler, applicant_name="赵六", id_number="ID000003")
    today.day = D(2025, 3, 10)
    services.send_consultation(
        in_time, handler, version=in_time.version, date=D(2025, 3, 10), party="临川建工集团"
    )
    today.day = TODAY
    # the due date had passed: the consultation stops nothing, the case stays overdue
    services.send_consultation(
        late, handler, version=late.version, date=D(2025, 4, 2), party="临川建工集团"
    )
    for case in (late, in_time, running):
        case.refresh_from_db()
    return {"late": late, "in_time": in_time, "running": running}


def test_the_cache_holds_the_clocks_verdict(cases: dict[str, Case]) -> None:
    late, in_time, running = cases["late"], cases["in_time"], cases["running"]
    assert late.state == in_time.state == "paused"
    assert late.reply_due == running.reply_due == D(2025, 3, 31)
    assert late.overdue_from == running.overdue_from == D(2025, 4, 1)
    assert services.compute(late, TODAY).overdue is True
    assert services.compute(in_time, TODAY).overdue is False
    assert in_time.overdue_from is None or in_time.overdue_from > TODAY
    overdue = Case.objects.filter(queries.overdue_q(TODAY))
    assert set(overdue.values_list("pk", flat=True)) == {late.pk, running.pk}
    # nothing overdue is "due soon" (the due date is before today)
    soon = Case.objects.filter(queries.due_within_q(TODAY, 30))
    assert not soon.filter(pk__in=[late.pk, running.pk]).exists()


def test_list_filter_and_dashboard(cases: dict[str, Case], handler: Any) -> None:
    client = _login(handler)
    listed = client.get(reverse("cases:list"), {"overdue": "on"}).context["rows"]
    assert {r.pk for r in listed} == {cases["late"].pk, cases["running"].pk}
    assert all(r.overdue for r in listed)
    every = client.get(reverse("cases:list")).context["rows"]
    assert {r.pk for r in every if r.overdue} == {cases["late"].pk, cases["running"].pk}
    page = client.get(reverse("cases:dashboard"))
    assert page.context["counts"].overdue == 2
    assert {r.pk for r in page.context["overdue"]} == {cases["late"].pk, cases["running"].pk}


def test_supervision(tree: Tree, cases: dict[str, Case]) -> None:
    page = _login(make_user("zg", "supervisor", tree.city)).get(reverse("cases:supervision"))
    assert page.context["totals"]["overdue"] == 2
    assert {r.pk for r in page.context["overdue"]} == {cases["late"].pk, cases["running"].pk}


def test_reminders(cases: dict[str, Case]) -> None:
    services.send_reminders(TODAY)
    overdue = Notification.objects.filter(kind="overdue")
    assert set(overdue.values_list("case_id", flat=True)) == {
        cases["late"].pk,
        cases["running"].pk,
    }
    # the daily refresh keeps the verdict
    assert Case.objects.get(pk=cases["late"].pk).overdue_from == D(2025, 4, 1)


def test_ranking(tree: Tree, cases: dict[str, Case]) -> None:
    figures = queries.timeliness(Case.objects.all(), 2025, TODAY)
    assert figures[tree.city.pk]["overdue"] == 2
    subtree = Agency.objects.subtree(tree.city).in_tree_order()
    city = next(p for p in places(subtree, 2025, TODAY) if p.agency == tree.city)
    part = next(p for p in city.score.parts if p.criterion.key == "overdue")
    assert part.why.startswith("超期未答复 2 件")
