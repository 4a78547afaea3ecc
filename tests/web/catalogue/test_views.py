"""Catalogue pages: register, secrecy review, publish; the public page shows published only."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.web.catalogue.models import DisclosureItem
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


def test_register_review_publish_and_public_page(tree: Tree) -> None:
    handler = _client(make_user("h", "handler", tree.city))
    head = _client(make_user("f", "head", tree.city))
    handler.post(
        "/catalogue/",
        {
            "agency": tree.city.pk,
            "title": "2024年度部门决算",
            "category": "07",
            "issuing_body": "临川市人民政府",
            "formed": "2025-03-03",
        },
    )
    secret = DisclosureItem.objects.get()
    handler.post(
        "/catalogue/",
        {
            "agency": tree.city.pk,
            "title": "未公开的草稿",
            "category": "01",
            "issuing_body": "临川市人民政府",
            "formed": "2025-03-03",
        },
    )
    assert Client().get(f"/catalogue/public/{tree.city.pk}/").status_code == 200
    handler.post(f"/catalogue/{secret.pk}/do/publish/", {"on": "2025-03-05"})
    secret.refresh_from_db()
    assert secret.published is None  # no secrecy review yet
    handler.post(
        f"/catalogue/{secret.pk}/do/review/", {"note": "x"}
    )  # a handler may not sign it off
    secret.refresh_from_db()
    assert secret.secrecy_reviewed_at is None
    head.post(f"/catalogue/{secret.pk}/do/review/", {"note": "不涉密"})
    handler.post(f"/catalogue/{secret.pk}/do/publish/", {"on": "2025-03-05"})
    secret.refresh_from_db()
    assert str(secret.published) == "2025-03-05"
    public = Client().get(f"/catalogue/public/{tree.city.pk}/").content.decode()
    assert "2024年度部门决算" in public and "未公开的草稿" not in public


def test_overdue_filter(tree: Tree) -> None:
    handler = _client(make_user("h", "handler", tree.city))
    handler.post(
        "/catalogue/",
        {
            "agency": tree.city.pk,
            "title": "很久以前的信息",
            "category": "04",
            "issuing_body": "临川市统计局",
            "formed": "2020-01-06",
        },
    )
    page = handler.get("/catalogue/?status=overdue").content.decode()
    assert "很久以前的信息" in page and "超期" in page
