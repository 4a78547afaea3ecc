"""The demo generator: realistic logs the clock accepts, covering every channel, applicant
type and clock event, loaded in bulk with the same cached columns the services derive."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from gongkai.calendar import statutory_holidays
from gongkai.clock import Channel, ClockResult, EventType, Status
from gongkai.letters import reply_letter_type
from gongkai.statistics import table3_for_year
from gongkai.web.cases import demo, letters, services
from gongkai.web.cases.choices import APPLICANT_TYPE_LABELS
from gongkai.web.cases.models import Case
from gongkai.web.cases.statistics import application_records
from gongkai.web.workcalendar.services import work_calendar

from .conftest import D

pytestmark = pytest.mark.django_db


def test_demo_cases_cover_the_rules_and_feed_table_3(
    tree: Any, role_users: dict[str, Any], today: Any
) -> None:
    today.day = D(2026, 11, 20)
    agencies = {"lc": tree.city, "dh": tree.district, "lc-jyj": tree.city_dept}
    items = demo.build(agencies, today.day, seed=7)
    assert len(items) > 300
    kinds = Counter(kind for item in items for kind, *_ in item.events)
    assert {t.value for t in EventType} <= set(kinds)
    # a case keeps the channel it came by; ``reopening`` is the clock's name for a new handling
    assert {item.case.channel for item in items} == {c.value for c in Channel} - {"reopening"}
    assert {item.case.applicant_type for item in items} == set(APPLICANT_TYPE_LABELS)
    loaded = services.bulk_import(items, role_users["admin"])
    assert loaded == len(items) == Case.objects.count()
    sample = Case.objects.order_by("?")[:20]
    for case in sample:  # the bulk cache equals what refresh derives from the stored log
        before = (case.state, case.reply_due, case.replied_on, case.outcome)
        services.refresh(case)
        assert (case.state, case.reply_due, case.replied_on, case.outcome) == before
    records = list(application_records([a.pk for a in agencies.values()]))
    table = table3_for_year(records, 2025).values
    for column in range(7):  # A1 holds by construction
        assert (
            table["new_received"][column] + table["carried_over"][column]
            == table["total"][column] + table["carried_forward"][column]
        )
    assert table["total"][6] > 0


def _events(case: Case) -> list[tuple[str, dt.date, dict[str, Any], int]]:
    return list(case.events.order_by("seq").values_list("kind", "date", "data", "seq"))


def _one(kind: str, case: Case) -> tuple[str, dt.date, dict[str, Any], int]:
    found = [row for row in _events(case) if row[0] == kind]
    assert len(found) == 1, (case.description, kind)
    return found[0]


def test_demo_showcase_cases_show_what_they_say(
    tree: Any, role_users: dict[str, Any], today: Any
) -> None:
    today.day = D(2026, 11, 20)
    agencies = {"lc": tree.city, "dh": tree.district}
    items = demo.build(agencies, today.day, seed=7)
    again = demo.build(agencies, today.day, seed=7)
    assert [(i.case.number, i.case.description, i.events[-1][:3]) for i in items] == [
        (i.case.number, i.case.description, i.events[-1][:3]) for i in again
    ]  # deterministic for a given day
    services.bulk_import(items, role_users["admin"])
    showcase = Case.objects.filter(description__startswith=demo.SHOWCASE_MARK)
    assert showcase.count() == 10
    assert {c.agency_id for c in showcase} == {tree.city.pk}  # the staffed agency
    numbers = list(Case.objects.filter(agency=tree.city).values_list("number", flat=True))
    assert len(numbers) == len(set(numbers))
    cal = work_calendar()

    def shows(title: str) -> tuple[Case, ClockResult]:
        case = showcase.get(description__contains=title)
        return case, services.compute(case, as_of=today.day)

    def late_types(result: ClockResult) -> set[EventType]:
        return {s.type for s in result.late_steps}

    # (1) an extension after the due date moves nothing: still overdue
    case, result = shows("延期决定晚于答复期限")
    assert late_types(result) == {EventType.EXTENDED}
    assert result.overdue and result.reply_due == result.original_reply_due
    assert _one("extended", case)[1] > result.reply_due and case.overdue_from is not None

    # (2) a correction notice after the due date: no restart, no limit, still overdue
    case, result = shows("补正告知晚于答复期限")
    assert late_types(result) == {EventType.CORRECTION_REQUESTED}
    assert result.status is Status.RUNNING and result.overdue
    assert result.correction_limit is None and result.withdrawal is None

    # (3) a fee notice after the due date: no pause, no payment limit, still overdue
    case, result = shows("收费通知晚于答复期限")
    assert late_types(result) == {EventType.FEE_NOTICE_SENT}
    assert result.status is Status.RUNNING and result.overdue
    assert result.fee_payment_limit is None

    # (4) served by post days after sending: the correction limit counts from service
    case, result = shows("补正告知邮寄送达")
    sent = _one("correction_requested", case)[1]
    served = _one("notice_served", case)
    assert served[2] == {"notice": "correction_requested", "method": "post"}
    assert served[1] > sent and not result.late_steps
    assert result.status is Status.AWAITING_CORRECTION
    assert result.correction_limit == cal.add_workdays(served[1], 15)
    assert result.correction_limit > cal.add_workdays(sent, 15)

    # (5) another agency consulted (Art. 34), the letter not yet served: paused, no limit
    case, result = shows("征求其他机关意见")
    letter = _one("consultation_sent", case)
    assert letter[2]["consultee"] == "agency"
    assert result.status is Status.PAUSED and result.unserved == (letter[3],)
    assert result.consultation_limits == () and not result.overdue
    consultation = case.consultations.get()
    assert consultation.kind == "agency" and consultation.limit is None

    # (6) Art. 35: the due date is the date the agency set
    case, result = shows("确定延迟答复的合理期限")
    deferred = _one("deferred", case)
    assert result.reply_due == dt.date.fromisoformat(deferred[2]["until"])
    assert result.reply_due > result.original_reply_due and not result.late_steps
    assert result.unserved == ()

    # (7) reopened after a review: the new reply period is the decision's (15 working days)
    case, result = shows("复议纠正后重新办理")
    reopened = _one("reopened", case)
    assert reopened[2]["period"] == 15 and reopened[2]["unit"] == "workdays"
    assert reopened[2]["decision"] and reopened[2]["reason"]
    assert result.channel is Channel.REOPENING and case.reopened_on == reopened[1]
    assert result.reply_due == cal.add_workdays(reopened[1], 15) == case.reply_due
    assert case.replied_on is None and case.received < reopened[1]

    # (8) an ordinary letter confirmed two days after it arrived: a late step
    case, result = shows("平常信函到达两日后才确认")
    arrived, confirmed = _one("arrived", case)[1], _one("confirmed", case)[1]
    assert result.received == confirmed == cal.add_workdays(arrived, 2)
    assert late_types(result) == {EventType.CONFIRMED}

    # (9) a due date across the Spring Festival of 2027, counted provisionally
    case, result = shows("春节")
    festival = sorted(d for d, h in statutory_holidays(2027).items() if h.name == "春节")
    assert result.provisional and 2027 in result.provisional_years and case.provisional
    assert result.reply_due.year == 2027 and result.reply_due > festival[-1]
    assert not any(cal.is_workday(d) for d in festival)
    assert result.reply_due == cal.add_workdays(festival[0] - dt.timedelta(days=1), 10)

    # (10) two extensions of 10 working days: 20 in total, each counted on the last
    case, result = shows("两次延期")
    assert result.extension_workdays == 20 and not result.late_steps
    assert result.reply_due == cal.add_workdays(result.original_reply_due, 20)
    assert case.extensions.filter(approved=True).count() == 2


def test_every_demo_reply_letter_can_be_made(
    tree: Any, role_users: dict[str, Any], today: Any
) -> None:
    today.day = D(2026, 11, 20)
    items = demo.build({"lc": tree.city, "dh": tree.district}, today.day, seed=11)
    services.bulk_import(items, role_users["admin"])
    sample: dict[str, Case] = {}
    for case in Case.objects.exclude(outcome="").order_by("pk"):
        sample.setdefault(case.outcome, case)
    # every outcome the generator gives, the correction and fee withdrawals among them
    assert set(sample) == {k for k, _ in demo._OUTCOMES} | {"unable_3", "other_1", "other_2"}
    for key, case in sample.items():
        letter = reply_letter_type(key).key
        assert letter in {c.key for c in letters.available(case)}
        kind, context = letters.context(case, letter, today.day)
        assert kind == letter and context.outcome == key
        letters.fill(case, letter, today.day)  # every field the letter needs is there
