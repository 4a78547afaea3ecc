"""Issued letters never change; after the reply the registration changes only by a 更正."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import docx
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from gongkai.web.cases import services
from gongkai.web.cases.admin import AuditEntryAdmin
from gongkai.web.cases.models import AuditEntry, Case, CaseEvent, IssuedLetter
from gongkai.web.cases.services import letter_templates
from tests.web.conftest import PASSWORD, make_user

from .conftest import D

pytestmark = pytest.mark.django_db


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def replied(case: Case, handler: Any) -> Case:
    services.reply(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 20),
        outcome_key="granted",
        reply_detail="所申请的招标文件见附件。",
        provision_method="电子邮件",
    )
    return fresh(case)


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def staff_letter(client: Client, case: Case, key: str, fmt: str = "docx") -> bytes:
    response = client.post(reverse("cases:letter", args=[case.pk, key, fmt]))
    assert response.status_code == 200, response.get("Location")
    return bytes(response.content)


def test_editing_after_the_reply_is_refused(case: Case, handler: Any) -> None:
    case = replied(case, handler)
    with pytest.raises(ValidationError, match="更正登记信息"):
        services.edit_details(case, handler, version=case.version, applicant_name="张三")
    assert fresh(case).applicant_name == "张三丰"
    assert not case.events.filter(kind="edited").exists()


def test_the_edit_form_is_refused_after_the_reply(case: Case, handler: Any) -> None:
    case = replied(case, handler)
    client = login(handler)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'data-testid="correct-details"' in html and 'data-testid="edit-details"' not in html
    data = {f"edit-{name}": getattr(case, name) for name in services.EDITABLE_FIELDS} | {
        "edit-applicant_name": "张三",
        "edit-version": case.version,
    }
    response = client.post(reverse("cases:edit", args=[case.pk]), data)
    assert response.status_code == 400
    assert "案件已答复，登记信息不能再直接修改" in response.content.decode()
    assert fresh(case).applicant_name == "张三丰"


def test_a_correction_needs_a_reason(case: Case, handler: Any) -> None:
    case = replied(case, handler)
    with pytest.raises(ValidationError, match="请写明更正的理由"):
        services.correct_details(
            case, handler, version=case.version, reason="  ", applicant_name="张三"
        )
    assert fresh(case).applicant_name == "张三丰"


def test_a_correction_is_recorded_with_its_reason_and_old_and_new_values(
    case: Case, handler: Any
) -> None:
    case = replied(case, handler)
    reason = "申请人来电告知姓名登记有误，已核对身份证"
    services.correct_details(
        case, handler, version=case.version, reason=reason, applicant_name="张三", phone="139"
    )
    case = fresh(case)
    assert (case.applicant_name, case.phone) == ("张三", "139")
    event = case.events.get(kind="corrected")
    assert event.data == {"fields": ["applicant_name", "phone"], "reason": reason}
    entry = AuditEntry.objects.get(case=case, action="correct_details")
    assert entry.changes == {
        "applicant_name": {"from": "张三丰", "to": "张三"},
        "phone": {"from": "13800000000", "to": "139"},
        "reason": reason,
    }


def test_edits_before_the_reply_keep_old_and_new_values(case: Case, handler: Any) -> None:
    services.edit_details(case, handler, version=case.version, form_wanted="paper")
    entry = AuditEntry.objects.get(case=case, action="edit_details")
    assert entry.changes == {"form_wanted": {"from": "electronic", "to": "paper"}}


def test_the_case_page_shows_the_change_in_chinese_to_staff_and_masked_above(
    tree: Any, case: Case, handler: Any
) -> None:
    case = replied(case, handler)
    services.correct_details(
        case,
        handler,
        version=case.version,
        reason="姓名登记有误",
        applicant_name="张三",
        form_wanted="paper",
    )
    html = login(handler).get(reverse("cases:detail", args=[case.pk])).content.decode()
    log = html[html.index('data-testid="change-log"') :]
    log = log[: log.index("</table>")]
    assert "更正登记信息" in log and "姓名登记有误" in log
    assert "申请人姓名或名称</span> 张三丰 → 张三" in log
    assert "信息的指定提供载体形式</span> 电子文档 → 纸质" in log
    assert "applicant_name" not in log and "form_wanted" not in log
    events = html[html.index('data-testid="event-log"') :]
    assert "修改项</span> 申请人姓名或名称、信息的指定提供载体形式" in events

    boss = make_user("boss", "supervisor", tree.province)
    above = login(boss).get(reverse("cases:detail", args=[case.pk])).content.decode()
    log = above[above.index('data-testid="change-log"') :]
    assert "张三丰" not in above and "张** → 张*" in log
    assert "电子文档 → 纸质" in log  # not personal data


def test_the_admin_shows_audit_changes_without_personal_data(case: Case, handler: Any) -> None:
    case = replied(case, handler)
    services.correct_details(
        case, handler, version=case.version, reason="号码有误", phone="13900000000"
    )
    entry = AuditEntry.objects.get(case=case, action="correct_details")
    shown = AuditEntryAdmin(AuditEntry, None).changes_masked(entry)  # type: ignore[arg-type]
    assert "联系电话" in shown and "号码有误" in shown
    assert "13800000000" not in shown and "13900000000" not in shown


def test_a_correction_does_not_change_the_issued_reply(case: Case, handler: Any, head: Any) -> None:
    case = replied(case, handler)
    client = login(handler)
    first = staff_letter(client, case, "reply_granted")
    assert "张三丰" in docx_text(first)
    case = fresh(case)
    services.correct_details(
        case, handler, version=case.version, reason="姓名有误", applicant_name="张三"
    )
    letter_templates.save_template(
        case.agency, head, "reply_granted", "# 改过的模板\n{{ applicant }}：改过了。"
    )
    again = staff_letter(client, fresh(case), "reply_granted")
    assert again == first
    # the PDF, made later, is made from the same frozen text
    pdf = staff_letter(client, fresh(case), "reply_granted", "pdf")
    assert pdf.startswith(b"%PDF")
    issued = IssuedLetter.objects.get(case=case)
    assert issued.key == "reply_granted" and "张三丰" in issued.letter().as_text()
    files = {f.content_type: f for f in issued.files.all()}
    assert len(files) == 2
    for f in files.values():
        assert f.sha256 == hashlib.sha256(bytes(f.content)).hexdigest()
    assert CaseEvent.objects.filter(case=case, kind="letter").count() == 2  # one per format


def extend(case: Case, handler: Any, head: Any, workdays: int, day: Any) -> Case:
    services.request_extension(
        case, handler, version=case.version, workdays=workdays, reason="档案"
    )
    case = fresh(case)
    pending = case.extensions.get(approved__isnull=True)
    services.decide_extension(pending, head, version=case.version, approve=True, date=day)
    return fresh(case)


def test_a_new_event_is_a_new_letter(case: Case, handler: Any, head: Any) -> None:
    client = login(handler)
    case = extend(case, handler, head, 5, D(2025, 3, 10))
    first = staff_letter(client, case, "extension")
    assert staff_letter(client, fresh(case), "extension") == first
    case = extend(case, handler, head, 5, D(2025, 3, 12))
    second = staff_letter(client, case, "extension")
    assert "5个工作日" in docx_text(first).replace(" ", "")
    assert second != first
    assert IssuedLetter.objects.filter(case=case, key="extension").count() == 2


def test_a_letter_the_case_does_not_have_is_refused(case: Case, handler: Any) -> None:
    case = replied(case, handler)  # granted: its letter is reply_granted only
    response = login(handler).post(reverse("cases:letter", args=[case.pk, "reply_denied", "docx"]))
    assert response.status_code == 302
    assert not IssuedLetter.objects.filter(case=case).exists()


def test_the_registration_form_checks_the_id_number_before_the_reply(
    case: Case, handler: Any
) -> None:
    client = login(handler)
    data = {f"edit-{name}": getattr(case, name) for name in services.EDITABLE_FIELDS} | {
        "edit-id_number": "110101199003071234",
        "edit-version": case.version,
    }
    response = client.post(reverse("cases:edit", args=[case.pk]), data)
    assert response.status_code == 400
    assert "居民身份证号码校验位不正确" in response.content.decode()
    assert fresh(case).id_number == "110101199003071233"


def _online_case(tree: Any, handler: Any, today: Any) -> tuple[Case, Client, str]:
    from gongkai.web.portal import services as portal_services
    from tests.web.portal.conftest import submitted, unlock

    today.day = D(2025, 3, 3)
    application, code = submitted(tree.city)
    today.day = D(2025, 3, 4)
    case = portal_services.confirm_receipt(application, handler)
    today.day = D(2025, 3, 20)
    applicant = Client()
    unlock(applicant, application, code)
    return case, applicant, f"/portal/track/{application.tracking_number}/letters/"


def test_the_portal_serves_the_issued_reply_after_a_correction(
    tree: Any, handler: Any, today: Any
) -> None:
    case, applicant, letters_url = _online_case(tree, handler, today)
    case = replied(fresh(case), handler)
    staff = staff_letter(login(handler), case, "reply_granted")
    first = applicant.get(letters_url + "reply_granted.docx")
    assert first.status_code == 200 and first.content == staff
    case = fresh(case)
    services.correct_details(
        case, handler, version=case.version, reason="姓名有误", applicant_name="张三"
    )
    again = applicant.get(letters_url + "reply_granted.docx")
    assert again.content == staff and "张三明" in docx_text(again.content)


def test_a_letter_first_made_for_the_applicant_is_the_one_staff_get(
    tree: Any, handler: Any, today: Any
) -> None:
    case, applicant, letters_url = _online_case(tree, handler, today)
    case = replied(fresh(case), handler)
    downloaded = applicant.get(letters_url + "reply_granted.pdf")
    assert downloaded.status_code == 200 and downloaded.content.startswith(b"%PDF")
    issued = IssuedLetter.objects.get(case=case)
    assert issued.issued_by is None  # made for the applicant's download
    case = fresh(case)
    services.correct_details(
        case, handler, version=case.version, reason="姓名有误", applicant_name="张三"
    )
    assert staff_letter(login(handler), fresh(case), "reply_granted", "pdf") == downloaded.content
    html = login(handler).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "申请人在线下载时出具" in html
