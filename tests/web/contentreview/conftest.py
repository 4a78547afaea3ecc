from __future__ import annotations

import pytest

from tests.web.conftest import Tree, make_user


@pytest.fixture
def people(tree: Tree) -> dict[str, object]:
    return {
        "handler": make_user("jb", "handler", tree.city),
        "head": make_user("fz", "head", tree.city),
        "other": make_user("ot", "handler", tree.other_city),
    }
