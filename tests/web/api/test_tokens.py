"""Staff tokens: created on the staff page (secret shown once, stored hashed), scoped to
the agency or its subtree, revocable, every creation, use and revocation audited; the
private endpoints answer within the token's reach and without applicants' data."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from gongkai.web.accounts.models import User
from gongkai.web.api import services
from gongkai.web.api.models import ApiToken, ApiTokenEvent
from tests.web.api.world import SECRETS, World
from tests.web.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def _login(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_created_on_the_page_shown_once_stored_hashed(world: World) -> None:
    supervisor = world.people["supervisor"]
    client = _login(supervisor)
    response = client.post("/api/tokens/", {"name": "数据开放平台同步", "scope": "subtree"})
    html = response.content.decode()
    secret = re.search(r'data-testid="secret">(gk_[^<]+)<', html)
    assert response.status_code == 200 and secret is not None
    token = ApiToken.objects.get()
    assert token.secret_hash == services.secret_hash(secret.group(1))
    assert secret.group(1) not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert response["Cache-Control"] == "no-store"
    listing = client.get("/api/tokens/").content.decode()
    assert "数据开放平台同步" in listing and secret.group(1) not in listing  # shown once
    assert token.prefix in listing
    events = ApiTokenEvent.objects.filter(token=token)
    assert [(e.kind, e.actor_id) for e in events] == [("created", supervisor.pk)]


def test_form_errors_and_who_may_hold_tokens(world: World) -> None:
    head = world.people["dept"]["head"]
    client = _login(head)
    empty = client.post("/api/tokens/", {"name": " ", "scope": "own"}).content.decode()
    assert "请填写令牌的用途说明" in empty
    wider = client.post("/api/tokens/", {"name": "x", "scope": "subtree"}).content.decode()
    assert "请在列出的数据范围中选择" in wider and "subtree" not in wider
    assert not ApiToken.objects.exists()
    handler = world.people["dept"]["handler"]
    assert _login(handler).get("/api/tokens/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.create_token(name="x", scope="own", by=handler)
    with pytest.raises(ValidationError):
        services.create_token(name="x", scope="subtree", by=head)


def test_subtree_token_reads_its_subtree_only(client: Client, world: World) -> None:
    secret = services.create_token(
        name="市级", scope="subtree", by=world.people["supervisor"]
    ).secret
    body = json.loads(client.get("/api/v1/private/cases/overdue", headers=_bearer(secret)).content)
    numbers = [c["number"] for c in body["items"]]
    assert numbers == [world.cases["overdue"].number]  # not the other city's case
    assert body["items"][0]["agency"]["id"] == world.tree.city_dept.pk
    text = json.dumps(body, ensure_ascii=False)
    assert not [s for s in SECRETS if s in text]
    stats = json.loads(
        client.get("/api/v1/private/cases/statistics?year=2025", headers=_bearer(secret)).content
    )
    by_agency = {s["agency"]["id"]: s for s in stats["items"]}
    assert world.tree.other_dept.pk not in by_agency
    tree = world.tree
    reach = {tree.city, tree.city_dept, tree.district, tree.street, world.inactive}
    assert set(by_agency) == {a.pk for a in reach if a is not None}  # as on the staff pages
    assert by_agency[world.tree.city_dept.pk]["received"] == 1
    assert by_agency[world.tree.city_dept.pk]["overdue"] == 1
    outside = client.get(
        f"/api/v1/private/cases/overdue?agency={world.tree.other_dept.pk}", headers=_bearer(secret)
    )
    assert json.loads(outside.content)["items"] == []


def test_own_token_reads_its_agency_only(client: Client, world: World) -> None:
    head = make_user("city-fz", "head", world.tree.city)
    secret = services.create_token(name="本级", scope="own", by=head).secret
    body = json.loads(client.get("/api/v1/private/cases/overdue", headers=_bearer(secret)).content)
    assert body["items"] == []  # the overdue case is the department's, below the city
    stats = json.loads(
        client.get("/api/v1/private/cases/statistics?year=2025", headers=_bearer(secret)).content
    )
    assert [s["agency"]["id"] for s in stats["items"]] == [world.tree.city.pk]


def test_missing_wrong_and_revoked_tokens_are_refused(client: Client, world: World) -> None:
    supervisor = world.people["supervisor"]
    issued = services.create_token(name="待吊销", scope="subtree", by=supervisor)
    url = "/api/v1/private/cases/overdue"
    for headers in ({}, _bearer("gk_wrong"), _bearer("not-a-token")):
        refused = client.get(url, headers=headers)
        assert refused.status_code == 401 and "令牌" in json.loads(refused.content)["detail"]
        assert refused["WWW-Authenticate"].startswith("Bearer")
    assert client.get(url, headers=_bearer(issued.secret)).status_code == 200
    page = _login(supervisor)
    page.post(f"/api/tokens/{issued.token.pk}/revoke/")
    assert client.get(url, headers=_bearer(issued.secret)).status_code == 401
    issued.token.refresh_from_db()
    assert issued.token.revoked_by == supervisor
    kinds = list(
        ApiTokenEvent.objects.filter(token=issued.token)
        .order_by("at", "pk")
        .values_list("kind", "path")
    )
    assert kinds == [("created", ""), ("used", url), ("revoked", "")]


def test_a_deactivated_creator_takes_the_token_down(client: Client, world: World) -> None:
    head = world.people["dept"]["head"]
    secret = services.create_token(name="x", scope="own", by=head).secret
    User.objects.filter(pk=head.pk).update(is_active=False)
    assert client.get("/api/v1/private/cases/overdue", headers=_bearer(secret)).status_code == 401


def test_revoking_is_limited_to_the_tokens_one_may_see(world: World) -> None:
    issued = services.create_token(name="x", scope="own", by=world.people["dept"]["head"])
    outsider = make_user("ny-zg", "supervisor", world.tree.other_city)
    assert _login(outsider).post(f"/api/tokens/{issued.token.pk}/revoke/").status_code == 404
    # the supervisor above sees and may revoke the department's token
    supervisor: Any = world.people["supervisor"]
    assert "x" in _login(supervisor).get("/api/tokens/").content.decode()
    services.revoke_token(issued.token, by=supervisor)
    with pytest.raises(ValidationError):
        services.revoke_token(issued.token, by=supervisor)


def test_the_user_box_links_the_token_page_for_those_who_may_hold_tokens(world: World) -> None:
    link = 'href="/api/tokens/"'
    for user in (world.people["supervisor"], world.people["dept"]["head"]):
        assert link in _login(user).get("/").content.decode(), user.username
    assert link not in _login(world.people["dept"]["handler"]).get("/").content.decode()
    assert link not in Client().get("/portal/").content.decode()
