"""Fixtures of the API tests: the published world (``world.py``) and an anonymous client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.web.api.world import World, build_world
from tests.web.conftest import Tree


@pytest.fixture
def world(tree: Tree) -> World:
    return build_world(tree)


def get_json(client: Client, url: str, **headers: Any) -> Any:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)
