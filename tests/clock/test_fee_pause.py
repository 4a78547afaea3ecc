"""Fee notice (信息处理费): the applicant pays within 20 working days; the time from the
notice to payment does not count (*policy*, default on); no payment ⇒ deemed withdrawn
(other_2). Calendar: March–April 2025 (清明节 4月4日至6日放假).

Received 2025-03-03 → due 2025-03-31. Fee notice 2025-03-12: frozen 3/13–14 (2),
3/17–21 (7), 3/24–28 (12), 3/31 (13) = 13 working days. The notice is e-mailed and
received the same day; payment limit, 20 working days from the day after receipt: 3/13–14 (2), 3/17–21 (7), 3/24–28 (12), 3/31–4/3 (16), 4/7–10 (20) = 4/10.
"""

import pytest

from gongkai.clock import CaseError, ClockSettings, Status

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"
NOTICE = ev("fee_notice_sent", "2025-03-12")
SERVED = ev("notice_served", "2025-03-12", notice="fee_notice_sent", method="email")


def test_payment_resumes_the_clock():
    # resume 3/20 + 13: 3/21 (1), 3/24–28 (6), 3/31–4/3 (10), 4/7–9 (13)
    result = in_person(RECEIVED, NOTICE, SERVED, ev("fee_paid", "2025-03-20"))
    assert result.fee_payment_limit == D("2025-04-10")
    assert result.reply_due == D("2025-04-09")
    assert result.status is Status.RUNNING


@pytest.mark.parametrize(
    ("today", "status"),
    [("2025-04-10", Status.PAUSED), ("2025-04-11", Status.DEEMED_WITHDRAWN)],
    ids=["last-day-to-pay", "deemed-withdrawn-after-20-working-days"],
)
def test_no_payment_is_deemed_withdrawn_after_the_limit(today, status):
    result = in_person(RECEIVED, NOTICE, SERVED, today=today)
    assert result.status is status
    if status is Status.DEEMED_WITHDRAWN:
        assert result.withdrawal is not None
        assert result.withdrawal.outcome == "other_2"
        assert result.withdrawal.as_of == D("2025-04-11")
        assert any(s.kind == "deemed_withdrawn" for s in result.steps)
    assert result.overdue is False


def test_without_the_fee_pause_the_clock_keeps_running():
    settings = ClockSettings(fee_pause=False)
    result = in_person(RECEIVED, NOTICE, ev("fee_paid", "2025-03-20"), settings=settings)
    assert result.reply_due == D("2025-03-31")


def test_payment_without_a_notice_is_refused():
    with pytest.raises(CaseError) as caught:
        in_person(RECEIVED, ev("fee_paid", "2025-03-20"))
    assert caught.value.index == 1 and caught.value.event_type == "fee_paid"
