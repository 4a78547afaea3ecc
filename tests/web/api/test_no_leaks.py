"""Nothing unpublished or personal is reachable: every public endpoint, every page of it,
is searched for the strings only unpublished drafts, withdrawn or unreviewed items, an
unpublished register entry, an inactive agency and applicants' records hold."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from gongkai.web.api.api import api
from tests.web.api.world import SECRETS, World

pytestmark = pytest.mark.django_db


def _urls(world: World) -> list[str]:
    tree = world.tree
    ids = {
        "agency_id": [a.pk for a in tree.all()] + [world.inactive.pk if world.inactive else 0],
        "report_id": [v.pk for v in world.versions.values()],
    }
    urls = []
    for path in api.get_openapi_schema()["paths"]:
        url = path
        if "/private/" in path:
            continue
        if "{agency_id}" in path:
            urls += [url.replace("{agency_id}", str(pk)) + "?year=2024" for pk in ids["agency_id"]]
        elif "{report_id}" in path:
            urls += [url.replace("{report_id}", str(pk)) for pk in ids["report_id"]]
        else:
            urls += [url, url + "?limit=1", url + "?year=2024", url + "?at=2024-06-01"]
    return urls


def _every_page(client: Client, url: str) -> list[str]:
    texts = []
    while url:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        text = response.content.decode()
        texts.append(text)
        cursor = json.loads(text).get("next_cursor") if response.status_code == 200 else None
        joiner = "&" if "?" in url else "?"
        url = f"{url.split('&cursor=')[0]}{joiner}cursor={cursor}" if cursor else ""
    return texts


def test_no_endpoint_shows_unpublished_or_personal_data(
    client: Client, world: World, settings: object
) -> None:
    settings.GONGKAI_API_RATE = "10000/m"  # type: ignore[attr-defined]
    urls = _urls(world)
    assert len(urls) > 30
    found = []
    for url in urls:
        for text in _every_page(client, url):
            found += [(url, secret) for secret in SECRETS if secret in text]
    assert found == []


def test_unpublished_things_are_missing_not_forbidden(client: Client, world: World) -> None:
    assert world.inactive is not None
    assert client.get(f"/api/v1/agencies/{world.inactive.pk}").status_code == 404
    draft_only = world.tree.street.pk
    reports = json.loads(client.get(f"/api/v1/reports?agency={draft_only}").content)
    assert reports["items"] == []


def test_the_world_really_holds_the_secrets(world: World) -> None:
    """The probe above could pass vacuously: the secrets are in the database."""
    from gongkai.web.annual.models import AnnualReportDraft
    from gongkai.web.catalogue.models import DisclosureItem
    from gongkai.web.registers.models import RegulatoryDocument

    drafts = json.dumps([d.data for d in AnnualReportDraft.objects.all()], ensure_ascii=False)
    assert "未公开的街道报告" in drafts and "尚未发布的更正草稿" in drafts
    titles = set(DisclosureItem.objects.values_list("title", flat=True))
    assert {"待保密审查的内部信息", "已撤回的信息"} <= titles
    assert RegulatoryDocument.objects.filter(title="未公开的规范性文件").exists()
    assert world.cases["overdue"].applicant_name == "张三丰"
