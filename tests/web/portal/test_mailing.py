"""Mails of the portal: the applicant on submission, on acceptance (受理) and on the reply,
the agency's confirming staff on a new submission — only to addresses given, on commit."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import Case
from gongkai.web.portal import mailing, services
from gongkai.web.portal.models import OnlineApplication
from tests.web.conftest import make_user

from .conftest import FIELDS, D, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_mail(role_users: dict[str, Any], tree: Any) -> list[str]:
    """The city's staff who may confirm have addresses; so do the platform admin (no
    agency) and a handler of another agency, who are not told."""
    for role in ("handler", "head", "supervisor", "admin"):
        user = role_users[role]
        user.email = f"{role}@lc.example.gov.cn"
        user.save()
    make_user("no-mail", "handler", tree.city)  # no address: not mailed
    other = make_user("other", "handler", tree.other_city)
    other.email = "other@ny.example.gov.cn"
    other.save()
    return [f"{role}@lc.example.gov.cn" for role in ("handler", "head", "supervisor")]


def test_submission_mails_the_applicant_and_the_confirming_staff(
    tree: Any, staff_mail: list[str], mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application, code = submitted(tree.city)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {FIELDS["email"], *staff_mail}
    to_applicant = by_address[FIELDS["email"]]
    assert application.tracking_number in to_applicant.subject
    assert "临川市人民政府" in to_applicant.body and "/portal/track/" in to_applicant.body
    assert code not in to_applicant.body  # the access code is never mailed
    to_staff = by_address[staff_mail[0]]
    assert "待确认" in to_staff.subject and "/portal/inbox/" in to_staff.body
    assert FIELDS["id_number"] not in to_staff.body  # no personal data in staff mail


def test_no_applicant_mail_without_an_address_and_none_for_a_repeat(
    tree: Any, staff_mail: list[str], mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from gongkai.web.portal import codes

    token = codes.new_form_token()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(tree.city, token, {**FIELDS, "email": ""})
    assert sorted(m.to[0] for m in mailoutbox) == sorted(staff_mail)
    with django_capture_on_commit_callbacks(execute=True):
        again = services.submit(tree.city, token, {**FIELDS, "email": ""})
    assert again.repeated and len(mailoutbox) == len(staff_mail)


def test_confirmation_mails_the_received_day_and_the_due_date(
    tree: Any, handler: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    application, _ = submitted(tree.city)
    with django_capture_on_commit_callbacks(execute=True):
        case = services.confirm_receipt(application, handler, received_on=D(2025, 3, 3))
    (mail,) = mailoutbox
    assert mail.to == [FIELDS["email"]] and "已受理" in mail.subject
    assert "2025年3月3日" in mail.body
    assert f"{case.reply_due.year}年{case.reply_due.month}月{case.reply_due.day}日" in mail.body


def test_a_declined_or_failed_confirmation_mails_nothing(
    tree: Any, handler: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.exceptions import ValidationError

    application, _ = submitted(tree.city)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.confirm_receipt(application, handler, received_on=D(2025, 3, 1))
    assert mailoutbox == []


def _reply(case: Case, handler: Any, day: Any) -> None:
    case.refresh_from_db()
    case_services.reply(
        case,
        handler,
        version=case.version,
        date=day,
        outcome_key="granted",
        reply_detail="所申请的招标文件见附件。",
        provision_method="电子邮件",
    )


def test_the_reply_is_mailed_once_with_how_to_download_it(
    tree: Any, handler: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    application, _ = submitted(tree.city)
    case = services.confirm_receipt(application, handler, received_on=D(2025, 3, 3))
    with django_capture_on_commit_callbacks(execute=True):
        assert mailing.mail_replies() == 0  # not replied yet
        _reply(case, handler, D(2025, 3, 12))
        assert mailing.mail_replies() == 1
        assert mailing.mail_replies() == 0  # once
    (mail,) = mailoutbox
    assert "已答复" in mail.subject and application.tracking_number in mail.subject
    assert "2025年3月12日" in mail.body and "予以公开" in mail.body
    assert "文书下载" in mail.body and "/portal/track/" in mail.body
    # a later reply (after a review reopened the case) is mailed again
    Case.objects.filter(pk=case.pk).update(replied_on=D(2025, 6, 2))
    with django_capture_on_commit_callbacks(execute=True):
        assert mailing.mail_replies() == 1
    assert "2025年6月2日" in mailoutbox[-1].body


def test_a_reply_without_an_address_is_marked_and_not_mailed(
    tree: Any, handler: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    application, _ = submitted(tree.city, email="")
    case = services.confirm_receipt(application, handler, received_on=D(2025, 3, 3))
    _reply(case, handler, D(2025, 3, 12))
    with django_capture_on_commit_callbacks(execute=True):
        assert mailing.mail_replies() == 0
    assert mailoutbox == []
    assert OnlineApplication.objects.get(pk=application.pk).reply_mailed_on == D(2025, 3, 12)


def test_the_reply_task_is_scheduled_every_minute() -> None:
    import datetime as dt

    from huey.contrib.djhuey import HUEY

    import gongkai.web.portal.tasks  # noqa: F401 - registers the periodic tasks

    (task,) = [t for t in HUEY._registry.periodic_tasks if t.name.endswith("mail_replies")]
    minutes = [dt.datetime(2025, 3, 3, 10, m) for m in range(60)]
    assert all(task.validate_datetime(when) for when in minutes)


def test_a_declined_submission_mails_the_reason(
    tree: Any, handler: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    application, _ = submitted(tree.city)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(application, handler, reason="内容为咨询，不属于政府信息公开申请。")
    (mail,) = mailoutbox
    assert mail.to == [FIELDS["email"]] and "未受理" in mail.subject
    assert "内容为咨询，不属于政府信息公开申请。" in mail.body
