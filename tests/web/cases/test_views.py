"""The pages: intake, list (masked), case page and actions, letters, dashboards, export."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.web.cases import services
from gongkai.web.cases.models import Case, CaseEvent
from tests.web.conftest import PASSWORD, make_user

from .conftest import APPLICANT, D, register

pytestmark = pytest.mark.django_db


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def intake_data(**overrides: Any) -> dict[str, Any]:
    data = {
        **APPLICANT,
        "channel": "online",
        "submitted_on": "2025-03-03",
        "received_on": "2025-03-04",
        "token": "form-1",
    }
    return data | overrides


def test_intake_registers_and_explains_the_receipt(handler: Any) -> None:
    client = login(handler)
    page = client.get(reverse("cases:new")).content.decode()
    assert "以双方确认之日为收到申请之日" in page and 'name="token"' in page
    response = client.post(reverse("cases:new"), intake_data())
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:detail", args=[case.pk]
    )
    assert (case.channel, case.received) == ("online", D(2025, 3, 4))
    again = client.post(reverse("cases:new"), intake_data())  # double click
    assert again.status_code == 302 and Case.objects.count() == 1


def test_intake_needs_the_confirmation_date_and_a_contact(handler: Any) -> None:
    response = login(handler).post(
        reverse("cases:new"), intake_data(received_on="", phone="", email="", address="")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "请填写该日期" in html and "联系方式" in html
    assert not Case.objects.exists()


def test_intake_points_out_duplicates(handler: Any, case: Case, today: Any) -> None:
    today.day = D(2025, 4, 1)
    html = (
        login(handler)
        .post(
            reverse("cases:duplicates"),
            {
                "applicant_name": "张三丰",
                "id_number": APPLICANT["id_number"],
                "description": APPLICANT["description"],
            },
        )
        .content.decode()
    )
    assert "可能是重复申请" in html and case.number in html


def test_list_masks_names_and_filters(handler: Any, tree: Any, case: Case, today: Any) -> None:
    other = register(tree.city, handler, applicant_name="李四", submitted_on=D(2025, 2, 3))
    services.reply(
        other, handler, version=other.version, date=D(2025, 2, 10), outcome_key="granted"
    )
    client = login(handler)
    html = client.get(reverse("cases:list")).content.decode()
    assert "张**" in html and "张三丰" not in html and "李*" in html
    today.day = D(2025, 4, 2)
    overdue = client.get(reverse("cases:list"), {"overdue": "on"})
    assert [r.pk for r in overdue.context["rows"]] == [case.pk]
    assert [
        r.pk for r in client.get(reverse("cases:list"), {"outcome": "granted"}).context["rows"]
    ] == [other.pk]
    assert client.get(reverse("cases:list"), {"year": "2024"}).context["total"] == 0
    assert len(client.get(reverse("cases:list"), {"q": "老旧小区"}).context["rows"]) == 2
    assert client.get(reverse("cases:list"), {"handler": "none"}).context["total"] == 2
    today.day = D(2025, 3, 25)
    assert client.get(reverse("cases:list"), {"due_within": "5"}).context["total"] == 1
    assert client.get(reverse("cases:list"), {"due_within": "2"}).context["total"] == 0
    partial = client.get(
        reverse("cases:list"), {"state": "open"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in partial and case.number in partial and other.number not in partial


def test_case_page_explains_the_deadline(handler: Any, case: Case) -> None:
    html = login(handler).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "当面提交的，以提交之日为收到申请之日" in html
    assert "张三丰" in html and APPLICANT["id_number"] in html
    assert 'data-testid="action-reply"' in html


def test_supervisor_above_sees_the_case_masked_and_cannot_act(tree: Any, case: Case) -> None:
    boss = make_user("boss", "supervisor", tree.province)
    client = login(boss)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "张**" in html and "张三丰" not in html and APPLICANT["id_number"] not in html
    assert 'data-testid="actions"' not in html and 'data-testid="letters"' not in html
    response = client.post(
        reverse("cases:action", args=[case.pk, "withdraw"]), {"withdraw-version": case.version}
    )
    assert response.status_code == 403
    assert client.post(reverse("cases:letter", args=[case.pk, "receipt", "pdf"])).status_code == 403
    overview = client.get(reverse("cases:supervision"))
    assert overview.context["totals"]["open"] == 1 and "临川市人民政府" in overview.content.decode()


def test_other_agency_gets_404(tree: Any, case: Case) -> None:
    outsider = make_user("outsider", "head", tree.other_city)
    client = login(outsider)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("cases:list")).context["total"] == 0


def test_action_via_htmx_and_conflict_message(handler: Any, head: Any, case: Case) -> None:
    client = login(handler)
    seen = case.version
    url = reverse("cases:action", args=[case.pk, "correction"])
    data = {
        "correction-version": seen,
        "correction-date": "2025-03-05",
        "correction-items": "写明文号",
        "correction-token": "t1",
    }
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and "等待补正" in html
    # A colleague still looking at the old version tries to reply: refused, nothing written.
    events = CaseEvent.objects.filter(case=case).count()
    stale = {
        "reply-version": seen,
        "reply-date": "2025-03-06",
        "reply-outcome": "granted",
        "reply-token": "t2",
    }
    response = login(head).post(
        reverse("cases:action", args=[case.pk, "reply"]), stale, HTTP_HX_REQUEST="true"
    )
    assert response["X-Gongkai-Status"] == "409"
    assert "已被其他人修改" in response.content.decode()
    assert CaseEvent.objects.filter(case=case).count() == events
    assert Case.objects.get(pk=case.pk).outcome == ""


def test_action_error_keeps_the_form_and_frees_the_token(handler: Any, case: Case) -> None:
    client = login(handler)
    url = reverse("cases:action", args=[case.pk, "reply"])
    data = {
        "reply-version": case.version,
        "reply-date": "2025-03-06",
        "reply-outcome": "partial",
        "reply-token": "t9",
    }
    response = client.post(url, data)
    assert response.status_code == 400 and "不予公开的部分" in response.content.decode()
    data["reply-withheld_description"] = "第三方商业秘密"
    response = client.post(url, data)  # the letter must cite the article it is withheld under
    assert response.status_code == 400 and "不予公开部分的理由" in response.content.decode()
    data["reply-withheld_reason"] = "denied_4"
    assert client.post(url, data).status_code == 302
    assert Case.objects.get(pk=case.pk).outcome == "partial"
    assert client.post(url, data).status_code == 200  # the same form again: nothing new
    assert CaseEvent.objects.filter(case=case, kind="replied").count() == 1


def test_extension_approval_only_by_the_head(handler: Any, head: Any, case: Case) -> None:
    request = services.request_extension(
        case, handler, version=case.version, workdays=10, reason="档案量大"
    )
    case.refresh_from_db()
    data = {
        "extension_decide-version": case.version,
        "extension_decide-date": "2025-03-14",
        "extension_decide-approve": "1",
        "extension_decide-ref": request.pk,
    }
    url = reverse("cases:action", args=[case.pk, "extension_decide"])
    assert login(handler).post(url, data).status_code == 403
    assert (
        'data-testid="action-extension_decide"'
        in login(head).get(reverse("cases:detail", args=[case.pk])).content.decode()
    )
    assert login(head).post(url, data).status_code == 302
    assert CaseEvent.objects.filter(case=case, kind="extended").count() == 1


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_letters_download_and_are_filed(handler: Any, case: Case, fmt: str) -> None:
    services.reply(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 20),
        outcome_key="partial",
        withheld_description="涉及个人隐私的部分",
        withheld_reason="denied_4",
        provision_method="电子邮件",
    )
    client = login(handler)
    response = client.post(reverse("cases:letter", args=[case.pk, "reply_partial", fmt]))
    assert response.status_code == 200
    assert response.content[:4] == (b"PK\x03\x04" if fmt == "docx" else b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    again = client.post(reverse("cases:letter", args=[case.pk, "reply_partial", fmt]))
    assert again.content == response.content
    assert CaseEvent.objects.filter(case=case, kind="letter").count() == 1


def test_every_letter_type_of_a_full_case(handler: Any, head: Any, case: Case) -> None:
    services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 4), items=["写明年份"]
    )
    case.refresh_from_db()
    services.receive_correction(case, handler, version=case.version, date=D(2025, 3, 6))
    case.refresh_from_db()
    c = services.send_consultation(
        case, handler, version=case.version, date=D(2025, 3, 7), party="临川建工集团"
    )
    case.refresh_from_db()
    services.answer_consultation(c, handler, version=case.version, date=D(2025, 3, 12))
    case.refresh_from_db()
    services.send_fee_notice(
        case, handler, version=case.version, date=D(2025, 3, 13), scheme="per-volume", pages=40
    )
    case.refresh_from_db()
    services.record_payment(case, handler, version=case.version, date=D(2025, 3, 14))
    case.refresh_from_db()
    req = services.request_extension(
        case, handler, version=case.version, workdays=5, reason="需要汇总"
    )
    case.refresh_from_db()
    services.decide_extension(req, head, version=case.version, approve=True, date=D(2025, 3, 17))
    case.refresh_from_db()
    services.reply(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 20),
        outcome_key="unable_1",
        responsible_agency="临川市住建局",
    )
    from gongkai.web.cases import letters

    keys = [choice.key for choice in letters.available(case)]
    assert keys == [
        "receipt",
        "correction",
        "extension",
        "fee",
        f"consultation:{c.pk}",
        "reply_unable",
    ]
    for key in keys:
        _, content, letter = letters.make(case, key, "docx", D(2025, 3, 21))
        assert content[:2] == b"PK" and case.number in letter.as_text(), key


def test_dashboard_and_export(handler: Any, case: Case, today: Any) -> None:
    today.day = D(2025, 4, 2)
    client = login(handler)
    page = client.get(reverse("cases:dashboard"))
    assert page.context["counts"].overdue == 1
    assert case.number in page.content.decode()
    book = load_workbook(io.BytesIO(client.get(reverse("cases:export", args=["xlsx"])).content))
    rows = list(book.active.values)
    assert rows[0][0] == "编号" and rows[1][0] == case.number and rows[1][5] == "张**"
    text = client.get(reverse("cases:export", args=["csv"]), {"overdue": "on"}).content.decode(
        "utf-8-sig"
    )
    assert case.number in text and "张三丰" not in text


def test_reminders_notify_the_handler(
    handler: Any, case: Case, today: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    handler.email = "li@example.gov.cn"
    handler.save()
    services.assign(case, handler, handler, version=case.version)
    today.day = D(2025, 4, 2)
    with django_capture_on_commit_callbacks(execute=True):  # mail goes out on commit
        run = services.send_reminders()
    assert run.notified == 1 and run.emailed == 1
    assert "已超过答复期限" in mailoutbox[0].body
    assert services.send_reminders().notified == 0  # once a day
    html = login(handler).get(reverse("cases:notifications")).content.decode()
    assert case.number in html


def test_reminder_task_runs_on_the_queue(handler: Any, case: Case) -> None:
    from gongkai.web.cases.tasks import reminders

    assert "notified=" in reminders.call_local()


def test_template_editing_by_the_head(head: Any, handler: Any) -> None:
    url = reverse("cases:template", args=["receipt"])
    assert "只有本机关负责人" in login(handler).get(url).content.decode()
    client = login(head)
    bad = client.post(url, {"text": "# 回执\n{{ nonsense }}"})
    assert "未知字段" in bad.content.decode()
    ok = client.post(
        url,
        {
            "text": "# 受理回执（本机关）\n> {{ applicant }}：\n已于{{ received_date }}收到，{{ due_date }}前答复。{{ case_number }}{{ request_description }}"
        },
    )
    assert ok.status_code == 302
    assert "本机关已修改" in client.get(url).content.decode()


def test_review_points_to_the_correction_path(handler: Any, case: Case) -> None:
    client = login(handler)
    data = {
        "review-version": case.version,
        "review-complete": "on",
        "review-ours": "on",
        "review-token": "r1",
    }
    html = client.post(
        reverse("cases:action", args=[case.pk, "review"]), data, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "7个工作日内一次性告知补正" in html
    assert CaseEvent.objects.get(case=case, kind="reviewed").data == {
        "complete": True,
        "clear": False,
        "ours": True,
    }


def test_a_date_after_today_is_refused_with_both_dates(handler: Any, case: Case) -> None:
    """Today is 2025-03-14 (the fixture): a correction notice dated the 17th is a slip."""
    url = reverse("cases:action", args=[case.pk, "correction"])
    data = {
        "correction-version": case.version,
        "correction-date": "2025-03-17",
        "correction-items": "请写明项目名称",
        "correction-token": "t-future",
    }
    response = login(handler).post(url, data)
    assert response.status_code == 400
    assert "日期2025年3月17日晚于今天（2025年3月14日）" in response.content.decode()
    assert not CaseEvent.objects.filter(case=case, kind="correction_requested").exists()
