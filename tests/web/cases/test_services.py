"""End to end through the services: every clock event, every outcome, the integrity rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.calendar import default_calendar
from gongkai.outcomes import outcome
from gongkai.web.cases import services
from gongkai.web.cases.choices import OUTCOME_KEYS
from gongkai.web.cases.models import AppendOnlyError, AuditEntry, Case, CaseEvent
from gongkai.web.cases.statistics import application_records
from tests.web.conftest import make_user

from .conftest import D, register, serve

pytestmark = pytest.mark.django_db


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def add(day: dt.date, n: int) -> dt.date:
    return default_calendar().add_workdays(day, n)


def test_in_person_receipt_is_the_day_of_submission(case: Case) -> None:
    assert case.received == D(2025, 3, 3)
    assert case.reply_due == D(2025, 3, 31)  # 20 working days, counted from the next day
    assert case.state == "awaiting_correction" or case.state == "running"
    assert case.number == "依申请〔2025〕1号"
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == ["registered", "submitted"]
    assert AuditEntry.objects.filter(case=case, action="registered").exists()


def test_numbers_run_per_agency_and_year(tree: Any, handler: Any, case: Case) -> None:
    second = register(tree.city, handler, applicant_name="李四")
    assert second.number == "依申请〔2025〕2号"


@pytest.mark.parametrize(
    ("channel", "event"),
    [
        ("registered_post", "signed_for"),
        ("ordinary_letter", "confirmed"),
        ("online", "confirmed"),
        ("fax", "confirmed"),
    ],
)
def test_receipt_follows_the_channel(tree: Any, handler: Any, channel: str, event: str) -> None:
    with pytest.raises(ValidationError, match="收到申请之日"):
        register(tree.city, handler, channel=channel)
    case = register(tree.city, handler, channel=channel, received_on=D(2025, 3, 5))
    assert case.received == D(2025, 3, 5)
    assert case.events.filter(kind=event, date=D(2025, 3, 5)).exists()
    assert case.reply_due == add(D(2025, 3, 5), 20)


def test_receipt_before_submission_is_refused(tree: Any, handler: Any) -> None:
    with pytest.raises(ValidationError, match="早于提交申请之日"):
        register(tree.city, handler, channel="online", received_on=D(2025, 3, 1))


@pytest.mark.parametrize("key", sorted(OUTCOME_KEYS - {"other_1", "other_2"}))
def test_each_outcome_concludes_the_case_once(case: Case, handler: Any, key: str) -> None:
    details = {"withheld_description": "涉及第三方个人信息的部分"} if key == "partial" else {}
    if key == "other_3":
        details["reply_detail"] = "申请人撤回"
    services.reply(
        case, handler, version=case.version, date=D(2025, 3, 20), outcome_key=key, **details
    )
    case = fresh(case)
    assert (case.state, case.outcome, case.replied_on) == ("replied", key, D(2025, 3, 20))
    event = case.events.get(kind="replied")
    assert event.data["outcome"] == key and event.data.get("basis", "") == outcome(key).basis
    with pytest.raises(ValidationError, match="已答复"):
        services.reply(
            case, handler, version=case.version, date=D(2025, 3, 21), outcome_key="granted"
        )
    (record,) = application_records([case.agency_id])
    assert (record.id, record.outcome, record.concluded) == (str(case.pk), key, D(2025, 3, 20))


def test_partial_needs_the_withheld_part(case: Case, handler: Any) -> None:
    with pytest.raises(ValidationError, match="不予公开的部分"):
        services.reply(
            case, handler, version=case.version, date=D(2025, 3, 20), outcome_key="partial"
        )


def test_correction_restarts_the_clock(case: Case, handler: Any) -> None:
    services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 5), items=["请写明文件名称"]
    )
    case = fresh(case)
    assert case.state == "awaiting_correction"
    services.receive_correction(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 12),
        description="临川市2024年老旧小区改造招标文件",
    )
    case = fresh(case)
    assert case.state == "running"
    assert case.reply_due == add(D(2025, 3, 12), 20)
    assert case.description.startswith("临川市2024年")


def test_second_correction_notice_is_refused(case: Case, handler: Any) -> None:
    services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 5), items=["a"]
    )
    case = fresh(case)
    services.receive_correction(case, handler, version=case.version, date=D(2025, 3, 6))
    case = fresh(case)
    with pytest.raises(ValidationError, match="一次性告知"):
        services.request_correction(
            case, handler, version=case.version, date=D(2025, 3, 7), items=["b"]
        )
    assert fresh(case).version == case.version  # the refused event changed nothing


def test_consultation_pauses_and_resumes(case: Case, handler: Any) -> None:
    c = services.send_consultation(
        case, handler, version=case.version, date=D(2025, 3, 10), party="临川建工集团"
    )
    case = fresh(case)
    assert case.state == "paused"
    c.refresh_from_db()
    assert c.limit is None  # the third party's 15 days run from receiving the letter
    serve(case, handler, "consultation_sent", D(2025, 3, 11), method="post")
    case = fresh(case)
    c.refresh_from_db()
    assert c.limit == add(D(2025, 3, 11), 15)
    remaining = default_calendar().workdays_between(D(2025, 3, 10), D(2025, 3, 31))
    services.answer_consultation(
        c,
        handler,
        version=case.version,
        date=D(2025, 3, 17),
        opinion="不同意公开报价",
        agrees=False,
    )
    case = fresh(case)
    assert case.state == "running"
    assert case.reply_due == add(D(2025, 3, 17), remaining)
    c.refresh_from_db()
    assert c.answered_on == D(2025, 3, 17) and c.agrees is False


def test_fee_notice_and_payment(case: Case, handler: Any) -> None:
    with pytest.raises(ValidationError, match="不收费"):
        services.send_fee_notice(
            case, handler, version=case.version, date=D(2025, 3, 6), scheme="per-application"
        )
    services.send_fee_notice(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 6),
        scheme="per-volume",
        pages=50,
        payment_method="银行转账",
    )
    case = fresh(case)
    event = case.events.get(kind="fee_notice_sent")
    assert event.data["amount"] == 200 and event.data["scheme"] == "per-volume"
    assert case.state == "paused"
    services.record_payment(case, handler, version=case.version, date=D(2025, 3, 10))
    case = fresh(case)
    assert case.state == "running" and case.reply_due > D(2025, 3, 31)


def test_extension_needs_the_head(case: Case, handler: Any, head: Any) -> None:
    request = services.request_extension(
        case, handler, version=case.version, workdays=20, reason="需要检索大量档案"
    )
    case = fresh(case)
    with pytest.raises(PermissionDenied, match="负责人"):
        services.decide_extension(
            request, handler, version=case.version, approve=True, date=D(2025, 3, 25)
        )
    services.decide_extension(
        request, head, version=case.version, approve=True, date=D(2025, 3, 25)
    )
    case = fresh(case)
    assert case.reply_due == add(D(2025, 3, 31), 20)
    event = case.events.get(kind="extended")
    assert event.data["workdays"] == 20 and event.actor == head
    with pytest.raises(ValidationError, match="合计最长20个工作日"):  # the cap is on the total
        services.request_extension(case, handler, version=case.version, workdays=5, reason="再延")


def test_extension_longer_than_the_law_allows(case: Case, handler: Any) -> None:
    with pytest.raises(ValidationError, match="最长20个工作日"):
        services.request_extension(case, handler, version=case.version, workdays=21, reason="x")


def test_deemed_withdrawal_after_no_correction(case: Case, handler: Any) -> None:
    services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 5), items=["写明文号"]
    )
    serve(case, handler, "correction_requested", D(2025, 3, 5))
    case = fresh(case)
    assert case.state == "awaiting_correction"
    limit = add(D(2025, 3, 5), 15)
    with pytest.raises(ValidationError, match="尚未届满"):
        services.confirm_withdrawal(case, handler, version=case.version, date=limit)
    services.confirm_withdrawal(
        case, handler, version=case.version, date=limit + dt.timedelta(days=1)
    )
    case = fresh(case)
    assert (case.outcome, case.state) == ("other_1", "replied")
    assert case.events.get(kind="replied").data["deemed_withdrawal"] is True


def test_deemed_withdrawal_after_no_payment(case: Case, handler: Any, today: Any) -> None:
    services.send_fee_notice(
        case, handler, version=case.version, date=D(2025, 3, 6), scheme="per-volume", pages=120
    )
    serve(case, handler, "fee_notice_sent", D(2025, 3, 6), method="email")
    case = fresh(case)
    assert case.withdrawal_outcome == ""
    today.day = D(2025, 6, 1)
    assert services.refresh_open_cases() == 1
    case = fresh(case)
    assert case.withdrawal_outcome == "other_2"  # today is long after the payment limit
    services.confirm_withdrawal(case, handler, version=case.version, date=add(D(2025, 3, 6), 21))
    assert fresh(case).outcome == "other_2"


def test_withdrawal_by_the_applicant(case: Case, handler: Any) -> None:
    services.withdraw(case, handler, version=case.version, date=D(2025, 3, 7), reason="电话撤回")
    assert fresh(case).outcome == "other_3"


def test_service_and_archive(case: Case, handler: Any) -> None:
    with pytest.raises(ValidationError, match="尚未答复"):
        services.archive(case, handler, version=case.version)
    services.reply(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 20),
        outcome_key="granted",
        provision_method="电子邮件",
    )
    case = fresh(case)
    with pytest.raises(ValidationError, match="送达"):
        services.archive(case, handler, version=case.version)
    services.record_service(
        case, handler, version=case.version, date=D(2025, 3, 21), method="email"
    )
    case = fresh(case)
    services.archive(case, handler, version=case.version, date=D(2025, 3, 24))
    case = fresh(case)
    assert case.state == "archived" and case.archived_on == D(2025, 3, 24)
    with pytest.raises(ValidationError, match="归档"):
        services.assign(case, handler, handler, version=case.version)


def test_concurrent_edit_conflict_overwrites_nothing(case: Case, handler: Any, head: Any) -> None:
    seen = case.version
    services.assign(case, head, handler, version=seen)  # the first editor wins
    events = CaseEvent.objects.filter(case=case).count()
    stale = Case.objects.get(pk=case.pk)
    with pytest.raises(services.ConflictError, match="已被其他人修改"):
        services.edit_details(stale, handler, version=seen, phone="13900000000")
    with pytest.raises(services.ConflictError):
        services.reply(stale, handler, version=seen, date=D(2025, 3, 20), outcome_key="granted")
    case = fresh(case)
    assert case.phone == "13800000000" and case.version == seen + 1
    assert CaseEvent.objects.filter(case=case).count() == events


def test_edit_details_is_audited(case: Case, handler: Any) -> None:
    services.edit_details(case, handler, version=case.version, phone="13900000000")
    entry = AuditEntry.objects.get(case=case, action="edit_details")
    assert entry.changes == {"phone": {"from": "13800000000", "to": "13900000000"}}
    assert fresh(case).phone == "13900000000"


def test_double_submit_is_refused(tree: Any, handler: Any) -> None:
    first = register(tree.city, handler, token="tok-1")
    with pytest.raises(services.DuplicateSubmission) as info:
        register(tree.city, handler, token="tok-1")
    assert info.value.case_id == first.pk
    assert Case.objects.count() == 1


def test_event_log_is_append_only(case: Case) -> None:
    event = case.events.first()
    assert event is not None
    event.data = {"x": 1}
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_clock_errors_name_the_event(case: Case, handler: Any) -> None:
    with pytest.raises(ValidationError, match=r"收到补正.*correction_requested"):
        services.receive_correction(case, handler, version=case.version, date=D(2025, 3, 6))
    assert fresh(case).version == case.version


def test_other_agencies_cannot_touch_the_case(case: Case, tree: Any) -> None:
    outsider = make_user("outsider", "handler", tree.other_city)
    supervisor = make_user("sup-province", "supervisor", tree.province)
    for user in (outsider, supervisor):
        with pytest.raises(PermissionDenied):
            services.assign(case, user, None, version=case.version)


def test_duplicates_are_found_at_intake(case: Case, tree: Any) -> None:
    found = services.possible_duplicates(
        tree.city,
        name="张 三丰",
        id_number="110101199003071233",
        description="2024年临川市老旧小区改造项目招标文件",
        on=D(2025, 4, 1),
    )
    assert [d.case for d in found] == [case]
    assert not services.possible_duplicates(
        tree.city,
        name="张三丰",
        id_number="110101199003071233",
        description="完全不同的税务信息内容",
        on=D(2025, 4, 1),
    )


def test_statistics_records_for_open_cases(case: Case) -> None:
    (record,) = application_records([case.agency_id])
    assert (record.applicant, record.received, record.concluded, record.outcome) == (
        "natural_person",
        D(2025, 3, 3),
        None,
        None,
    )
