"""The OpenAPI schema generated from the code is complete, and every path answers (the
contract test): each operation has a 200 response with a schema that the answer meets."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from gongkai.web.api.api import api
from gongkai.web.api.services import create_token
from tests.web.api.world import World

pytestmark = pytest.mark.django_db


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _conforms(schema: dict[str, Any], node: dict[str, Any], value: Any, where: str) -> None:
    """``value`` meets the schema node (OpenAPI 3.1 schemas are JSON Schema 2020-12; the
    node's references point into the document's components)."""
    validator = Draft202012Validator({**node, "components": schema["components"]})
    errors = [f"{where}{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]
    assert not errors, errors


def test_schema_is_valid_openapi() -> None:
    validate(json.loads(json.dumps(api.get_openapi_schema())))  # raises naming the fault


def test_schema_lists_every_endpoint_with_responses() -> None:
    schema = json.loads(json.dumps(api.get_openapi_schema()))  # plain JSON
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] and schema["info"]["version"] == "1"
    paths = schema["paths"]
    expected = {
        "/api/v1/agencies",
        "/api/v1/agencies/{agency_id}",
        "/api/v1/reports",
        "/api/v1/reports/{report_id}",
        "/api/v1/reports/{report_id}/findings",
        "/api/v1/catalogue",
        "/api/v1/registers/documents",
        "/api/v1/statistics/agencies",
        "/api/v1/statistics/regions/{agency_id}",
        "/api/v1/private/cases/statistics",
        "/api/v1/private/cases/overdue",
    }
    assert set(paths) == expected
    operation_ids = []
    for path, methods in paths.items():
        assert set(methods) == {"get"}, path  # read-only
        operation = methods["get"]
        operation_ids.append(operation["operationId"])
        assert operation["summary"], path
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert _resolve(schema, ok)["type"] == "object", path
        assert "400" in operation["responses"] and "304" in operation["responses"], path
        for parameter in operation.get("parameters", []):
            assert parameter["in"] in ("query", "path") and "schema" in parameter, path
            if parameter["in"] == "path":
                assert parameter["required"] and "{" + parameter["name"] + "}" in path
        if "/private/" in path:
            assert operation["security"] == [{"TokenAuth": []}], path
    assert len(operation_ids) == len(set(operation_ids))
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_every_endpoint_answers_in_its_declared_shape(client: Client, world: World) -> None:
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    token = create_token(name="契约测试", scope="subtree", by=world.people["supervisor"]).secret
    values = {
        "agency_id": world.tree.city.pk,
        "report_id": world.versions["dept_v2"].pk,
        "year": 2024,
    }
    called = 0
    for path, methods in schema["paths"].items():
        operation = methods["get"]
        url = path
        query = []
        for parameter in operation.get("parameters", []):
            name = parameter["name"]
            if parameter["in"] == "path":
                url = url.replace("{" + name + "}", str(values[name]))
            elif parameter.get("required"):
                query.append(f"{name}={values[name]}")
        if query:
            url += "?" + "&".join(query)
        headers = {"Authorization": f"Bearer {token}"} if "security" in operation else {}
        response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.content[:200])
        body = json.loads(response.content)
        declared = operation["responses"]["200"]["content"]["application/json"]["schema"]
        _conforms(schema, declared, body, url)
        called += 1
    assert called == len(schema["paths"])


def test_docs_page_is_local_and_inline_free(client: Client, db: None) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "/static/api/docs.js" in html
    assert 'data-openapi-url="/api/v1/openapi.json"' in html
    assert "cdn" not in html.lower() and "<style" not in html
    for asset in (
        "/static/ninja/swagger-ui-bundle.js",
        "/static/ninja/swagger-ui.css",
        "/static/api/docs.js",
    ):
        assert client.get(asset).status_code == 200, asset
    policy = dict(d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert "data:" in policy["img-src"]  # Swagger UI's icons; no other page allows data:
    other = client.get("/api/v1/agencies")["Content-Security-Policy"]
    assert "data:" not in other and "unsafe" not in other
