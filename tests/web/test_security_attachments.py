"""Staff attachments follow the portal's rule (``gongkai.uploads``): a size limit, the type
recognised from the content, and the stored content type the recognised one — never the
browser's claim."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.web.cases import services
from gongkai.web.cases.models import Case, CaseDocument
from tests.web.cases.conftest import register
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 512


@pytest.fixture
def staff(role_users: dict[str, Any], tree: Any) -> tuple[Client, Case]:
    handler = role_users["handler"]
    client = Client()
    assert client.login(username=handler.username, password=PASSWORD)
    return client, register(tree.city, handler)


def _attach(client: Client, case: Case, upload: SimpleUploadedFile) -> Any:
    return client.post(
        reverse("cases:note", args=[case.pk]),
        {"note-text": "", "note-attachment": upload},
        follow=True,
    )


def _messages(response: Any) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_a_40_mb_attachment_is_refused(staff: tuple[Client, Case]) -> None:
    client, case = staff
    big = SimpleUploadedFile("扫描件.pdf", PDF + b"0" * (40 * 1024 * 1024), "application/pdf")
    response = _attach(client, case, big)
    assert response.status_code == 400
    assert "超过 20 MB 的限制" in _messages(response)
    assert not CaseDocument.objects.filter(case=case).exists()


def test_a_program_renamed_pdf_is_refused(staff: tuple[Client, Case]) -> None:
    client, case = staff
    response = _attach(client, case, SimpleUploadedFile("答复书.pdf", EXE, "application/pdf"))
    assert response.status_code == 400
    assert "文件类型不支持" in _messages(response)
    assert not CaseDocument.objects.filter(case=case).exists()


def test_a_pdf_is_stored_as_pdf_whatever_the_browser_claims(staff: tuple[Client, Case]) -> None:
    client, case = staff
    response = _attach(client, case, SimpleUploadedFile("送达回证.pdf", PDF, "text/html"))
    assert response.status_code == 200
    document = CaseDocument.objects.get(case=case)
    assert document.content_type == "application/pdf"
    download = client.get(reverse("cases:document", args=[case.pk, document.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert case.events.filter(kind="note", document=document).exists()  # in the case file


def test_a_file_stored_with_a_browsers_claim_is_served_as_bytes(
    staff: tuple[Client, Case], role_users: dict[str, Any]
) -> None:
    """Files attached before sniffing kept the browser's type; they are never served as it."""
    client, case = staff
    legacy = services.store_document(
        case,
        role_users["handler"],
        name="旧附件.html",
        content=b"<script>alert(1)</script>",
        content_type="text/html",
    )
    download = client.get(reverse("cases:document", args=[case.pk, legacy.pk]))
    assert download["Content-Type"] == "application/octet-stream"
