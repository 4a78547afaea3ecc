"""Corrections (补正) sent on the portal: the applicant submits from the status page, staff
confirm receipt in the inbox (the case records the correction on that day and the reply
clock restarts from it, Art. 30/31) or decline with a reason the applicant reads."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai import uploads
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Case, CaseDocument
from gongkai.web.portal import codes, services
from gongkai.web.portal.models import OnlineApplication, OnlineCorrection
from gongkai.web.portal.services import corrections
from tests.web.conftest import PASSWORD, make_user
from tests.web.portal.conftest import submitted, unlock

pytestmark = pytest.mark.django_db
D = dt.date
TEXT = "所需信息为2024年临川市老旧小区改造一期工程（人民路片区）的招标文件。"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def logged_in(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def awaiting(tree: Any, handler: Any, today: Any) -> tuple[OnlineApplication, str, Case]:
    """An online application confirmed on 3 March; a correction requested on 5 March."""
    application, code = submitted(tree.city)
    case = services.confirm_receipt(application, handler)
    today.day = D(2025, 3, 5)
    event = case_services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 5), items=["请写明项目名称"]
    )
    case = fresh(case)  # the notice is served online the same day: the limit runs from it
    case_services.record_notice_service(
        case, handler, version=case.version, date=D(2025, 3, 5), notice=event.seq, method="online"
    )
    return application, code, fresh(case)


def applicant_for(application: OnlineApplication, code: str) -> Client:
    client = Client()
    unlock(client, application, code)
    return client


def status_url(application: OnlineApplication) -> str:
    return f"/portal/track/{application.tracking_number}/"


def send(client: Client, application: OnlineApplication, **data: Any) -> Any:
    """GET the status page (for the form's token), then POST the correction."""
    page = client.get(status_url(application))
    token = page.context["correction_form"].initial["token"]
    return client.post(
        f"{status_url(application)}correction/", {"token": token, **data}, format="multipart"
    )


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_submit_then_staff_confirm_restarts_the_reply_clock(
    awaiting: Any, handler: Any, today: Any
) -> None:
    application, code, case = awaiting
    client = applicant_for(application, code)
    page = client.get(status_url(application))
    assert page.context["status"].label == "需补正"
    assert 'data-testid="correction-form"' in page.content.decode()

    today.day = D(2025, 3, 6)
    response = send(
        client, application, text=TEXT, attachment=SimpleUploadedFile("补正说明.pdf", PDF)
    )
    assert response.status_code == 302
    pending = OnlineCorrection.objects.get()
    assert pending.pending and pending.text == TEXT and pending.file_type == "application/pdf"
    assert bytes(pending.file_content) == PDF and pending.submitted_on == D(2025, 3, 6)
    page = client.get(status_url(application))
    assert page.context["status"].label == "补正材料已提交（待机关确认）"
    html = page.content.decode()
    assert 'data-testid="correction-pending"' in html
    assert 'data-testid="correction-form"' not in html  # one pending at a time
    assert fresh(case).events.filter(kind="correction_received").count() == 0

    staff = logged_in(handler)
    inbox = staff.get("/portal/inbox/")
    assert [row["correction"] for row in inbox.context["correction_rows"]] == [pending]
    assert staff.get(f"/portal/inbox/corrections/{pending.pk}/file/").content == PDF

    today.day = D(2025, 3, 10)
    response = staff.post(
        f"/portal/inbox/corrections/{pending.pk}/confirm/",
        {f"c{pending.pk}-received_on": "2025-03-07"},
    )
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.pk}/"
    case = fresh(case)
    (event,) = case.events.filter(kind="correction_received")
    assert event.date == D(2025, 3, 7) and TEXT in event.data["note"]
    # the restarted reply due date is the clock's: 20 workdays from the day received
    expected = case_services.compute(case).reply_due
    assert case.reply_due == expected and expected > D(2025, 3, 7)
    assert case.reply_due != awaiting[2].reply_due
    document = CaseDocument.objects.get(case=case, name="补正说明.pdf")
    assert bytes(document.content) == PDF
    stored = OnlineCorrection.objects.get()
    assert stored.confirmed_by == handler and stored.received_on == D(2025, 3, 7)
    assert staff.get("/portal/inbox/").context["correction_rows"] == []
    # the applicant sees the normal state again, and no form
    page = client.get(status_url(application))
    assert page.context["status"].key == "accepted"
    assert page.context["correction"] is None
    # confirming twice is refused
    with pytest.raises(Exception, match="已确认收到"):
        corrections.confirm(stored, handler)
    assert case.events.filter(kind="correction_received").count() == 1


def test_decline_shows_the_reason_and_reopens_the_form(
    awaiting: Any, handler: Any, today: Any
) -> None:
    application, code, case = awaiting
    client = applicant_for(application, code)
    send(client, application, text=TEXT)
    pending = OnlineCorrection.objects.get()
    staff = logged_in(handler)
    empty = staff.post(
        f"/portal/inbox/corrections/{pending.pk}/decline/", {f"cd{pending.pk}-reason": ""}
    )
    assert empty.status_code == 302 and OnlineCorrection.objects.get().pending
    reason = "补正内容未写明项目名称，请按补正告知补充。"
    staff.post(
        f"/portal/inbox/corrections/{pending.pk}/decline/", {f"cd{pending.pk}-reason": reason}
    )
    stored = OnlineCorrection.objects.get()
    assert not stored.pending and stored.decline_reason == reason
    assert fresh(case).events.filter(kind="correction_received").count() == 0
    page = client.get(status_url(application))
    assert page.context["status"].label == "需补正"
    html = page.content.decode()
    assert reason in html and 'data-testid="correction-form"' in html
    send(client, application, text=TEXT + "（已补充）")
    assert OnlineCorrection.objects.filter(confirmed_at=None, declined_at=None).count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "  "}, "请填写补正内容。"),
        ({"text": TEXT, "attachment": ("空.pdf", b"")}, "是空文件"),
        ({"text": TEXT, "attachment": ("程序.pdf", b"MZ\x90\x00\x03\x00")}, "文件类型不支持"),
        ({"text": TEXT, "attachment": ("说明.pdf", "纯文本".encode())}, "与文件扩展名不符"),
    ],
)
def test_validation_errors(awaiting: Any, data: dict[str, Any], message: str) -> None:
    application, code, _ = awaiting
    client = applicant_for(application, code)
    if "attachment" in data:
        name, content = data["attachment"]
        data = {**data, "attachment": SimpleUploadedFile(name, content)}
    response = send(client, application, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert OnlineCorrection.objects.count() == 0


def test_oversized_file_is_refused(awaiting: Any) -> None:
    application, code, _ = awaiting
    client = applicant_for(application, code)
    big = SimpleUploadedFile("大.pdf", PDF + b"0" * uploads.MAX_BYTES)
    response = send(client, application, text=TEXT, attachment=big)
    assert response.status_code == 400
    assert "超过 10 MB 的限制" in response.content.decode()
    assert OnlineCorrection.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.pdf", PDF, "PDF"),
        ("a.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "JPG"),
        ("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
        ("a.docx", docx_bytes(), "DOCX"),
        ("a.txt", "补正说明".encode("gb18030"), "TXT"),
    ],
)
def test_allowed_types_by_signature(name: str, content: bytes, kind: str) -> None:
    assert uploads.kind_of(name, content).label == kind


def test_a_zip_renamed_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("x.txt", "x")
    with pytest.raises(uploads.FileProblem, match="不支持"):
        uploads.kind_of("a.docx", buffer.getvalue())


def test_not_offered_without_a_correction_request(tree: Any, handler: Any) -> None:
    application, code = submitted(tree.city)
    client = applicant_for(application, code)
    page = client.get(status_url(application))  # not yet confirmed
    assert page.context["correction"] is None
    services.confirm_receipt(application, handler)
    page = client.get(status_url(application))
    assert page.context["correction"] is None
    assert 'data-testid="correction' not in page.content.decode()
    token = codes.new_form_token()
    client.post(f"{status_url(application)}correction/", {"token": token, "text": TEXT})
    assert OnlineCorrection.objects.count() == 0


def test_closed_after_the_correction_limit(awaiting: Any, today: Any) -> None:
    application, code, case = awaiting
    limit = case_services.compute(case).correction_limit
    assert limit is not None
    today.day = limit + dt.timedelta(days=1)
    client = applicant_for(application, code)
    page = client.get(status_url(application))
    html = page.content.decode()
    assert 'data-testid="correction-form"' not in html
    assert "网上补正已关闭" in html and "补正期限已于" in html
    token = codes.new_form_token()
    response = client.post(f"{status_url(application)}correction/", {"token": token, "text": TEXT})
    assert response.status_code == 302
    assert OnlineCorrection.objects.count() == 0


def test_double_submit_creates_one_record(awaiting: Any) -> None:
    application, code, _ = awaiting
    client = applicant_for(application, code)
    page = client.get(status_url(application))
    token = page.context["correction_form"].initial["token"]
    url = f"{status_url(application)}correction/"
    first = client.post(url, {"token": token, "text": TEXT})
    second = client.post(url, {"token": token, "text": TEXT})
    assert first.status_code == second.status_code == 302
    assert OnlineCorrection.objects.count() == 1
    # another form while one is pending is refused too
    other = client.post(url, {"token": codes.new_form_token(), "text": TEXT})
    assert other.status_code == 302
    assert OnlineCorrection.objects.count() == 1
    with pytest.raises(Exception, match="等待机关确认"):
        corrections.submit(application, codes.new_form_token(), TEXT, None)


def test_needs_the_access_code_in_the_session_and_csrf(awaiting: Any) -> None:
    application, code, _ = awaiting
    url = f"{status_url(application)}correction/"
    stranger = Client()
    response = stranger.post(url, {"token": codes.new_form_token(), "text": TEXT})
    assert response.status_code == 302 and response["Location"] == "/portal/track/"
    assert OnlineCorrection.objects.count() == 0
    strict = Client(enforce_csrf_checks=True)
    unlock_page = strict.get("/portal/track/")
    strict.post(
        "/portal/track/",
        {
            "tracking_number": application.tracking_number,
            "access_code": code,
            "csrfmiddlewaretoken": unlock_page.context["csrf_token"],
        },
    )
    assert strict.get(status_url(application)).status_code == 200
    refused = strict.post(url, {"token": codes.new_form_token(), "text": TEXT})
    assert refused.status_code == 403
    assert OnlineCorrection.objects.count() == 0


def test_staff_of_another_agency_cannot_confirm(awaiting: Any, tree: Any) -> None:
    application, code, _ = awaiting
    send(applicant_for(application, code), application, text=TEXT)
    pending = OnlineCorrection.objects.get()
    outsider = make_user("outsider", "handler", tree.other_city)
    staff = logged_in(outsider)
    assert staff.get("/portal/inbox/").context["correction_rows"] == []
    response = staff.post(
        f"/portal/inbox/corrections/{pending.pk}/confirm/",
        {f"c{pending.pk}-received_on": "2025-03-05"},
    )
    assert response.status_code in (403, 404)
    assert OnlineCorrection.objects.get().pending
