"""Mail texts are data, delivery waits for the commit and goes through the queue, the file
backend keeps one readable message per file, and only the system admin reads the outbox."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core import mail as django_mail
from django.test import Client

from gongkai.web.mail import compose, outbox, services
from gongkai.web.mail.backends import FileBackend
from tests.web.conftest import PASSWORD

FILE_BACKEND = "gongkai.web.mail.backends.FileBackend"

CONTEXTS: dict[str, dict[str, Any]] = {
    "portal_submitted": {"tracking_number": "20250303-ABC123", "agency": "临川市人民政府"},
    "portal_confirmed": {"tracking_number": "20250303-ABC123", "agency": "临川市人民政府"},
    "portal_replied": {"tracking_number": "20250303-ABC123", "agency": "临川市人民政府"},
    "portal_declined": {"tracking_number": "20250303-ABC123", "reason": "不属于政府信息公开申请"},
    "staff_submission": {"tracking_number": "20250303-ABC123", "agency": "临川市人民政府"},
    "staff_reminders": {"lines": ["2025-001：已超过答复期限 2025-03-31"], "day": dt.date.today()},
}


@pytest.mark.parametrize("name", sorted(CONTEXTS))
def test_every_text_has_a_chinese_subject_and_body(name: str) -> None:
    mail = compose.render(name, CONTEXTS[name])
    assert mail.subject and "\n" not in mail.subject
    assert "本邮件由系统自动发送" in mail.body
    values = [v for v in CONTEXTS[name].values() if isinstance(v, str)]
    assert all(v in mail.subject + mail.body for v in values)


def test_the_texts_are_the_files_and_an_unknown_one_is_refused() -> None:
    assert set(compose.names()) == set(CONTEXTS)
    with pytest.raises(ValueError, match="unknown mail text"):
        compose.render("nonexistent", {})


def test_plain_text_is_not_html_escaped() -> None:
    mail = compose.render("staff_submission", {"agency": "A&B <局>", "tracking_number": "x"})
    assert "A&B <局>" in mail.subject


def test_mail_is_queued_on_commit_one_per_address(
    db: None, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        count = services.send(
            "staff_submission", CONTEXTS["staff_submission"], ["a@x.cn", "", "b@x.cn", "a@x.cn"]
        )
        assert count == 2 and mailoutbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mailoutbox) == ["a@x.cn", "b@x.cn"]
    assert all(len(m.to) == 1 for m in mailoutbox)  # staff never see each other's address
    assert services.send("staff_submission", {}, ["", "  "]) == 0


def test_links_use_the_site_address(settings: Any) -> None:
    settings.GONGKAI_SITE_URL = "https://gongkai.example.gov.cn/"
    assert services.absolute("/portal/track/") == "https://gongkai.example.gov.cn/portal/track/"


def test_file_backend_keeps_one_readable_file_per_message(tmp_path: Path, settings: Any) -> None:
    settings.EMAIL_BACKEND = FILE_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path
    first = django_mail.EmailMessage(
        "答复通知 一", "您好：\n答复书已可下载。", "a@gov.cn", ["x@y.cn"]
    )
    second = django_mail.EmailMessage("答复通知 二", "第二封", "a@gov.cn", ["z@y.cn"])
    assert FileBackend().send_messages([first, second]) == 2
    assert len(list(tmp_path.glob("*.eml"))) == 2 and not list(tmp_path.glob(".*"))
    mails = outbox.sent_mails()
    assert {m.subject for m in mails} == {"答复通知 一", "答复通知 二"}
    one = next(m for m in mails if m.to == "x@y.cn")
    assert one.body == "您好：\n答复书已可下载。" and one.sent_at is not None


def test_outbox_is_empty_when_mail_is_not_kept_in_files(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert outbox.folder() is None and outbox.sent_mails() == []


def _login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_only_the_system_admin_reads_the_outbox(
    role_users: dict[str, Any], tmp_path: Path, settings: Any
) -> None:
    settings.EMAIL_BACKEND = FILE_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path
    django_mail.send_mail("网上申请待确认", "请确认收到。", "a@gov.cn", ["li@lc.gov.cn"])
    page = _login(role_users["admin"]).get("/mail/")
    html = page.content.decode()
    assert page.status_code == 200 and "已发送的邮件" in html
    assert "网上申请待确认" in html and "li@lc.gov.cn" in html and "请确认收到。" in html
    for role in ("handler", "head", "supervisor"):
        refused = _login(role_users[role]).get("/mail/")
        assert refused.status_code == 403 and "li@lc.gov.cn" not in refused.content.decode()
    assert Client().get("/mail/").status_code == 302  # to the login page


def test_outbox_page_says_when_no_copy_is_kept(role_users: dict[str, Any], settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    html = _login(role_users["admin"]).get("/mail/").content.decode()
    assert "平台不保存副本" in html and "还没有发送过邮件" in html


def test_the_admin_home_links_the_outbox(role_users: dict[str, Any]) -> None:
    html = _login(role_users["admin"]).get("/").content.decode()
    assert 'href="/mail/"' in html
    assert 'href="/mail/"' not in _login(role_users["handler"]).get("/").content.decode()
