"""Fixtures for the portal tests: the city government takes online applications (it has
staff); a valid application form; the day the services believe it is."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from gongkai.web.cases import services as case_services
from gongkai.web.portal import codes, services
from gongkai.web.portal.models import OnlineApplication

D = dt.date
ID_NUMBER = "11010519491231002X"  # a valid check digit (GB 11643 sample)
CREDIT_CODE = "91350100M000100Y43"  # a valid check character (GB 32100 sample)

FORM: dict[str, str] = {
    "applicant_kind": "natural_person",
    "applicant_name": "张三明",
    "id_type": "id_card",
    "id_number": ID_NUMBER,
    "phone": "13812345678",
    "email": "zhangsm@example.com",
    "address": "临川市人民路1号",
    "postcode": "330100",
    "description": "2024年临川市老旧小区改造项目的招标文件及中标结果公告",
    "form_wanted": "electronic",
    "delivery_wanted": "email",
    "declaration": "on",
}

FIELDS: dict[str, str] = {
    "applicant_type": "natural_person",
    "applicant_name": "张三明",
    "applicant_organisation": "",
    "legal_representative": "",
    "id_type": "id_card",
    "id_number": ID_NUMBER,
    "phone": "13812345678",
    "email": "zhangsm@example.com",
    "address": "临川市人民路1号",
    "postcode": "330100",
    "description": "2024年临川市老旧小区改造项目的招标文件及中标结果公告",
    "purpose": "",
    "form_wanted": "electronic",
    "delivery_wanted": "email",
}


class Today:
    """The day the cases services (and so the portal) believe it is."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.day = D(2025, 3, 3)
        monkeypatch.setattr(case_services, "today", lambda: self.day)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> Today:
    return Today(monkeypatch)


@pytest.fixture
def handler(role_users: dict[str, Any]) -> Any:
    return role_users["handler"]


@pytest.fixture
def head(role_users: dict[str, Any]) -> Any:
    return role_users["head"]


def apply_url(agency: Any) -> str:
    return f"/portal/agencies/{agency.pk}/apply/"


def post_application(client: Client, agency: Any, **overrides: str) -> Any:
    """GET the form (for its token), then POST it with ``overrides``."""
    page = client.get(apply_url(agency))
    token = page.context["form"].initial["token"]
    data = {"token": token, **FORM, **overrides}
    return client.post(apply_url(agency), data)


def submitted(agency: Any, **overrides: str) -> tuple[OnlineApplication, str]:
    """An application submitted through the service, with its access code."""
    result = services.submit(agency, codes.new_form_token(), {**FIELDS, **overrides})
    assert result.access_code is not None
    return result.application, result.access_code


def unlock(client: Client, application: OnlineApplication, code: str) -> Any:
    return client.post(
        "/portal/track/", {"tracking_number": application.tracking_number, "access_code": code}
    )
