"""The supervisor's ranking page: the case figures and the report flow in from the records,
places follow the scores, and nobody ranks agencies outside their subtree."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from django.test import Client
from openpyxl import load_workbook

from gongkai.web.agencies.models import Agency
from gongkai.web.annual import services
from gongkai.web.annual.ranking import places
from gongkai.web.cases import services as case_services
from tests.web.annual.records import filled, random_records
from tests.web.cases.conftest import register
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2025, 3, 1)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_services, "today", lambda: TODAY)


def _replied(agency: Agency, by: object, on: D) -> None:
    """Received in person on Monday 2024-03-04: due 2024-04-01 (20 working days)."""
    case = register(agency, by, submitted_on=D(2024, 3, 4))
    assert case.reply_due == D(2024, 4, 1)
    case_services.reply(case, by, version=case.version, date=on, outcome_key="granted")


@pytest.fixture
def world(tree: Tree) -> dict[str, object]:
    dept_handler = make_user("jb", "handler", tree.city_dept)
    _replied(tree.city_dept, dept_handler, D(2024, 3, 20))  # on time
    _replied(tree.city_dept, dept_handler, D(2024, 4, 2))  # a working day late
    city_handler = make_user("cs", "handler", tree.city)
    register(tree.city, city_handler, submitted_on=D(2024, 11, 1))  # never answered
    # The district publishes its 2024 report on 2025-01-20, before its deadline.
    people = {
        "handler": make_user("qjb", "handler", tree.district),
        "head": make_user("qfz", "head", tree.district),
        "supervisor": make_user("zg", "supervisor", tree.city),
    }
    source = random_records(tree.district.pk, random.Random(3))
    draft = services.build_report(tree.district, 2024, by=people["handler"], source=source)
    draft = filled(draft, people["handler"])
    for action, who in (("approve", "head"), ("submit", "handler"), ("accept", "supervisor")):
        draft = services.perform(draft, action, by=people[who], today=D(2025, 1, 20))
    services.perform(draft, "publish", by=people["head"], today=D(2025, 1, 20))
    return people


def test_case_figures_and_the_report_make_the_scores(tree: Tree, world: dict) -> None:
    subtree = Agency.objects.subtree(tree.city).in_tree_order()
    by_agency = {p.agency: p for p in places(subtree, 2024, TODAY)}
    dept = {part.criterion.key: part for part in by_agency[tree.city_dept].score.parts}
    assert dept["on_time"].points == 20  # one of two replies late: 40 × 1/2
    assert dept["on_time"].why == "本年答复 2 件，其中超过答复期限 1 件"
    assert dept["overdue"].points == 20
    city = {part.criterion.key: part.points for part in by_agency[tree.city].score.parts}
    assert (city["on_time"], city["overdue"]) == (40, 15)  # unanswered since November
    district = {part.criterion.key: part for part in by_agency[tree.district].score.parts}
    assert district["report_published"].points == 20
    assert "2025年1月20日公开" in district["report_published"].why
    assert by_agency[tree.street].score.total == 60  # nothing to answer, no report
    totals = [p.score.total for p in by_agency.values()]
    assert [p.position for p in by_agency.values()] == [
        1 + sum(other > mine for other in totals) for mine in totals
    ]


def test_the_page_ranks_the_subtree_only(tree: Tree, world: dict) -> None:
    client = Client()
    assert client.login(username="zg", password=PASSWORD)
    page = client.get("/annual/ranking/?year=2024").content.decode()
    assert "计分规则" in page and "按期答复" in page
    for agency in (tree.city, tree.city_dept, tree.district, tree.street):
        assert f'data-agency="{agency.pk}"' in page
    assert f'data-agency="{tree.other_city.pk}"' not in page
    first = page.index('data-testid="position"')
    assert page[first : first + 40].startswith('data-testid="position">1<')
    outsider = make_user("ws", "supervisor", tree.other_city)
    client.force_login(outsider)
    other_page = client.get("/annual/ranking/?year=2024").content.decode()
    assert f'data-agency="{tree.city_dept.pk}"' not in other_page


def test_the_ranking_downloads_as_a_spreadsheet(tree: Tree, world: dict) -> None:
    client = Client()
    assert client.login(username="zg", password=PASSWORD)
    response = client.get("/annual/ranking/export.csv?year=2024")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("名次,机关,总分,按期答复（40分）,按期答复说明")
    dept = next(line for line in lines if tree.city_dept.name in line)
    assert "本年答复 2 件，其中超过答复期限 1 件" in dept
    assert len(lines) == 1 + 4  # the city and its three subordinate agencies
    book = load_workbook(io.BytesIO(client.get("/annual/ranking/export.xlsx?year=2024").content))
    assert book.active.max_row == 5
    assert client.get("/annual/ranking/export.pdf?year=2024").status_code == 404
