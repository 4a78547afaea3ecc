"""Following the case: look-up with the access code, throttling, what the page shows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Case
from gongkai.web.portal import services, throttling
from gongkai.web.portal.models import LookupFailure
from tests.web.portal.conftest import ID_NUMBER, D, post_application, submitted, unlock

pytestmark = pytest.mark.django_db


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def test_right_code_opens_the_status_page(tree: Any, handler: Any) -> None:
    application, code = submitted(tree.city)
    client = Client()
    assert client.get(f"/portal/track/{application.tracking_number}/").status_code == 302
    response = unlock(client, application, code.lower().replace("-", " "))  # as people type
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["status"].label == "已提交"
    assert "待机关确认" in page.content.decode()


def test_wrong_code_or_unknown_number_says_the_same(tree: Any, handler: Any) -> None:
    application, code = submitted(tree.city)
    client = Client()
    wrong = unlock(client, application, "AAAA-BBBB-CCCC")
    unknown = client.post(
        "/portal/track/", {"tracking_number": "20250303-ZZZZZZ", "access_code": code}
    )
    for response in (wrong, unknown):
        assert response.status_code == 400
        assert "查询号或查询码不正确" in response.content.decode()
    assert client.get(f"/portal/track/{application.tracking_number}/").status_code == 302


def test_lockout_after_five_failures(tree: Any, handler: Any) -> None:
    application, code = submitted(tree.city)
    client = Client()
    for _ in range(5):
        unlock(client, application, "AAAA-BBBB-CCCC")
    locked = unlock(client, application, code)  # even the right code, while locked
    assert locked.status_code == 400
    assert "已暂时锁定" in locked.content.decode()
    # another address is not locked out by this one
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert unlock(other, application, code).status_code == 302


def test_lock_ends_after_the_window(tree: Any, handler: Any) -> None:
    application, _code = submitted(tree.city)
    for _ in range(5):
        throttling.record_failure(application.tracking_number, "127.0.0.1")
    now = timezone.now()
    assert throttling.locked_until(application.tracking_number, "127.0.0.1", now) is not None
    later = now + dt.timedelta(minutes=16)
    assert throttling.locked_until(application.tracking_number, "127.0.0.1", later) is None
    assert throttling.purge_expired(later) == 5


def test_one_address_walking_through_numbers_is_locked(tree: Any, handler: Any) -> None:
    application, code = submitted(tree.city)
    client = Client()
    for n in range(20):
        client.post("/portal/track/", {"tracking_number": f"N{n}", "access_code": "X"})
    assert "已暂时锁定" in unlock(client, application, code).content.decode()


def test_success_clears_the_failures(tree: Any, handler: Any) -> None:
    application, code = submitted(tree.city)
    client = Client()
    for _ in range(4):
        unlock(client, application, "AAAA-BBBB-CCCC")
    assert unlock(client, application, code).status_code == 302
    assert not LookupFailure.objects.filter(tracking_number=application.tracking_number).exists()


def _full_case(tree: Any, handler: Any, head: Any, today: Any) -> tuple[Any, str, Case]:
    application, code = submitted(tree.city)
    today.day = D(2025, 3, 4)
    case = services.confirm_receipt(application, handler)
    case_services.assign(case, handler, handler, version=case.version)
    case = fresh(case)
    case_services.review(
        case,
        handler,
        version=case.version,
        complete=True,
        clear=True,
        ours=True,
        note="内部审核意见：申请人多次来电",
    )
    case_services.add_note(fresh(case), handler, "内部备注：请注意保密")
    case = fresh(case)
    case_services.send_consultation(
        case, handler, version=case.version, date=D(2025, 3, 5), party="临川建设集团有限公司"
    )
    return application, code, fresh(case)


def test_status_page_hides_internal_data_and_masks_personal_data(
    tree: Any, handler: Any, head: Any, today: Any
) -> None:
    application, code, _case = _full_case(tree, handler, head, today)
    today.day = D(2025, 3, 6)
    client = Client()
    unlock(client, application, code)
    html = client.get(f"/portal/track/{application.tracking_number}/").content.decode()
    assert "征求意见中" in html
    for internal in (
        "内部审核意见",
        "内部备注",
        "临川建设集团",  # the third party consulted
        handler.full_name,
        handler.username,
        "指定经办人",
        "审核",
    ):
        assert internal not in html, internal
    for personal in ("张三明", ID_NUMBER, "13812345678", "zhangsm@", "人民路"):
        assert personal not in html, personal
    assert "张**" in html
    assert "138****5678" in html
    assert "110***********002X" in html
    assert "z***@example.com" in html


def test_status_in_plain_chinese_through_the_case(
    tree: Any, handler: Any, head: Any, today: Any
) -> None:
    application, code = submitted(tree.city)
    client = Client()
    unlock(client, application, code)
    url = f"/portal/track/{application.tracking_number}/"

    def shown() -> Any:
        return client.get(url).context["status"]

    today.day = D(2025, 3, 4)
    case = services.confirm_receipt(application, handler)
    status = shown()
    assert status.label == "已受理"
    assert status.received == D(2025, 3, 4)
    assert status.reply_due == case.reply_due
    assert "双方确认之日" in status.received_reason

    case_services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 6), items=["请写明招标文件的项目名称"]
    )
    status = shown()
    assert status.label == "需补正"
    (todo,) = status.todos
    assert "请写明招标文件的项目名称" in todo.lines
    assert todo.due == case_services.compute(fresh(case)).correction_limit

    case = fresh(case)
    case_services.receive_correction(case, handler, version=case.version, date=D(2025, 3, 10))
    case = fresh(case)
    today.day = D(2025, 3, 11)
    case_services.send_fee_notice(
        case, handler, version=case.version, date=D(2025, 3, 11), scheme="per-volume", pages=50
    )
    status = shown()
    assert status.label == "待缴费"
    (todo,) = status.todos
    assert "应缴金额：" in todo.lines[0] and "元" in todo.lines[0]
    assert todo.due == case_services.compute(fresh(case)).fee_payment_limit

    case = fresh(case)
    case_services.record_payment(case, handler, version=case.version, date=D(2025, 3, 12))
    case = fresh(case)
    request = case_services.request_extension(
        case, handler, version=case.version, workdays=10, reason="需要调取档案"
    )
    case = fresh(case)
    case_services.decide_extension(
        request, head, version=case.version, approve=True, date=D(2025, 3, 12)
    )
    status = shown()
    assert status.label == "已延期"
    assert not status.todos
    assert any("延长 10 个工作日" in s.text for s in status.steps)
    assert "需要调取档案" not in client.get(url).content.decode()  # the internal reason

    case = fresh(case)
    case_services.reply(
        case, handler, version=case.version, date=D(2025, 3, 13), outcome_key="granted"
    )
    status = shown()
    assert status.label == "已答复"
    assert status.replied_on == D(2025, 3, 13)
    assert status.outcome.startswith("公开")

    case = fresh(case)
    case_services.record_service(
        case, handler, version=case.version, date=D(2025, 3, 13), method="email"
    )
    case = fresh(case)
    case_services.archive(case, handler, version=case.version, date=D(2025, 3, 14))
    status = shown()
    assert status.label == "已归档"
    assert [s.text for s in status.steps][-2:] == ["答复书已送达", "归档"]


def test_status_needs_the_code_in_this_browser(tree: Any, handler: Any) -> None:
    application, _ = submitted(tree.city)
    response = Client().get(f"/portal/track/{application.tracking_number}/receipt/")
    assert response.status_code == 302 and response["Location"] == "/portal/track/"


def test_code_is_shown_once_and_only_its_hash_is_stored(tree: Any, handler: Any) -> None:
    client = Client()
    response = post_application(client, tree.city)
    first = client.get(response["Location"])
    code = first.context["access_code"]
    assert code and code in first.content.decode()
    again = client.get(response["Location"])
    assert again.context["access_code"] is None
    application = again.context["application"]
    assert code not in application.access_code_hash
    assert code.replace("-", "") not in application.access_code_hash
    # the receipt page: printable, masked, no code
    receipt = client.get(f"/portal/track/{application.tracking_number}/receipt/").content.decode()
    assert "提交回执" in receipt and code not in receipt and "张**" in receipt
    assert "张三明" not in receipt and ID_NUMBER not in receipt


def test_a_case_reopened_after_a_review_is_shown_as_handled_again(
    tree: Any, handler: Any, today: Any
) -> None:
    application, code = submitted(tree.city)
    client = Client()
    unlock(client, application, code)
    url = f"/portal/track/{application.tracking_number}/"
    case = services.confirm_receipt(application, handler)
    case_services.reply(
        case, handler, version=case.version, date=D(2025, 3, 10), outcome_key="unable_1"
    )
    today.day = D(2025, 7, 2)
    case_services.reopen_after_review(
        fresh(case), by=handler, date=D(2025, 7, 1), reason="行政复议结果纠正，重新办理"
    )
    status = client.get(url).context["status"]
    assert status.label == "已受理" and not status.has_reply
    assert status.received == D(2025, 3, 3)  # the application's own receipt
    assert "重新办理" in status.received_reason
    assert status.reply_due == fresh(case).reply_due == D(2025, 7, 29)
    assert any("重新办理" in s.text for s in status.steps)
    assert "行政复议结果纠正，重新办理" not in client.get(url).content.decode()  # staff's words


def test_provisional_note_only_while_the_reply_is_awaited(
    tree: Any, handler: Any, today: Any
) -> None:
    # 2027: the State Council's holiday notice is not loaded, the due date is provisional
    today.day = D(2027, 3, 1)
    application, code = submitted(tree.city)
    client = Client()
    unlock(client, application, code)
    url = f"/portal/track/{application.tracking_number}/"
    case = services.confirm_receipt(application, handler)
    assert "暂定" in client.get(url).context["status"].reply_due_note
    today.day = D(2027, 3, 5)
    case_services.reply(
        fresh(case), handler, version=case.version, date=D(2027, 3, 5), outcome_key="granted"
    )
    assert "暂定" not in client.get(url).content.decode()
