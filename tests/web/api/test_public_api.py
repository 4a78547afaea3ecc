"""The public endpoints: what they list, filtering, cursors, conditional GET, errors."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from gongkai.web.annual.models import ReportVersion
from tests.web.api.conftest import get_json
from tests.web.api.world import World

pytestmark = pytest.mark.django_db


def test_agency_tree(client: Client, world: World) -> None:
    tree = world.tree
    body = get_json(client, f"/api/v1/agencies?region={tree.city.pk}")
    names = {a["name"] for a in body["items"]}
    assert names == {"临川市人民政府", "临川市教育局", "东湖区人民政府", "东湖区湖滨街道办事处"}
    street = next(a for a in body["items"] if a["id"] == tree.street.pk)
    assert street["parent_id"] == tree.district.pk
    assert street["ancestor_ids"] == [tree.province.pk, tree.city.pk, tree.district.pk]
    assert street["kind"] == "township" and street["kind_label"]
    detail = get_json(client, f"/api/v1/agencies/{tree.city.pk}")
    assert {c["name"] for c in detail["children"]} == {"临川市教育局", "东湖区人民政府"}
    kinds = get_json(client, "/api/v1/agencies?kind=department")["items"]
    assert {a["name"] for a in kinds} == {"江淮省教育厅", "临川市教育局", "宁远市教育局"}
    assert get_json(client, f"/api/v1/agencies?parent={tree.district.pk}")["items"][0]["id"] == (
        tree.street.pk
    )


def test_every_published_version_and_only_those(client: Client, world: World) -> None:
    body = get_json(client, "/api/v1/reports?year=2024")
    ids = [r["id"] for r in body["items"]]
    expected = [world.versions[k].pk for k in ("dept_v1", "dept_v2", "district")]
    assert sorted(ids) == sorted(expected)
    current = get_json(client, "/api/v1/reports?current=true")["items"]
    assert {r["id"] for r in current} == {
        world.versions["dept_v2"].pk,
        world.versions["district"].pk,
    }
    v2 = next(r for r in body["items"] if r["id"] == world.versions["dept_v2"].pk)
    assert v2["version"] == 2 and v2["current"] and v2["correction_note"] == "更正表3数字"
    dept = get_json(client, f"/api/v1/reports?agency={world.tree.city_dept.pk}")["items"]
    assert {r["version"] for r in dept} == {1, 2}


def test_report_is_the_published_canonical_json(client: Client, world: World) -> None:
    version = world.versions["dept_v1"]
    body = get_json(client, f"/api/v1/reports/{version.pk}")
    assert body["report"] == version.data
    assert body["report"]["schema"] == "gongkai.annual-report/1"
    findings = get_json(client, f"/api/v1/reports/{version.pk}/findings")
    assert [f["rule"] for f in findings["items"]] == [f["rule"] for f in version.findings]


def test_catalogue_lists_published_items(client: Client, world: World) -> None:
    items = get_json(client, "/api/v1/catalogue")["items"]
    assert [i["title"] for i in items] == ["2024年部门预算", "2024年部门决算"]
    assert items[0]["category_label"].startswith("第二十条第（七）项")
    assert get_json(client, "/api/v1/catalogue?year=2023")["items"] == []
    assert len(get_json(client, "/api/v1/catalogue?category=07&validity=valid")["items"]) == 2


def test_register_in_force_at_a_date(client: Client, world: World) -> None:
    def titles(at: str) -> set[str]:
        return {
            d["title"] for d in get_json(client, f"/api/v1/registers/documents?at={at}")["items"]
        }

    assert titles("2024-01-01") == {"临川市教育收费管理办法", "临川市旧办法"}
    assert titles("2024-07-01") == {"临川市教育收费管理办法"}  # repealed that day
    assert titles("2021-01-01") == {"临川市旧办法"}
    assert get_json(client, "/api/v1/registers/documents?at=2024-07-01")["at"] == "2024-07-01"


def test_cursor_pagination_visits_every_row_once(client: Client, world: World) -> None:
    seen: list[int] = []
    url = "/api/v1/agencies?limit=3"
    pages = 0
    while url:
        body = get_json(client, url)
        seen += [a["id"] for a in body["items"]]
        pages += 1
        url = (
            f"/api/v1/agencies?limit=3&cursor={body['next_cursor']}" if body["next_cursor"] else ""
        )
    assert pages == 3 and len(seen) == 8 == len(set(seen)) and seen == sorted(seen)


def test_tampered_cursor_and_bad_parameters_are_explained(client: Client, world: World) -> None:
    cursor = get_json(client, "/api/v1/agencies?limit=1")["next_cursor"]
    cases = {
        f"/api/v1/agencies?cursor={cursor[:-2]}xx": "分页游标 cursor 无效",
        "/api/v1/agencies?limit=0": "参数 limit 过小",
        "/api/v1/agencies?limit=abc": "参数 limit 须为整数",
        "/api/v1/agencies?kind=ministry": "参数 kind 的取值“ministry”无效",
        "/api/v1/registers/documents?at=2024-13-01": "不是 YYYY-MM-DD 格式的日期",
        "/api/v1/statistics/regions/1": "参数 year 缺少该参数",
    }
    for url, message in cases.items():
        response = client.get(url)
        assert response.status_code == 400, url
        assert message in json.loads(response.content)["detail"], url
    missing = client.get("/api/v1/reports/999999")
    assert missing.status_code == 404
    assert "未找到编号为 999999 的已公开年度报告" in json.loads(missing.content)["detail"]


def test_etag_and_last_modified_answer_304(client: Client, world: World) -> None:
    url = f"/api/v1/reports/{world.versions['district'].pk}"
    first = client.get(url)
    etag, stamp = first["ETag"], first["Last-Modified"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": stamp}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    listing = client.get("/api/v1/reports")
    assert (
        client.get("/api/v1/reports", headers={"If-None-Match": listing["ETag"]}).status_code == 304
    )


def test_etag_changes_when_the_data_does(client: Client, world: World) -> None:
    before = client.get("/api/v1/reports")["ETag"]
    ReportVersion.objects.filter(pk=world.versions["district"].pk).update(note="x")
    assert client.get("/api/v1/reports")["ETag"] != before


def test_head_and_cors_for_reading_only(client: Client, world: World) -> None:
    get = client.get("/api/v1/agencies", headers={"Origin": "https://data.example.org"})
    assert get["Access-Control-Allow-Origin"] == "*"
    head = client.head("/api/v1/agencies")
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == get["ETag"]
    preflight = client.options(
        "/api/v1/agencies",
        headers={"Origin": "https://data.example.org", "Access-Control-Request-Method": "GET"},
    )
    allowed = preflight["Access-Control-Allow-Methods"]
    assert "GET" in allowed and "POST" not in allowed and "DELETE" not in allowed
    assert client.post("/api/v1/agencies").status_code == 405
    staff_page = client.get("/accounts/login/", headers={"Origin": "https://data.example.org"})
    assert "Access-Control-Allow-Origin" not in staff_page


def test_rate_limit_per_address(client: Client, world: World, settings: object) -> None:
    settings.GONGKAI_API_RATE = "3/m"  # type: ignore[attr-defined]
    codes = [client.get("/api/v1/agencies").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/v1/agencies")
    assert (
        "请求过于频繁" in json.loads(refused.content)["detail"] and int(refused["Retry-After"]) >= 1
    )
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get("/api/v1/agencies").status_code == 200
    # a forged X-Forwarded-For does not buy a fresh allowance
    assert client.get("/api/v1/agencies", headers={"X-Forwarded-For": "1.2.3.4"}).status_code == 429
