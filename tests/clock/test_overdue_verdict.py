"""The clock's overdue verdict, cached by the platform as ``overdue_from`` (the first day a
case counts as overdue while it stays unreplied). Received 2025-03-03 → due 2025-03-31.
"""

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"


def test_a_running_case_is_overdue_from_the_day_after_its_due_date():
    assert in_person(RECEIVED).overdue_from == D("2025-04-01")


def test_a_pause_after_the_due_date_leaves_the_case_overdue():
    result = in_person(RECEIVED, ev("consultation_sent", "2025-04-02"), today="2025-04-10")
    assert result.overdue is True and result.overdue_from == D("2025-04-01")


def test_a_served_consultation_is_overdue_after_its_projected_due_date():
    # letter served 3/10, limit 3/31, resume then + 15 → 4/22 (see test_consultation_pause)
    result = in_person(
        RECEIVED,
        ev("consultation_sent", "2025-03-10"),
        ev("notice_served", "2025-03-10", notice="consultation_sent", method="in_person"),
        today="2025-03-20",
    )
    assert result.overdue is False and result.overdue_from == D("2025-04-23")


def test_no_verdict_while_the_applicant_has_to_act_or_after_the_reply():
    waiting = in_person(RECEIVED, ev("correction_requested", "2025-03-06"))
    assert waiting.overdue_from is None
    replied = in_person(RECEIVED, ev("replied", "2025-04-10", outcome="granted"))
    assert replied.overdue_from is None and replied.overdue is True
