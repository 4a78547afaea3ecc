"""Register pages: register a document, repeal it, enter and import figures; scoped lists."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from gongkai.web.registers import services as registers
from gongkai.web.registers.models import RegulatoryDocument, YearFigure
from tests.web.conftest import PASSWORD, Tree, make_user
from tests.web.registers.test_figures_import import HEADER, _xlsx

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


def test_register_and_repeal(tree: Tree) -> None:
    client = _client(make_user("h", "handler", tree.city))
    response = client.post(
        "/registers/",
        {
            "agency": tree.city.pk,
            "kind": "normative_documents",
            "title": "临川市政务公开办法",
            "document_number": "临政规〔2024〕1号",
            "issued": "2024-03-01",
        },
    )
    doc = RegulatoryDocument.objects.get()
    assert response.status_code == 302
    client.post(
        f"/registers/{doc.pk}/end/",
        {"reason": "repealed", "on": "2025-02-01", "basis": "临政规〔2025〕2号"},
    )
    doc.refresh_from_db()
    assert doc.ended == dt.date(2025, 2, 1)
    page = client.get("/registers/?in_force_on=2025-01-31").content.decode()
    assert "临川市政务公开办法" in page
    assert (
        "临川市政务公开办法"
        not in client.get("/registers/?in_force_on=2025-02-01").content.decode()
    )


def test_lists_are_scoped(tree: Tree) -> None:
    own = make_user("h", "handler", tree.city)
    _client(own).post(
        "/registers/",
        {
            "agency": tree.city.pk,
            "kind": "regulations",
            "title": "临川规章甲",
            "issued": "2024-03-01",
        },
    )
    doc = RegulatoryDocument.objects.get()
    outsider = _client(make_user("o", "handler", tree.other_city))
    assert "临川规章甲" not in outsider.get("/registers/").content.decode()
    assert outsider.get(f"/registers/{doc.pk}/").status_code == 404
    # Posting for an agency the user may not edit is refused by the form's choices.
    outsider.post(
        "/registers/",
        {"agency": tree.city.pk, "kind": "regulations", "title": "x", "issued": "2024-03-01"},
    )
    assert RegulatoryDocument.objects.count() == 1


def test_figures_entry_and_import(tree: Tree) -> None:
    client = _client(make_user("f", "head", tree.city))
    client.post(
        "/registers/figures/",
        {
            "agency": tree.city.pk,
            "year": 2024,
            "licensing": 12,
            "penalty": "",
            "coercion": 0,
            "fees_10k_yuan": "1.25",
        },
    )
    entry = YearFigure.objects.get()
    assert (entry.licensing, entry.penalty, entry.source) == (12, None, "手工录入")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("数据.xlsx", _xlsx([HEADER, [None, 2023, 5, 1, 0, 0]]))
    response = client.post("/registers/figures/import/", {"file": upload}, follow=True)
    assert "导入 1 行" in response.content.decode()
    assert YearFigure.objects.get(year=2023).source == "导入：数据.xlsx 第 2 行"
    bad = SimpleUploadedFile("坏.xlsx", b"not a workbook")
    assert (
        "不是有效的 XLSX"
        in client.post("/registers/figures/import/", {"file": bad}, follow=True).content.decode()
    )


def test_paging_keeps_the_filters(tree: Tree) -> None:
    admin = make_user("gly", "admin", None)
    for n in range(51):
        registers.register_document(
            agency=tree.city, kind="normative_documents", title=f"文件{n}",
            issued=dt.date(2024, 1, 1) + dt.timedelta(days=n), by=admin,
        )  # fmt: skip
    page = _client(admin).get("/registers/?kind=normative_documents&q=文件").content.decode()
    assert 'href="?kind=normative_documents&amp;q=%E6%96%87%E4%BB%B6&amp;page=2"' in page
