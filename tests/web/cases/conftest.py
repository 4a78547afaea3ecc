"""Fixtures for the case tests: a registered application at the city government."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gongkai.web.cases import services
from gongkai.web.cases.models import Case

D = dt.date

APPLICANT: dict[str, Any] = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_type": "id_card",
    "id_number": "110101199003071233",
    "phone": "13800000000",
    "address": "临川市人民路1号",
    "description": "2024年临川市老旧小区改造项目的招标文件",
    "form_wanted": "electronic",
    "delivery_wanted": "email",
    "email": "zhang@example.com",
}


def register(agency: Any, by: Any, **overrides: Any) -> Case:
    fields = {"channel": "in_person", "submitted_on": D(2025, 3, 3), **APPLICANT} | overrides
    return services.register(agency, by, **fields)


def serve(case: Case, by: Any, kind: str, day: dt.date, method: str = "in_person") -> Any:
    """Record that the latest notice of ``kind`` reached its addressee on ``day``."""
    notice = case.events.filter(kind=kind).order_by("-seq").first()
    assert notice is not None
    case.refresh_from_db()
    return services.record_notice_service(
        case, by, version=case.version, date=day, notice=notice.seq, method=method
    )


@pytest.fixture
def handler(role_users: dict[str, Any]) -> Any:
    return role_users["handler"]


@pytest.fixture
def head(role_users: dict[str, Any]) -> Any:
    return role_users["head"]


@pytest.fixture
def case(tree: Any, handler: Any) -> Case:
    return register(tree.city, handler)


class Today:
    """The day the services believe it is (the clock never reads the wall clock)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.day = D(2025, 3, 14)
        monkeypatch.setattr(services, "today", lambda: self.day)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> Today:
    return Today(monkeypatch)
