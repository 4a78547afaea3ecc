"""Art. 35: for a clearly unreasonable volume with reasons the agency accepts, it may set a
later, reasonable due date and tell the applicant — within the reply period.
Received 2025-03-03 → due 2025-03-31.
"""

import pytest

from gongkai.clock import CaseError, EventType

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"


def test_the_deferral_sets_the_due_date():
    result = in_person(
        RECEIVED,
        ev("deferred", "2025-03-20", until="2025-05-30"),
        ev("replied", "2025-05-29", outcome="granted"),
    )
    assert result.reply_due == D("2025-05-30") and result.overdue is False
    step = next(s for s in result.steps if s.kind == "deferred")
    assert "第三十五条" in step.text and step.due == D("2025-05-30")


def test_a_deferral_after_the_due_date_moves_nothing():
    result = in_person(
        RECEIVED,
        ev("deferred", "2025-04-02", until="2025-05-30"),
        ev("replied", "2025-04-10", outcome="granted"),
    )
    assert result.reply_due == D("2025-03-31") and result.overdue is True
    assert [s.type for s in result.late_steps] == [EventType.DEFERRED]


def test_a_deferral_must_be_later_than_the_due_date():
    with pytest.raises(CaseError) as caught:
        in_person(RECEIVED, ev("deferred", "2025-03-20", until="2025-03-28"))
    assert caught.value.field == "until"


def test_a_deferral_needs_a_date():
    with pytest.raises(CaseError) as caught:
        in_person(RECEIVED, ev("deferred", "2025-03-20", until="next month"))
    assert caught.value.field == "until"
