"""Platform tests: Django is set up here so the rest of the suite never needs it.

The database is SQLite unless DATABASE_URL says otherwise (CI also runs these tests on
PostgreSQL). Fixtures build a small agency tree around 临川市人民政府:

    江淮省人民政府 (province)
    ├── 江淮省教育厅 (province_dept)
    ├── 临川市人民政府 (city)            ← the users' own agency
    │   ├── 临川市教育局 (city_dept)         subtree
    │   └── 东湖区人民政府 (district)        subtree
    │       └── 东湖区湖滨街道办事处 (street)  subtree, two levels down
    └── 宁远市人民政府 (other_city)      unrelated
        └── 宁远市教育局 (other_dept)        unrelated
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
os.environ.setdefault("GONGKAI_HUEY_IMMEDIATE", "1")
django.setup()

from gongkai.web.accounts import services as account_services  # noqa: E402
from gongkai.web.accounts.models import User  # noqa: E402
from gongkai.web.agencies import services as agency_services  # noqa: E402
from gongkai.web.agencies.models import Agency  # noqa: E402

PASSWORD = "Tree-Test-Password-42"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # PBKDF2 with Django's iteration count makes each login ~0.3 s; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Tree:
    province: Agency
    province_dept: Agency
    city: Agency
    city_dept: Agency
    district: Agency
    street: Agency
    other_city: Agency
    other_dept: Agency

    def all(self) -> list[Agency]:
        return list(vars(self).values())


def build_tree() -> Tree:
    create = agency_services.create_agency
    province = create(name="江淮省人民政府", kind="government")
    city = create(name="临川市人民政府", kind="government", parent=province)
    district = create(name="东湖区人民政府", kind="government", parent=city)
    other_city = create(name="宁远市人民政府", kind="government", parent=province)
    return Tree(
        province=province,
        province_dept=create(name="江淮省教育厅", kind="department", parent=province),
        city=city,
        city_dept=create(name="临川市教育局", kind="department", parent=city),
        district=district,
        street=create(name="东湖区湖滨街道办事处", kind="township", parent=district),
        other_city=other_city,
        other_dept=create(name="宁远市教育局", kind="department", parent=other_city),
    )


@pytest.fixture
def tree(db: None) -> Tree:
    return build_tree()


def make_user(username: str, role: str, agency: Agency | None) -> User:
    return account_services.create_user(
        username=username, password=PASSWORD, full_name=f"测试{username}", role=role, agency=agency
    )


@pytest.fixture
def role_users(tree: Tree) -> dict[str, User]:
    """One user of every role, all belonging to the city government."""
    return {
        role: make_user(f"{role}-city", role, tree.city)
        for role in ("handler", "head", "supervisor", "admin")
    }


# Browser fixtures (``browser``, ``page``) for the browser tests of every app.
from tests.web.browser_support import browser, page  # noqa: E402, F401
