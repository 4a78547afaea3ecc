"""The reusable view mixins scope class-based views the same way as the functions."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client, RequestFactory
from django.views.generic import DetailView, ListView

from gongkai.web.accounts.models import User
from gongkai.web.accounts.permissions import AgencyScopedListMixin, AgencyScopedObjectMixin
from gongkai.web.agencies import services
from gongkai.web.core.views import home as home_view
from tests.web.conftest import PASSWORD, Tree


class MemberList(AgencyScopedListMixin, ListView):  # type: ignore[type-arg]
    model = User


class MemberDetail(AgencyScopedObjectMixin, DetailView):  # type: ignore[type-arg]
    model = User


class MemberEdit(AgencyScopedObjectMixin, DetailView):  # type: ignore[type-arg]
    model = User
    scope_action = "edit"


def as_user(user: User) -> object:
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_list_mixin_scopes_the_queryset(role_users: dict[str, User], tree: Tree) -> None:
    elsewhere = User.objects.create(username="far", full_name="远方", agency=tree.other_dept)
    below = User.objects.create(username="below", full_name="下级", agency=tree.street)
    view = MemberList()
    view.request = as_user(role_users["supervisor"])
    visible = set(view.get_queryset())
    assert below in visible and elsewhere not in visible
    view.request = as_user(role_users["handler"])
    assert below not in set(view.get_queryset())


def test_object_mixin_gives_404_outside_and_403_when_not_allowed(
    role_users: dict[str, User], tree: Tree
) -> None:
    below = User.objects.create(username="below", full_name="下级", agency=tree.street)
    supervisor = as_user(role_users["supervisor"])
    assert MemberDetail.as_view()(supervisor, pk=below.pk).status_code == 200
    with pytest.raises(PermissionDenied):
        MemberEdit.as_view()(supervisor, pk=below.pk)
    with pytest.raises(Http404):
        MemberDetail.as_view()(as_user(role_users["head"]), pk=below.pk)


def test_supervisor_home_shows_a_bounded_list(
    client: Client, role_users: dict[str, User], tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home_view, "SUPERVISOR_ROWS", 2)
    for i in range(3):
        services.create_agency(name=f"临川市第{i}局", kind="department", parent=tree.city)
    assert client.login(username="supervisor-city", password=PASSWORD)
    response = client.get("/")
    assert len(response.context["agencies"]) == 2 and response.context["agency_total"] == 7
    assert "查看全部机关" in response.content.decode()
    assert (
        response.context["agencies"][0].depth == 0
    )  # indented relative to the supervisor's agency


def test_agency_list_pages_keep_the_filter(
    client: Client, role_users: dict[str, User], tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.web.agencies.views import agencies as agency_views

    monkeypatch.setattr(agency_views, "PAGE_SIZE", 1)
    assert client.login(username="admin-city", password=PASSWORD)
    html = client.get("/agencies/", {"q": "教育"}).content.decode()
    assert "q=%E6%95%99%E8%82%B2&amp;page=2" in html or "page=2&amp;q=" in html
