"""A reply entered through the case page's form yields a letter with the right citations:
部分公开 cites the article of the withheld part, 不予公开 (禁止公开) names the law, and the
remedy clause follows the outcome, the letter's date and the 复议前置 setting."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from gongkai.web.cases import letters, services
from gongkai.web.cases.models import Case
from tests.web.conftest import PASSWORD

from .conftest import D

pytestmark = pytest.mark.django_db

REGULATION = "《中华人民共和国政府信息公开条例》"


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def reply(client: Client, case: Case, token: str, **fields: str) -> Any:
    data = {"reply-version": case.version, "reply-date": "2025-03-12", "reply-token": token}
    data |= {f"reply-{name}": value for name, value in fields.items()}
    return client.post(reverse("cases:action", args=[case.pk, "reply"]), data)


def letter_text(client: Client, case: Case, key: str) -> str:
    response = client.post(reverse("cases:letter", args=[case.pk, key, "docx"]))
    assert response.status_code == 200, response.get("Location")
    document = Document(io.BytesIO(response.content))
    return "\n".join(p.text for p in document.paragraphs)


def test_partial_reply_cites_the_article_of_the_withheld_part(handler: Any, case: Case) -> None:
    client = login(handler)
    response = reply(
        client,
        case,
        "p1",
        outcome="partial",
        withheld_description="评标专家名单不予公开",
        withheld_reason="denied_6",
        provision_method="电子邮件",
    )
    assert response.status_code == 302
    text = letter_text(client, Case.objects.get(pk=case.pk), "reply_partial")
    assert f"根据{REGULATION}第三十七条的规定" in text
    assert "不予公开的部分为：评标专家名单。" in text and "不予公开不予公开" not in text
    assert "过程性信息" in text and f"根据{REGULATION}第十六条第二款的规定，不予公开" in text
    # dated 2025: the withheld part under 复议前置, the rest at the applicant's choice
    assert "如对本答复中不予公开的部分不服，应当先" in text
    assert "自收到行政复议决定书之日起十五日内" in text


def test_partial_reply_form_asks_for_the_reason_and_the_law(handler: Any, case: Case) -> None:
    client = login(handler)
    fields = {"outcome": "partial", "withheld_description": "档案中的部分内容"}
    missing = reply(client, case, "p2", **fields)
    assert missing.status_code == 400
    assert "部分公开应选择不予公开部分的理由" in missing.content.decode()
    no_law = reply(client, case, "p3", **fields, withheld_reason="denied_2")
    assert no_law.status_code == 400 and "法律、行政法规及条款" in no_law.content.decode()
    law = "《中华人民共和国档案法》第二十八条"
    done = reply(client, case, "p4", **fields, withheld_reason="denied_2", prohibiting_law=law)
    assert done.status_code == 302
    text = letter_text(client, Case.objects.get(pk=case.pk), "reply_partial")
    assert f"该部分信息属于{law}禁止公开的信息，根据{REGULATION}第十四条和{law}的规定" in text


def test_denied_2_reply_names_the_prohibiting_law(handler: Any, case: Case) -> None:
    client = login(handler)
    assert reply(client, case, "d1", outcome="denied_2").status_code == 400
    law = "《中华人民共和国统计法》第三十九条"
    assert reply(client, case, "d2", outcome="denied_2", prohibiting_law=law).status_code == 302
    text = letter_text(client, Case.objects.get(pk=case.pk), "reply_denied")
    assert f"属于{law}禁止公开的信息" in text
    assert f"根据{REGULATION}第十四条和{law}的规定，本机关决定不予公开" in text
    assert "应当先自收到本告知书之日起六十日内" in text


def test_publication_reply_names_where_to_obtain_it(handler: Any, case: Case) -> None:
    client = login(handler)
    assert reply(client, case, "n1", outcome="not_processed_3").status_code == 400
    where = "临川市图书馆地方文献阅览室"
    assert (
        reply(client, case, "n2", outcome="not_processed_3", publication_access=where).status_code
        == 302
    )
    text = letter_text(client, Case.objects.get(pk=case.pk), "reply_not_processed")
    assert "第三十九条第二款" in text and f"获取途径：{where}。" in text
    assert "应当先" not in text  # default scope: 不予处理 keeps the choice


def test_the_review_first_setting_reaches_the_letter(
    handler: Any, case: Case, settings: Any
) -> None:
    services.reply(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 20),
        outcome_key="unable_2",
    )
    case = Case.objects.get(pk=case.pk)
    assert "应当先" not in letters.fill(case, "reply_unable", D(2025, 3, 21)).as_text()
    settings.GONGKAI_REVIEW_FIRST_SCOPE = "refusals_and_non_provision"
    text = letters.fill(case, "reply_unable", D(2025, 3, 21)).as_text()
    assert "应当先自收到本告知书之日起六十日内" in text


def test_agency_consultation_letter_cites_article_34(handler: Any, case: Case) -> None:
    consultation = services.send_consultation(
        case, handler, version=case.version, date=D(2025, 3, 7), party="临川市财政局", kind="agency"
    )
    case = Case.objects.get(pk=case.pk)
    choices = {c.key: c.name for c in letters.available(case)}
    assert choices[f"consultation:{consultation.pk}"] == "征求意见函（临川市财政局）"
    text = letters.fill(case, f"consultation:{consultation.pk}", D(2025, 3, 7)).as_text()
    assert "第三十四条" in text and "第三十二条" not in text
    assert "逾期未提出意见的，视为同意公开" in text and "贵机关" in text
