"""A review is linked to the application it is about; a 纠正 result reopens the replied
application with a new reply period (cases.services.reopen_after_review)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from gongkai.calendar import default_calendar
from gongkai.statistics import table3_for_year
from gongkai.web.annual import builder
from gongkai.web.annual.records import linked_records
from gongkai.web.annual.sources import PlatformSource
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import AuditEntry, Case
from gongkai.web.cases.statistics import application_records
from gongkai.web.reviews import services
from tests.web.cases.conftest import register
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date
DECIDED = D(2025, 7, 1)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_services, "today", lambda: D(2025, 7, 10))


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def replied_and_archived(tree: Tree, handler: Any) -> Case:
    """Received 2024-12-02, answered 2024-12-10 (unable_1), served and archived."""
    case = register(tree.city, handler, submitted_on=D(2024, 12, 2))
    case_services.reply(
        case, handler, version=case.version, date=D(2024, 12, 10), outcome_key="unable_1"
    )
    case = fresh(case)
    case_services.record_service(
        case, handler, version=case.version, date=D(2024, 12, 11), method="post"
    )
    case = fresh(case)
    case_services.archive(case, handler, version=case.version, date=D(2024, 12, 20))
    return fresh(case)


def corrected(tree: Tree, handler: Any, case: Case) -> Any:
    review = services.record_review(
        agency=tree.city,
        kind="review",
        filed=D(2025, 3, 6),
        by=handler,
        case=case,
        reference="临府复〔2025〕3号",
    )
    services.conclude_review(review, result="corrected", on=DECIDED, by=handler)
    return review


def test_corrected_review_reopens_the_case_with_a_new_due_date(tree: Tree) -> None:
    handler = make_user("h", "handler", tree.city)
    case = replied_and_archived(tree, handler)
    review = corrected(tree, handler, case)
    assert review.reopened_case
    case = fresh(case)
    assert case.state == "running" and case.is_open and case.archived_on is None
    assert case.outcome == "" and case.reopened_on == DECIDED
    assert case.received == D(2024, 12, 2)  # the application itself was received then
    assert case.reply_due == default_calendar().add_workdays(DECIDED, 20) == D(2025, 7, 29)
    event = case.events.order_by("seq").last()
    assert event is not None and event.kind == "reopened"
    assert event.data["review"] == review.pk and "行政复议临府复〔2025〕3号" in event.data["reason"]
    audit = AuditEntry.objects.get(case=case, action="reopened")
    assert audit.actor == handler and audit.changes["date"] == "2025-07-01"
    # the original reply stays in the log
    assert list(case.events.filter(kind="replied").values_list("date", flat=True)) == [
        D(2024, 12, 10)
    ]


def test_reopened_case_on_its_page_and_in_the_list_filters(tree: Tree) -> None:
    handler = make_user("h", "handler", tree.city)
    case = replied_and_archived(tree, handler)
    review = corrected(tree, handler, case)
    client = Client()
    assert client.login(username=handler.username, password=PASSWORD)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'data-testid="reopened"' in page and "2025年7月29日" in page
    assert 'data-testid="reply-due"' in page
    listed = client.get("/cases/", {"state": "open"}).content.decode()
    assert case.number in listed
    assert case.number in client.get("/cases/", {"due_within": 20}).content.decode()
    assert case.number not in client.get("/cases/", {"state": "replied"}).content.decode()
    assert case.number not in client.get("/cases/", {"overdue": "on"}).content.decode()
    review_page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert 'data-testid="reopened"' in review_page and "reopen-needed" not in review_page


def test_the_new_handling_is_answered_and_archived_again(tree: Tree) -> None:
    handler = make_user("h", "handler", tree.city)
    case = replied_and_archived(tree, handler)
    corrected(tree, handler, case)
    case = fresh(case)
    with pytest.raises(ValidationError, match="尚未答复"):
        case_services.archive(case, handler, version=case.version, date=D(2025, 7, 2))
    case_services.reply(
        case, handler, version=case.version, date=D(2025, 7, 15), outcome_key="granted"
    )
    case = fresh(case)
    assert (case.state, case.replied_on, case.outcome) == ("replied", D(2025, 7, 15), "granted")
    # the first reply's service does not count for the new reply
    with pytest.raises(ValidationError, match="送达"):
        case_services.archive(case, handler, version=case.version, date=D(2025, 7, 16))
    case_services.record_service(
        case, handler, version=case.version, date=D(2025, 7, 16), method="post"
    )
    case = fresh(case)
    case_services.archive(case, handler, version=case.version, date=D(2025, 7, 20))
    assert fresh(case).state == "archived"


def test_annual_statistics_count_each_handling_in_its_own_year(tree: Tree) -> None:
    """The original reply stays in 2024; the reopening is received and answered in 2025."""
    handler = make_user("h", "handler", tree.city)
    case = replied_and_archived(tree, handler)
    ids = [tree.city.pk]

    def table(year: int) -> dict[str, int]:
        rows = table3_for_year(application_records(ids, year=year), year).values
        assert rows == table3_for_year(application_records(ids), year).values
        return {row: values[-1] for row, values in rows.items() if values[-1]}

    before = table(2024)
    assert before == {"new_received": 1, "unable_1": 1, "total": 1}
    corrected(tree, handler, case)
    assert table(2024) == before  # the report for 2024 does not change
    assert table(2025) == {"new_received": 1, "carried_forward": 1}
    case = fresh(case)
    case_services.reply(
        case, handler, version=case.version, date=D(2025, 7, 15), outcome_key="granted"
    )
    assert table(2025) == {"new_received": 1, "granted": 1, "total": 1}
    assert table(2024) == before
    sources = table3_for_year(application_records(ids), 2025).sources
    assert sources.of("granted", 6) == [f"{case.pk}-1"]
    # the annual report's cell page links the later handling to its case
    (linked,) = linked_records(handler, {"table3": sources.to_dict()}, "table3", "granted", 6)
    assert linked.url == f"/cases/{case.pk}/" and "重新办理" in linked.detail


def test_a_case_not_yet_replied_is_not_reopened(tree: Tree) -> None:
    handler = make_user("h", "handler", tree.city)
    case = register(tree.city, handler, submitted_on=D(2025, 6, 2))
    review = corrected(tree, handler, case)
    assert not review.reopened_case
    assert fresh(case).reopened_on is None
    client = Client()
    assert client.login(username=handler.username, password=PASSWORD)
    assert 'data-testid="reopen-needed"' in client.get(f"/reviews/{review.pk}/").content.decode()


def test_reopening_needs_a_reason_and_a_day_after_the_reply(tree: Tree) -> None:
    handler = make_user("h", "handler", tree.city)
    case = replied_and_archived(tree, handler)
    with pytest.raises(ValidationError, match="原因"):
        case_services.reopen_after_review(case, by=handler, date=DECIDED, reason=" ")
    with pytest.raises(ValidationError, match="早于原答复日期"):
        case_services.reopen_after_review(case, by=handler, date=D(2024, 12, 9), reason="纠正")
    other = make_user("o", "handler", tree.other_city)
    with pytest.raises(Exception, match="无权"):
        case_services.reopen_after_review(case, by=other, date=DECIDED, reason="纠正")
    assert fresh(case).reopened_on is None


def test_a_case_of_another_agency_is_refused(tree: Tree) -> None:
    case = register(tree.other_city, make_user("o", "handler", tree.other_city))
    with pytest.raises(ValidationError, match="不是该机关"):
        services.record_review(
            agency=tree.city,
            kind="review",
            filed=D(2025, 5, 6),
            by=make_user("h", "handler", tree.city),
            case=case,
        )


def test_with_reopenings_not_counted_the_report_says_so(tree: Tree, settings: Any) -> None:
    """GONGKAI_COUNT_REOPENED=0: the reopened handling is in no 2025 row, and the report
    lists that counting rule next to its tables."""
    settings.GONGKAI_COUNT_REOPENED = False
    handler = make_user("h", "handler", tree.city)
    case = replied_and_archived(tree, handler)
    corrected(tree, handler, case)
    case = fresh(case)
    case_services.reply(
        case, handler, version=case.version, date=D(2025, 7, 15), outcome_key="granted"
    )
    built = builder.build_tables(
        PlatformSource(),
        [tree.city.pk],
        2025,
        agency_name="临川市人民政府",
        agency_kind="government",
    )
    assert all(v == 0 for row in built.report.table3.values() for v in row)
    assert any("不重复统计" in line for line in built.basis)
    settings.GONGKAI_COUNT_REOPENED = True
    built = builder.build_tables(
        PlatformSource(),
        [tree.city.pk],
        2025,
        agency_name="临川市人民政府",
        agency_kind="government",
    )
    assert built.report.table3["granted"][-1] == 1
