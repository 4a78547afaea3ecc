"""Overdue as of a day, and on reply. Received 2025-03-03 → due 2025-03-31 (see the
receipt table)."""

import pytest

from gongkai.clock import Status

from .builders import D, ev, in_person


@pytest.mark.parametrize(
    ("today", "overdue", "late"),
    [
        ("2025-03-31", False, 0),  # the due date itself is in time
        ("2025-04-02", True, 2),  # 4/1, 4/2
        ("2025-04-07", True, 4),  # 4/1–3, 4/4–6 清明 off, 4/7
    ],
)
def test_overdue_as_of_a_day(today, overdue, late):
    result = in_person("2025-03-03", today=today)
    assert result.overdue is overdue
    assert result.overdue_workdays == late
    assert any(s.kind == "overdue" for s in result.steps) is overdue


def test_no_as_of_day_no_overdue_answer():
    assert in_person("2025-03-03").overdue is None


@pytest.mark.parametrize(
    ("replied", "overdue", "late"),
    [("2025-03-31", False, 0), ("2025-04-01", True, 1)],
)
def test_reply_in_time_or_late(replied, overdue, late):
    result = in_person("2025-03-03", ev("replied", replied, outcome="granted"), today="2025-06-01")
    assert result.status is Status.REPLIED
    assert result.replied_on == D(replied)
    assert result.overdue is overdue and result.overdue_workdays == late


def test_result_is_json_able_with_a_timeline():
    import json

    data = in_person("2025-09-26", today="2025-10-09").to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["received"] == "2025-09-26" and data["reply_due"] == "2025-10-30"
    assert data["provisional"] is False and data["overdue"] is False
    kinds = [s["kind"] for s in data["timeline"]]
    assert kinds == ["received", "holiday", "correction_notice_due", "reply_due"]
    assert data["timeline"][1]["end"] == "2025-10-08"


def test_same_input_same_output():
    first = in_person("2025-01-20", ev("extended", "2025-02-10", workdays=5), today="2025-03-01")
    second = in_person("2025-01-20", ev("extended", "2025-02-10", workdays=5), today="2025-03-01")
    assert first.to_dict() == second.to_dict()
