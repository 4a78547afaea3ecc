"""国办函〔2020〕109号: the fee notice is sent within the handling period. One sent after the
reply period has run out pauses nothing and cannot turn the case into a deemed withdrawal
that hides its lateness. Received 2025-03-03 → due 2025-03-31.
"""

from gongkai.clock import EventType, Status

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"
LATE_NOTICE = ev("fee_notice_sent", "2025-04-02")
SERVED = ev("notice_served", "2025-04-02", notice="fee_notice_sent", method="in_person")


def test_a_late_fee_notice_never_becomes_a_deemed_withdrawal():
    # the case: without payment, 20 working days after 4/2 used to withdraw the case
    result = in_person(RECEIVED, LATE_NOTICE, SERVED, today="2025-05-20")
    assert result.status is Status.RUNNING
    assert result.withdrawal is None
    assert result.fee_payment_limit is None
    assert result.overdue is True and result.reply_due == D("2025-03-31")
    [late] = result.late_steps
    assert late.type is EventType.FEE_NOTICE_SENT and "109号" in late.rule


def test_payment_after_a_late_fee_notice_is_recorded_and_moves_nothing():
    result = in_person(
        RECEIVED,
        LATE_NOTICE,
        ev("fee_paid", "2025-04-08"),
        ev("replied", "2025-04-09", outcome="granted"),
    )
    assert result.reply_due == D("2025-03-31") and result.overdue is True
    assert any("收费通知未发生效力" in s.text for s in result.steps)


def test_a_consultation_after_the_due_date_keeps_the_case_overdue():
    result = in_person(RECEIVED, ev("consultation_sent", "2025-04-02"), today="2025-04-03")
    assert result.status is Status.PAUSED
    assert result.overdue is True and result.overdue_from == D("2025-04-01")
    assert [s.type for s in result.late_steps] == [EventType.CONSULTATION_SENT]
