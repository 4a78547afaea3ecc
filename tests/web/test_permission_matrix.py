"""The permission matrix: every role × agency relation × action, exactly as specified.

Users sit in 临川市人民政府. Relations: the own agency; its subtree (a department one level
down, a 街道 two levels down); its parent (the province: above, not below); an unrelated
branch (another city's department). Actions: list, view and edit records of the agency,
approve (extensions, publication), manage the agency's own details.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse

from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import User
from gongkai.web.agencies.models import Agency
from tests.web.conftest import PASSWORD, Tree

ACTIONS = ("list", "view", "edit", "approve", "manage")
RELATIONS = {
    "own": "city",
    "subtree": "city_dept",
    "subtree_deep": "street",
    "ancestor": "province",
    "unrelated": "other_dept",
}
_NONE: frozenset[str] = frozenset()
_OWN_HANDLER = frozenset({"list", "view", "edit"})

# The specification, written as data: role → relation → actions allowed.
EXPECTED: dict[str, dict[str, frozenset[str]]] = {
    "handler": {"own": _OWN_HANDLER}
    | dict.fromkeys(("subtree", "subtree_deep", "ancestor", "unrelated"), _NONE),
    "head": {"own": frozenset(ACTIONS) - _NONE}
    | dict.fromkeys(("subtree", "subtree_deep", "ancestor", "unrelated"), _NONE),
    "supervisor": {
        "own": _OWN_HANDLER,
        "subtree": frozenset({"list", "view"}),
        "subtree_deep": frozenset({"list", "view"}),
        "ancestor": _NONE,
        "unrelated": _NONE,
    },
    "admin": dict.fromkeys(RELATIONS, frozenset({"list", "view", "edit", "manage"})),
}


def allowed_by_functions(user: User, tree: Tree, relation: str) -> frozenset[str]:
    agency = getattr(tree, RELATIONS[relation])
    member = User.objects.create(
        username=f"m{agency.pk}-{user.pk}", full_name="成员", agency=agency
    )
    found = set()
    in_agency_list = permissions.visible_agencies(user).filter(pk=agency.pk).exists()
    in_record_list = (
        permissions.scope_queryset(User.objects.all(), user).filter(pk=member.pk).exists()
    )
    assert in_agency_list == in_record_list, "agency list and record list disagree"
    if in_agency_list:
        found.add("list")
    for action in ("view", "edit", "approve", "manage"):
        allowed = permissions.can(user, action, agency)
        try:
            permissions.get_scoped_object_or_404(User.objects.all(), user, action, pk=member.pk)
            looked_up = True
        except (Http404, PermissionDenied):
            looked_up = False
        assert allowed == looked_up, f"can() and the object look-up disagree on {action}"
        editable = permissions.editable_agencies(user).filter(pk=agency.pk).exists()
        if action == "edit":
            assert editable == allowed
        if allowed:
            found.add(action)
    return frozenset(found)


@pytest.mark.parametrize("role", EXPECTED)
def test_permission_functions_match_the_matrix(
    role: str, tree: Tree, role_users: dict[str, User]
) -> None:
    user = role_users[role]
    actual = {relation: allowed_by_functions(user, tree, relation) for relation in RELATIONS}
    assert actual == EXPECTED[role]


def allowed_over_http(client: Client, tree: Tree, relation: str) -> frozenset[str]:
    agency = getattr(tree, RELATIONS[relation])
    found = set()
    listing = client.get(reverse("agencies:list")).content.decode()
    if f'href="{reverse("agencies:detail", args=[agency.pk])}"' in listing:
        found.add("list")
    detail = client.get(reverse("agencies:detail", args=[agency.pk]))
    assert detail.status_code in (200, 404)
    if detail.status_code == 200:
        found.add("view")
    edit = client.get(reverse("agencies:edit", args=[agency.pk]))
    # Outside the view scope the agency does not exist for the user (404); visible but not
    # manageable is a refusal (403).
    assert edit.status_code == (200 if edit.status_code == 200 else 403 if "view" in found else 404)
    phone = f"0552-{agency.pk:08d}"
    post = client.post(reverse("agencies:edit", args=[agency.pk]), {"office_phone": phone})
    agency.refresh_from_db()
    saved = post.status_code == 302 and agency.office_phone == phone
    assert saved == (edit.status_code == 200), "the edit form and saving it disagree"
    if saved:
        found.add("manage")
    else:
        assert post.status_code == edit.status_code
    return frozenset(found)


@pytest.mark.parametrize("role", EXPECTED)
def test_pages_match_the_matrix(
    role: str, tree: Tree, role_users: dict[str, User], client: Client
) -> None:
    assert client.login(username=role_users[role].username, password=PASSWORD)
    actual = {relation: allowed_over_http(client, tree, relation) for relation in RELATIONS}
    expected = {r: EXPECTED[role][r] & {"list", "view", "manage"} for r in RELATIONS}
    assert actual == expected


def test_admin_without_agency_sees_every_agency(tree: Tree) -> None:
    admin = User.objects.create(username="root", full_name="管理员", role="admin")
    assert set(permissions.visible_agencies(admin)) == set(tree.all())
    assert all(permissions.can_manage(admin, a) for a in tree.all())


@pytest.mark.parametrize("role", EXPECTED)
def test_inactive_or_anonymous_users_get_nothing(
    role: str, tree: Tree, role_users: dict[str, User]
) -> None:
    from django.contrib.auth.models import AnonymousUser

    user = role_users[role]
    user.is_active = False
    for who in (user, AnonymousUser(), None):
        assert not permissions.visible_agencies(who).exists()
        assert not any(
            permissions.can(who, a, tree.city) for a in ("view", "edit", "approve", "manage")
        )


def test_unknown_action_is_an_error(role_users: dict[str, User], tree: Tree) -> None:
    with pytest.raises(ValueError, match="unknown action"):
        permissions.can(role_users["head"], "delete", tree.city)


def test_scoping_agencies_themselves(tree: Tree, role_users: dict[str, User]) -> None:
    scoped = permissions.scope_queryset(
        Agency.objects.all(), role_users["supervisor"], agency_field=""
    )
    assert set(scoped) == {tree.city, tree.city_dept, tree.district, tree.street}


def test_scoping_through_another_foreign_key(tree: Tree, role_users: dict[str, User]) -> None:
    # Any model whose agency is reached by another name or path: here agencies by parent.
    scoped = permissions.scope_queryset(
        Agency.objects.all(), role_users["supervisor"], agency_field="parent"
    )
    assert set(scoped) == {tree.city_dept, tree.district, tree.street}
    handler_scoped = permissions.scope_queryset(
        Agency.objects.all(), role_users["handler"], agency_field="parent"
    )
    assert set(handler_scoped) == {tree.city_dept, tree.district}
