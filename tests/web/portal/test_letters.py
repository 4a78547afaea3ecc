"""The reply letter (and other letters to the applicant) can be downloaded once they exist."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from django.test import Client

from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Case
from gongkai.web.portal import services
from tests.web.portal.conftest import D, submitted, unlock

pytestmark = pytest.mark.django_db


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def letter_url(application: Any, key: str, fmt: str = "docx") -> str:
    return f"/portal/track/{application.tracking_number}/letters/{key}.{fmt}"


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def test_reply_letter_only_after_the_reply(tree: Any, handler: Any, today: Any) -> None:
    application, code = submitted(tree.city)
    client = Client()
    unlock(client, application, code)
    assert client.get(letter_url(application, "reply_granted")).status_code == 404  # no case yet
    today.day = D(2025, 3, 4)
    case = services.confirm_receipt(application, handler)
    case_services.send_consultation(
        case, handler, version=case.version, date=D(2025, 3, 5), party="临川建设集团有限公司"
    )
    consultation = fresh(case).consultations.get()
    before = client.get(letter_url(application, "reply_granted"))
    assert before.status_code == 302
    assert "尚未作出" in client.get(before["Location"]).content.decode()
    # a letter to the third party is never the applicant's
    assert client.get(letter_url(application, f"consultation:{consultation.pk}")).status_code == 302

    case = fresh(case)
    case_services.answer_consultation(
        consultation, handler, version=case.version, date=D(2025, 3, 10), agrees=True
    )
    case = fresh(case)
    today.day = D(2025, 3, 12)
    case_services.reply(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 12),
        outcome_key="granted",
        reply_detail="所申请的招标文件见附件。",
        provision_method="电子邮件",
    )
    status_page = client.get(f"/portal/track/{application.tracking_number}/")
    keys = [link.key for link in status_page.context["status"].letters]
    assert "reply_granted" in keys and not any(k.startswith("consultation") for k in keys)
    response = client.get(letter_url(application, "reply_granted"))
    assert response.status_code == 200, client.get(response["Location"]).content.decode()
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    text = docx_text(response.content)
    assert "所申请的招标文件见附件" in text
    assert case.number in text


def test_the_letter_staff_generated_is_the_one_served(tree: Any, handler: Any, today: Any) -> None:
    application, code = submitted(tree.city)
    today.day = D(2025, 3, 4)
    case = services.confirm_receipt(application, handler)
    case_services.reply(
        case, handler, version=case.version, date=D(2025, 3, 5), outcome_key="unable_2"
    )
    stored = case_services.generate_letter(fresh(case), handler, "reply_unable", "docx")
    client = Client()
    unlock(client, application, code)
    response = client.get(letter_url(application, "reply_unable"))
    assert response.status_code == 200
    assert response.content == bytes(stored.content)


def test_letters_need_the_code(tree: Any, handler: Any, today: Any) -> None:
    application, _ = submitted(tree.city)
    today.day = D(2025, 3, 4)
    case = services.confirm_receipt(application, handler)
    case_services.reply(
        case, handler, version=case.version, date=D(2025, 3, 5), outcome_key="granted"
    )
    response = Client().get(letter_url(application, "reply_granted"))
    assert response.status_code == 302 and response["Location"] == "/portal/track/"


def test_pdf_download(tree: Any, handler: Any, today: Any) -> None:
    application, code = submitted(tree.city)
    today.day = D(2025, 3, 4)
    services.confirm_receipt(application, handler)
    client = Client()
    unlock(client, application, code)
    response = client.get(letter_url(application, "receipt", "pdf"))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
