"""Searching the case list never un-masks: a viewer who sees 王** cannot find the case by
typing 王晓明, while the agency's own staff (who see the name whole) can."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.cases.conftest import register
from tests.web.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def _found(user: Any, text: str) -> list[str]:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    page = client.get(reverse("cases:list"), {"q": text})
    assert page.status_code == 200
    return [row.number for row in page.context["rows"]]


@pytest.fixture
def district_case(tree: Any) -> Any:
    handler = make_user("handler-district", "handler", tree.district)
    return register(tree.district, handler, applicant_name="王晓明"), handler


def test_supervisor_above_cannot_find_a_masked_name(
    role_users: dict[str, Any], district_case: Any
) -> None:
    case, handler = district_case
    supervisor = role_users["supervisor"]  # the city's: sees the district's cases, masked
    assert case.number in _found(supervisor, case.number)  # the case is in view
    assert _found(supervisor, "王晓明") == []
    assert _found(supervisor, "晓明") == []
    assert _found(handler, "王晓明") == [case.number]


def test_own_agency_staff_find_their_applicants_by_name(
    tree: Any, role_users: dict[str, Any]
) -> None:
    case = register(tree.city, role_users["handler"], applicant_name="李建华")
    for role in ("handler", "head", "supervisor"):
        assert _found(role_users[role], "李建华") == [case.number], role
    assert _found(role_users["admin"], "李建华") == []  # IT sees no personal data


def test_an_organisations_name_is_searchable_where_it_is_shown(
    role_users: dict[str, Any], tree: Any
) -> None:
    handler = make_user("handler-district", "handler", tree.district)
    case = register(
        tree.district,
        handler,
        applicant_type="commercial",
        applicant_name="临川市新港物流有限公司",
        id_type="credit_code",
        id_number="91350100M000100Y43",
    )
    assert _found(role_users["supervisor"], "新港物流") == [case.number]
